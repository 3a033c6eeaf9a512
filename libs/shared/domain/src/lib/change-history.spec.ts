import { diffFields } from './change-history';

describe('diffFields', () => {
  const before = {
    name: 'A',
    voltageKv: 10,
    tags: ['x'],
    contacts: [{ name: 'Li', phone: '13812345678', email: null, role: 'boss' }],
  };

  it('lists only the changed fields, each with from and to', () => {
    expect(diffFields(before, { ...before, name: 'B', voltageKv: 35 })).toEqual([
      { field: 'name', from: 'A', to: 'B' },
      { field: 'voltageKv', from: 10, to: 35 },
    ]);
  });

  it('compares arrays and objects by content, whatever the key order, a missing key equal to null', () => {
    const sameContacts = [{ role: 'boss', phone: '13812345678', name: 'Li' }];
    expect(diffFields(before, { ...before, contacts: sameContacts, tags: ['x'] })).toEqual([]);
    const changed = [{ name: 'Li', phone: '13912345678', role: 'boss' }];
    expect(diffFields(before, { ...before, contacts: changed })).toEqual([
      { field: 'contacts', from: before.contacts, to: changed },
    ]);
  });

  it('records a creation as every field with a value, from null', () => {
    expect(diffFields(null, { name: 'A', note: null, tags: [] })).toEqual([
      { field: 'name', from: null, to: 'A' },
      { field: 'tags', from: null, to: [] },
    ]);
  });

  it('records a deletion as every field with a value, to null', () => {
    expect(diffFields({ name: 'A', note: undefined }, null)).toEqual([{ field: 'name', from: 'A', to: null }]);
  });

  it('compares only the fields named, in their order', () => {
    expect(diffFields(before, { ...before, name: 'B', voltageKv: 35 }, ['voltageKv'])).toEqual([
      { field: 'voltageKv', from: 10, to: 35 },
    ]);
  });
});
