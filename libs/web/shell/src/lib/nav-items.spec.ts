import { ROLE_HOME, ROLES } from '@crm/shared/domain';
import { navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it.each(ROLES)('starts the navigation of %s with its home page', (role) => {
    expect(navItemsFor(role)[0].path).toBe(ROLE_HOME[role]);
  });

  it('does not show an account manager the admin pages', () => {
    expect(navItemsFor('account_manager').map((i) => i.path)).not.toContain(ROLE_HOME.admin);
  });

  it.each(ROLES)('shows %s the segments', (role) => {
    expect(navItemsFor(role).map((i) => i.path)).toContain('/segments');
  });

  it.each(ROLES)('shows %s the service plans', (role) => {
    expect(navItemsFor(role).map((i) => i.path)).toContain('/plans');
  });

  it('offers My day, a list of their own tasks, to account managers only: the other roles have no tasks', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/my-day'));
    expect(shown).toEqual(['account_manager']);
  });
});

describe('the change history in the navigation', () => {
  it('is shown to admins and leadership only', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/change-history'));
    expect(shown.sort()).toEqual(['admin', 'leader']);
  });
});

describe('the requests in the navigation', () => {
  it.each(ROLES)('are shown to %s, who works orders', (role) => {
    expect(navItemsFor(role).map((i) => i.path)).toContain('/requests');
  });
});

describe('the service quality in the navigation', () => {
  it('is shown to leadership, marketing and admins', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/service-quality'));
    expect(shown.sort()).toEqual(['admin', 'leader', 'marketing']);
  });
});

describe('the marketing audit in the navigation', () => {
  it('offers the workbench to auditors, admins and leadership, the auditor home page', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/marketing-audit'));
    expect(shown.sort()).toEqual(['admin', 'auditor', 'leader']);
    expect(navItemsFor('auditor')[0].path).toBe('/marketing-audit');
  });

  it('offers the audit figures to leadership, auditors, admins and marketing', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/marketing-audit/figures'));
    expect(shown.sort()).toEqual(['admin', 'auditor', 'leader', 'marketing']);
  });
});

describe('the KPI cockpit in the navigation', () => {
  it("is leadership's home page", () => {
    expect(navItemsFor('leader')[0]).toEqual(expect.objectContaining({ path: '/leadership', label: 'nav.leadership' }));
  });

  it('is offered to admins and marketing at /kpis, and not to leadership twice', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/kpis'));
    expect(shown.sort()).toEqual(['admin', 'marketing']);
  });
});

describe('the monthly report in the navigation', () => {
  it('offers it to leadership, admins and marketing', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/kpis/reports'));
    expect(shown.sort()).toEqual(['admin', 'leader', 'marketing']);
  });
});

describe('the service tasks in the navigation', () => {
  it('are offered to leadership, admins and marketing (account managers have their day)', () => {
    const shown = ROLES.filter((role) => navItemsFor(role).some((i) => i.path === '/tasks'));
    expect(shown.sort()).toEqual(['admin', 'leader', 'marketing']);
  });
});
