import { changedFields } from './customer';

describe('changedFields', () => {
  const before = {
    name: 'A',
    tags: ['x'],
    contacts: [{ name: 'Li', phone: '13812345678', role: 'boss' }],
    capacity: 100,
  };

  it('lists only the fields whose value changed, with before and after', () => {
    expect(changedFields(before, { name: 'B', tags: ['x'], capacity: 100 }, ['name', 'tags', 'capacity'])).toEqual([
      { field: 'name', before: 'A', after: 'B' },
    ]);
  });

  it('compares arrays and nested objects by value', () => {
    const contacts = [{ name: 'Li', phone: '13912345678', role: 'boss' }];
    expect(changedFields(before, { contacts, tags: ['x', 'y'] }, ['tags', 'contacts'])).toEqual([
      { field: 'tags', before: ['x'], after: ['x', 'y'] },
      { field: 'contacts', before: before.contacts, after: contacts },
    ]);
  });

  it('ignores fields that were not sent', () => {
    expect(changedFields(before, {}, ['name', 'tags'])).toEqual([]);
  });
});
