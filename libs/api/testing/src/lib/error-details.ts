import { ErrorDetail } from '@crm/shared/domain';

/** Error details as integrators read them (field and English message), without their message codes. */
export function englishDetails(
  details: ErrorDetail[] | undefined,
): Pick<ErrorDetail, 'field' | 'message'>[] | undefined {
  return details?.map(({ field, message }) => ({ field, message }));
}
