import { changeLeavesCustomers, passwordProblem, USERNAME_PATTERN } from './users';

describe('passwordProblem', () => {
  it('accepts a password of 10 characters or more that is not the username', () => {
    expect(passwordProblem('correct-horse', 'manager9')).toBeNull();
    expect(passwordProblem('0123456789', 'manager9')).toBeNull();
  });

  it('refuses a password shorter than 10 characters, counting characters and not bytes', () => {
    expect(passwordProblem('123456789', 'manager9')).toBe('too_short');
    expect(passwordProblem('', 'manager9')).toBe('too_short');
    expect(passwordProblem('电力客户经理密码九', 'manager9')).toBe('too_short');
    expect(passwordProblem('电力客户经理密码十个', 'manager9')).toBeNull();
  });

  it('refuses the username as the password, whatever its case and surrounding spaces', () => {
    expect(passwordProblem('manager.zhang', 'manager.zhang')).toBe('same_as_username');
    expect(passwordProblem(' Manager.Zhang ', 'manager.zhang')).toBe('same_as_username');
    expect(passwordProblem('manager.zhang1', 'manager.zhang')).toBeNull();
  });
});

describe('USERNAME_PATTERN', () => {
  it('takes lowercase letters, digits, dots, dashes and underscores, 3 to 50 of them', () => {
    expect(USERNAME_PATTERN.test('manager1')).toBe(true);
    expect(USERNAME_PATTERN.test('zhang.san_02-a')).toBe(true);
    expect(USERNAME_PATTERN.test('ab')).toBe(false);
    expect(USERNAME_PATTERN.test('Admin')).toBe(false);
    expect(USERNAME_PATTERN.test('a b c')).toBe(false);
    expect(USERNAME_PATTERN.test('x'.repeat(51))).toBe(false);
  });
});

describe('changeLeavesCustomers', () => {
  const manager = { role: 'account_manager' as const, active: true };

  it('is true when an active account manager is deactivated or given another role', () => {
    expect(changeLeavesCustomers(manager, { active: false })).toBe(true);
    expect(changeLeavesCustomers(manager, { role: 'leader' })).toBe(true);
  });

  it('is false for a change that keeps them managing, and for anyone who manages no customers', () => {
    expect(changeLeavesCustomers(manager, { active: true, role: 'account_manager' })).toBe(false);
    expect(changeLeavesCustomers(manager, {})).toBe(false);
    expect(changeLeavesCustomers({ role: 'leader', active: true }, { active: false })).toBe(false);
    expect(changeLeavesCustomers({ ...manager, active: false }, { role: 'marketing' })).toBe(false);
  });
});
