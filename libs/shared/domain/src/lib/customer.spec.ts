import { changedFields, customerLookupFields } from './customer';

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

describe('customerLookupFields', () => {
  it('searches names only for a term with other characters than letters, digits and dashes', () => {
    expect(customerLookupFields('鸿昌')).toEqual(['name']);
    expect(customerLookupFields('温州 电')).toEqual(['name']);
  });

  it('adds account number and credit code for letters and digits, and phone for digits only', () => {
    expect(customerLookupFields('91350100M')).toEqual(['accountNo', 'creditCode', 'name']);
    expect(customerLookupFields(' 138577 ')).toEqual(['accountNo', 'creditCode', 'phone', 'name']);
    expect(customerLookupFields('0577-8')).toEqual(['accountNo', 'creditCode', 'phone', 'name']);
  });
});
