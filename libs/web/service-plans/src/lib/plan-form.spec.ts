import { planServicesProblems } from '@crm/shared/domain';
import { newService, problemsByField, recurrenceParts, recurrenceValue, switchRecurrence } from './plan-form';

describe('plan form', () => {
  it('keeps the day and month already chosen when the recurrence changes', () => {
    expect(switchRecurrence({ every: 'month', day: 15 }, 'quarter')).toEqual({ every: 'quarter', day: 15 });
    expect(switchRecurrence({ every: 'quarter', day: 15 }, 'year')).toEqual({ every: 'year', month: 1, day: 15 });
    expect(switchRecurrence({ every: 'year', month: 5, day: 10 }, 'year')).toEqual({
      every: 'year',
      month: 5,
      day: 10,
    });
    expect(switchRecurrence({ every: 'year', month: 5, day: 10 }, 'bill')).toEqual({ every: 'bill', daysBefore: 5 });
    expect(switchRecurrence({ every: 'bill', daysBefore: 3 }, 'month')).toEqual({ every: 'month', day: 1 });
  });

  it('asks for the numbers each recurrence has, in the order they read', () => {
    expect(recurrenceParts('month').map((p) => p.field)).toEqual(['day']);
    expect(recurrenceParts('quarter').map((p) => p.field)).toEqual(['day']);
    expect(recurrenceParts('year').map((p) => p.field)).toEqual(['month', 'day']);
    expect(recurrenceParts('bill').map((p) => p.field)).toEqual(['daysBefore']);
    expect(recurrenceValue({ every: 'year', month: 5, day: 10 }, 'month')).toBe(5);
    expect(recurrenceValue({ every: 'month', day: 10 }, 'daysBefore')).toBeNull();
  });

  it('adds a valid service whose key no other service has', () => {
    const first = newService([]);
    expect(first.key).toBe('service-1');
    expect(planServicesProblems([first])).toEqual([]);
    const services = [first, { ...first, key: 'service-3' }];
    expect(newService(services).key).toBe('service-4');
    expect(newService([{ ...first, key: 'visit' }]).key).toBe('service-2');
  });

  it("keeps each field's first problem", () => {
    const byField = problemsByField([
      { field: 'services[0].key', message: 'must be 1 to 40 of a-z, 0-9, _ and -' },
      { field: 'services[1].recurrence.day', message: 'must be a whole number from 1 to 28' },
      { field: 'services[0].key', message: 'repeats visit' },
    ]);
    expect([...byField]).toEqual([
      ['services[0].key', 'must be 1 to 40 of a-z, 0-9, _ and -'],
      ['services[1].recurrence.day', 'must be a whole number from 1 to 28'],
    ]);
  });
});
