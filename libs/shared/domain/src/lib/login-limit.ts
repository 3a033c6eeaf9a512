/**
 * How many failed logins are allowed (DESIGN.md, security): per username from one address, and per
 * address across every username (guessing one password against many accounts), within a sliding window.
 */
export interface LoginLimits {
  perUserAndAddress: number;
  perAddress: number;
  windowSeconds: number;
}

export const LOGIN_LIMITS: LoginLimits = { perUserAndAddress: 5, perAddress: 20, windowSeconds: 300 };

/** Failed logins within the window: how many, and how long ago the oldest was (null when none). */
export interface RecentFailures {
  count: number;
  oldestAgeSeconds: number | null;
}

/**
 * Seconds to wait before the next login may be tried (0: it may be tried now). A limit reached
 * frees up when its oldest failure leaves the window.
 */
export function loginWaitSeconds(
  sameUser: RecentFailures,
  sameAddress: RecentFailures,
  limits: LoginLimits = LOGIN_LIMITS,
): number {
  const wait = (recent: RecentFailures, max: number) =>
    recent.count < max ? 0 : Math.max(1, Math.ceil(limits.windowSeconds - (recent.oldestAgeSeconds ?? 0)));
  return Math.max(wait(sameUser, limits.perUserAndAddress), wait(sameAddress, limits.perAddress));
}
