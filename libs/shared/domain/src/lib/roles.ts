/** The five roles of DESIGN.md ("Who uses it and why"). */
export const ROLES = ['account_manager', 'marketing', 'leader', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that read every customer; an account manager reads only their own. */
export const ROLES_READING_ALL_CUSTOMERS: readonly Role[] = ['marketing', 'leader', 'auditor', 'admin'];

/** Roles that register and edit customers (an account manager only their own); marketing and auditors read them. */
export const ROLES_MAINTAINING_CUSTOMERS: readonly Role[] = ['account_manager', 'leader', 'admin'];

/** Roles allowed to move customers between account managers. */
export const ROLES_THAT_HAND_OVER: readonly Role[] = ['leader', 'admin'];

/**
 * Roles that start, advance and cancel applications: the owning account manager (others' are out of their scope) and
 * admins; leadership, marketing and auditors read them.
 */
export const ROLES_WORKING_APPLICATIONS: readonly Role[] = ['account_manager', 'admin'];

/** Where each role lands after logging in (a route of the web app). */
export const ROLE_HOME: Record<Role, string> = {
  account_manager: '/my-day',
  marketing: '/marketing',
  leader: '/leadership',
  auditor: '/marketing-audit',
  admin: '/admin',
};
