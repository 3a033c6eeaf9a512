import { isRole, ROLE_HOME, ROLES } from './roles';

describe('roles', () => {
  it('knows exactly the five roles of the design', () => {
    expect([...ROLES].sort()).toEqual(['account_manager', 'admin', 'auditor', 'leader', 'marketing']);
  });

  it('accepts a known role and rejects anything else', () => {
    expect(isRole('leader')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('gives every role a distinct home page', () => {
    const homes = ROLES.map((r) => ROLE_HOME[r]);
    expect(new Set(homes).size).toBe(ROLES.length);
    homes.forEach((h) => expect(h).toMatch(/^\//));
  });
});
