import {
  applicationMissingField,
  applicationRefusal,
  capacityAfterCompletion,
  capacityProblem,
  completionRefusal,
  energisationRefusal,
  stageAfterStep,
  stageWhileOpen,
} from './lifecycle';

describe('which applications a customer may start', () => {
  const active = { stage: 'active' as const, capacityKva: 1000 };

  it('refuses everything on a closed customer and all but closure on a closing one', () => {
    expect(applicationRefusal({ stage: 'closed', capacityKva: 1 }, [], { type: 'closure' })).toMatch(/closed/);
    expect(applicationRefusal({ stage: 'closing', capacityKva: 1 }, ['closure'], { type: 'suspension' })).toMatch(
      /only the closure/,
    );
  });

  it('allows one open application per type', () => {
    expect(applicationRefusal(active, ['suspension'], { type: 'suspension' })).toMatch(
      /already has an open suspension/,
    );
    expect(applicationRefusal(active, ['transfer'], { type: 'suspension' })).toBeNull();
  });

  it('allows a new connection only for a customer not yet connected', () => {
    expect(applicationRefusal({ stage: 'applying', capacityKva: 1 }, [], { type: 'new_connection' })).toBeNull();
    expect(applicationRefusal(active, [], { type: 'new_connection' })).toMatch(/not yet connected/);
  });

  it('allows closure only with no other open application', () => {
    expect(applicationRefusal(active, ['capacity_increase'], { type: 'closure' })).toMatch(/every other application/);
    expect(applicationRefusal(active, [], { type: 'closure' })).toBeNull();
  });

  it('checks the requested capacity of increases and reductions', () => {
    expect(applicationRefusal(active, [], { type: 'capacity_increase', requestedCapacityKva: 1000 })).toMatch(/above/);
    expect(applicationRefusal(active, [], { type: 'capacity_increase', requestedCapacityKva: 1600 })).toBeNull();
    expect(applicationRefusal(active, [], { type: 'capacity_reduction', requestedCapacityKva: 1000 })).toMatch(
      /between/,
    );
    expect(applicationRefusal(active, [], { type: 'capacity_reduction', requestedCapacityKva: 630 })).toBeNull();
  });

  it('resumes only a suspended customer and needs a new owner for a transfer', () => {
    expect(applicationRefusal(active, [], { type: 'resumption' })).toMatch(/suspended customer/);
    expect(applicationRefusal({ stage: 'suspended', capacityKva: 1 }, [], { type: 'resumption' })).toBeNull();
    expect(applicationRefusal(active, [], { type: 'transfer', newOwnerName: ' ' })).toMatch(/newOwnerName/);
  });
});

describe('stages along the way', () => {
  it('takes a new connection from applying through connecting to active', () => {
    expect(stageAfterStep('new_connection', 0, 6)).toBeNull();
    expect(stageAfterStep('new_connection', 1, 6)).toBe('connecting');
    expect(stageAfterStep('new_connection', 5, 6)).toBe('active');
  });

  it('suspends, resumes and closes at the last step; a closure marks the customer closing meanwhile', () => {
    expect(stageAfterStep('suspension', 2, 3)).toBe('suspended');
    expect(stageAfterStep('resumption', 2, 3)).toBe('active');
    expect(stageAfterStep('closure', 1, 3)).toBeNull();
    expect(stageAfterStep('closure', 2, 3)).toBe('closed');
    expect(stageWhileOpen('closure')).toBe('closing');
    expect(stageWhileOpen('transfer')).toBeNull();
  });
});

describe('completion dates', () => {
  const started = new Date('2026-10-08T02:00:00Z');
  const now = new Date('2026-10-12T02:00:00Z');

  it('accepts a back-dated completion after the start', () => {
    expect(completionRefusal(started, new Date('2026-10-09T02:00:00Z'), now)).toBeNull();
  });

  it('refuses a completion before the start or in the future', () => {
    expect(completionRefusal(started, new Date('2026-10-07T02:00:00Z'), now)?.message).toMatch(
      /before the step started/,
    );
    expect(completionRefusal(started, new Date('2026-10-13T02:00:00Z'), now)?.message).toMatch(/future/);
  });
});

describe('capacity after a completed application', () => {
  it('energises a new connection at the capacity applied for and sets it on a capacity change', () => {
    expect(capacityAfterCompletion('new_connection', 2000)).toBe(2000);
    expect(capacityAfterCompletion('capacity_increase', 3150)).toBe(3150);
    expect(capacityAfterCompletion('capacity_reduction', 630)).toBe(630);
  });

  it('leaves the capacity alone for the other kinds, and when none was applied for', () => {
    expect(capacityAfterCompletion('suspension', 2000)).toBeNull();
    expect(capacityAfterCompletion('transfer', 2000)).toBeNull();
    expect(capacityAfterCompletion('new_connection', null)).toBeNull();
  });
});

describe('a contracted capacity from energisation on', () => {
  it('lets a customer not yet energised be without one, and no one after', () => {
    expect(capacityProblem('applying', null)).toBeNull();
    expect(capacityProblem('connecting', null)).toBeNull();
    for (const stage of ['active', 'suspended', 'closing', 'closed'] as const) {
      expect(capacityProblem(stage, null)).toMatchObject({
        field: 'contractCapacityKva',
        code: 'lifecycle.capacityRequired',
      });
      expect(capacityProblem(stage, 1250)).toBeNull();
    }
  });

  it('needs requestedCapacityKva for the new connection of a customer without a capacity', () => {
    const prospect = { stage: 'applying' as const, capacityKva: null };
    expect(applicationRefusal(prospect, [], { type: 'new_connection' })).toBeNull();
    expect(applicationMissingField(prospect, { type: 'new_connection' })).toEqual({
      field: 'requestedCapacityKva',
      message: expect.stringMatching(/requestedCapacityKva is required/),
      code: 'lifecycle.requestedCapacityRequired',
      params: { field: 'requestedCapacityKva' },
    });
    expect(applicationMissingField(prospect, { type: 'new_connection', requestedCapacityKva: null })).not.toBeNull();
    expect(applicationMissingField(prospect, { type: 'new_connection', requestedCapacityKva: 800 })).toBeNull();
    // A customer with a capacity may apply without one (it keeps its own), and other kinds never need it here.
    expect(applicationMissingField({ capacityKva: 630 }, { type: 'new_connection' })).toBeNull();
    expect(applicationMissingField(prospect, { type: 'transfer', newOwnerName: '新户主' })).toBeNull();
  });

  it('refuses a capacity change of a customer without a capacity rather than comparing with nothing', () => {
    const none = { stage: 'active' as const, capacityKva: null };
    expect(applicationRefusal(none, [], { type: 'capacity_increase', requestedCapacityKva: 2000 })).toMatch(
      /has none yet/,
    );
    expect(applicationRefusal(none, [], { type: 'capacity_reduction', requestedCapacityKva: 500 })).toMatch(
      /has none yet/,
    );
  });

  it('energises a new connection only with a capacity, the customer’s or the one applied for', () => {
    expect(energisationRefusal('new_connection', null, null)).toMatch(/cannot be energised/);
    expect(energisationRefusal('new_connection', null, 800)).toBeNull();
    expect(energisationRefusal('new_connection', 630, null)).toBeNull();
    expect(energisationRefusal('transfer', null, null)).toBeNull();
  });
});
