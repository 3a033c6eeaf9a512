import { Role } from '@crm/shared/domain';

/** Who writes plan templates and enrols whole segments (as the API allows). */
export const ROLES_EDITING_PLANS: readonly Role[] = ['leader', 'admin', 'marketing'];

/** Who follows how well the planned services are done. */
export const ROLES_FOLLOWING_COMPLETION: readonly Role[] = ['leader', 'admin'];
