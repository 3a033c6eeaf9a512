import { occurrences, planServicesProblems } from './service-plans';

describe('occurrences', () => {
  it('gives one due date per month, quarter or year within the range, both ends included', () => {
    expect(occurrences({ every: 'quarter', day: 15 }, '2027-01-01', '2027-12-31')).toMatchObject([
      { period: '2027-Q1', dueOn: '2027-01-15' },
      { period: '2027-Q2', dueOn: '2027-04-15' },
      { period: '2027-Q3', dueOn: '2027-07-15' },
      { period: '2027-Q4', dueOn: '2027-10-15' },
    ]);
    expect(occurrences({ every: 'year', month: 5, day: 10 }, '2026-11-25', '2028-05-10')).toMatchObject([
      { period: '2027', dueOn: '2027-05-10' },
      { period: '2028', dueOn: '2028-05-10' },
    ]);
    const months = occurrences({ every: 'month', day: 28 }, '2027-01-28', '2027-12-27');
    expect(months).toHaveLength(11);
    expect(months[0]).toEqual({ period: '2027-01', dueOn: '2027-01-28' });
    expect(months.at(-1)).toEqual({ period: '2027-11', dueOn: '2027-11-28' });
    expect(occurrences({ every: 'quarter', day: 1 }, '2027-01-02', '2027-03-31')).toEqual([]);
  });
});

describe('planServicesProblems', () => {
  const visit = { key: 'visit', kind: 'visit', recurrence: { every: 'quarter', day: 15 }, leadDays: 7 };

  it('accepts every kind of recurrence', () => {
    expect(
      planServicesProblems([
        visit,
        { key: 'peak', kind: 'pre_summer_peak_check', recurrence: { every: 'year', month: 5, day: 10 }, leadDays: 14 },
        { key: 'remind', kind: 'payment_reminder', recurrence: { every: 'bill', daysBefore: 5 }, leadDays: 0 },
        { key: 'monthly', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 },
      ]),
    ).toEqual([]);
  });

  it('names each problem', () => {
    expect(planServicesProblems([])).toMatchObject([
      { field: 'services', message: 'must be a list of 1 to 20 services' },
    ]);
    expect(
      planServicesProblems([
        visit,
        { ...visit, kind: 'party', leadDays: -1 },
        { key: 'Bad Key', kind: 'visit', recurrence: { every: 'year', month: 13, day: 1 }, leadDays: 0 },
        { key: 'x', kind: 'visit', recurrence: { every: 'week' }, leadDays: 0 },
        { key: 'y', kind: 'visit', recurrence: { every: 'month', day: 31 }, leadDays: 0 },
      ]),
    ).toMatchObject([
      {
        field: 'services[1].key',
        message: 'repeats visit',
        code: 'servicePlan.keyRepeated',
        params: { value: 'visit' },
      },
      { field: 'services[1].kind', message: expect.stringContaining('must be one of visit, safety_inspection') },
      { field: 'services[1].leadDays', message: 'must be a whole number from 0 to 90' },
      { field: 'services[2].key', message: 'must be 1 to 40 of a-z, 0-9, _ and -' },
      {
        field: 'services[2].recurrence.month',
        message: 'must be a whole number from 1 to 12',
        code: 'field.wholeNumber',
        params: { min: 1, max: 12 },
      },
      { field: 'services[3].recurrence.every', message: 'must be one of month, quarter, year, bill' },
      { field: 'services[4].recurrence.day', message: 'must be a whole number from 1 to 28' },
    ]);
  });
});
