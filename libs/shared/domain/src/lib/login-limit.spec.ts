import { LoginLimits, loginWaitSeconds } from './login-limit';

const limits: LoginLimits = { perUserAndAddress: 3, perAddress: 10, windowSeconds: 60 };
const none = { count: 0, oldestAgeSeconds: null };

describe('loginWaitSeconds', () => {
  it('lets a login be tried below both limits', () => {
    expect(loginWaitSeconds(none, none, limits)).toBe(0);
    expect(loginWaitSeconds({ count: 2, oldestAgeSeconds: 5 }, { count: 9, oldestAgeSeconds: 50 }, limits)).toBe(0);
  });

  it('refuses a username from an address that failed the limit, until the oldest failure leaves the window', () => {
    expect(loginWaitSeconds({ count: 3, oldestAgeSeconds: 20.2 }, { count: 3, oldestAgeSeconds: 20.2 }, limits)).toBe(
      40,
    );
  });

  it('refuses an address that failed across many usernames, even for a username it never tried', () => {
    expect(loginWaitSeconds(none, { count: 10, oldestAgeSeconds: 59.5 }, limits)).toBe(1);
  });

  it('waits for the later of the two limits', () => {
    expect(loginWaitSeconds({ count: 3, oldestAgeSeconds: 50 }, { count: 10, oldestAgeSeconds: 10 }, limits)).toBe(50);
  });
});
