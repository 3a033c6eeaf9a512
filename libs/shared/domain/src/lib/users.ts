import { Page } from './api-types';
import { Role } from './roles';

/** The shortest password a user may have. */
export const PASSWORD_MIN_LENGTH = 10;

/** Why a password may not be used, or null when it may: at least 10 characters and not the username. */
export type PasswordProblem = 'too_short' | 'same_as_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'same_as_username';
  return null;
}

/** Login names: 3 to 50 lowercase letters, digits, dots, dashes or underscores. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;

export const USER_SORT_FIELDS = ['username', 'displayName', 'role', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export const USER_SORTS: readonly string[] = USER_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/** A user as the users page shows it (`GET /api/users`). */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  version: number;
  /** Customers (not closed) this user manages: what a deactivation would hand over. */
  customers: number;
  createdAt: string;
  updatedAt: string;
}

export type UserAccountPage = Page<UserAccount>;

export interface NewUserAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserAccountChange {
  displayName?: string;
  role?: Role;
  active?: boolean;
  version: number;
  /** The account manager who takes over this user's customers when they are deactivated or change role. */
  takeOverManagerId?: string;
  /** Recorded on each customer's timeline; a default says why when omitted. */
  takeOverReason?: string;
}

/**
 * True when a change takes an active account manager away from managing customers (deactivated, or
 * given another role): their customers must then be handed over to another account manager.
 */
export function changeLeavesCustomers(
  current: { role: Role; active: boolean },
  change: { role?: Role; active?: boolean },
): boolean {
  if (current.role !== 'account_manager' || !current.active) return false;
  return change.active === false || (change.role !== undefined && change.role !== 'account_manager');
}
