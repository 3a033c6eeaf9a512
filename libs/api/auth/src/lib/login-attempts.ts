import { TooManyAttemptsError } from '@crm/shared/domain';

/**
 * Login rate limit: after `maxFailures` failed logins for one username from one address within
 * `windowMs`, further attempts are refused until the window has passed. A success clears the count.
 * Kept in memory, so with several API instances each one counts its own attempts.
 */
export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws TooManyAttemptsError when this key may not try now. */
  check(key: string): void {
    const recent = this.recent(key);
    if (recent.length >= this.maxFailures) {
      const waitSeconds = Math.ceil((recent[0] + this.windowMs - this.now()) / 1000);
      throw new TooManyAttemptsError(`Too many failed logins: try again in ${waitSeconds} s`);
    }
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
