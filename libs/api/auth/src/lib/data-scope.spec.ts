import { DataScope } from './data-scope';
import { AuthUser } from './auth-user';

const user = (role: AuthUser['role']): AuthUser => ({ id: 'u-1', username: 'x', displayName: 'X', role });

describe('DataScope', () => {
  it('limits an account manager to the customers they own', () => {
    const scope = DataScope.of(user('account_manager'));
    expect(scope.ownerId).toBe('u-1');
    expect(scope.includes('u-1')).toBe(true);
    expect(scope.includes('u-2')).toBe(false);
    expect(scope.includes(null)).toBe(false);
  });

  it.each(['marketing', 'leader', 'admin'] as const)('lets %s see every customer', (role) => {
    const scope = DataScope.of(user(role));
    expect(scope.ownerId).toBeNull();
    expect(scope.includes('anyone')).toBe(true);
  });

  it('writes a positional SQL condition for an account manager and TRUE for the others', () => {
    const params: unknown[] = ['first'];
    expect(DataScope.of(user('account_manager')).sql('c.account_manager_id', params)).toBe('c.account_manager_id = $2');
    expect(params).toEqual(['first', 'u-1']);
    const none: unknown[] = [];
    expect(DataScope.of(user('leader')).sql('c.account_manager_id', none)).toBe('TRUE');
    expect(none).toEqual([]);
  });
});
