import { MessageCode, MessageParams } from './messages';
import { Role } from './roles';

/** Shapes of the public HTTP contract (API.md) shared by the API and the web app. */

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  user: UserSummary;
}

export interface ErrorDetail {
  field: string;
  /** English, for integrators; people read `code` with `params` in their language. */
  message: string;
  code?: MessageCode;
  params?: MessageParams;
}

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  code?: MessageCode;
  params?: MessageParams;
  details?: ErrorDetail[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export interface Notification {
  id: number;
  kind: string;
  summary: string;
  customerId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  read: boolean;
  /** Its cause is gone (the clock it warned of stopped, the tasks it counted were done): no longer unread. */
  resolved: boolean;
}

/** The user's notifications of one kind: how many are listed, how many unread (and not resolved), the latest. */
export interface NotificationGroup {
  kind: string;
  total: number;
  unread: number;
  latestAt: string;
}

export interface NotificationPage extends Page<Notification> {
  /** Unread and not resolved. */
  unread: number;
  /** The listed notifications by kind, the group with the latest first (before the `kind` filter). */
  groups: NotificationGroup[];
}
