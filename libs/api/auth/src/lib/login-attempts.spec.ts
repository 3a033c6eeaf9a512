import { TooManyAttemptsError } from '@crm/shared/domain';
import { LoginAttempts } from './login-attempts';

describe('LoginAttempts', () => {
  let clock = 0;
  const attempts = () => new LoginAttempts(3, 60_000, () => clock);

  beforeEach(() => (clock = 1_000_000));

  it('refuses a key after the maximum of failures within the window', () => {
    const a = attempts();
    a.fail('k');
    a.fail('k');
    expect(() => a.check('k')).not.toThrow();
    a.fail('k');
    expect(() => a.check('k')).toThrow(TooManyAttemptsError);
    expect(() => a.check('other')).not.toThrow();
  });

  it('lets the key try again once the window has passed', () => {
    const a = attempts();
    [1, 2, 3].forEach(() => a.fail('k'));
    clock += 60_001;
    expect(() => a.check('k')).not.toThrow();
  });

  it('forgets the failures after a successful login', () => {
    const a = attempts();
    [1, 2, 3].forEach(() => a.fail('k'));
    a.succeed('k');
    expect(() => a.check('k')).not.toThrow();
  });
});
