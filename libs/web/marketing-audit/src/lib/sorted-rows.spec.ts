import { signal } from '@angular/core';
import { SortedRows, sortRows } from './sorted-rows';

const rows = [
  { name: '王建国', per100: 2.5, overdue: 1 },
  { name: '李静', per100: null as number | null, overdue: 4 },
  { name: '张伟', per100: 7, overdue: 0 },
];

describe('rows sorted in the browser', () => {
  it('sorts numbers up or down with nulls last, and keeps the order given without a sort', () => {
    expect(sortRows(rows, 'per100').map((r) => r.per100)).toEqual([2.5, 7, null]);
    expect(sortRows(rows, '-overdue').map((r) => r.overdue)).toEqual([4, 1, 0]);
    expect(sortRows(rows, null)).toEqual(rows);
  });

  it('sorts names in Chinese order', () => {
    expect(sortRows(rows, 'name').map((r) => r.name)).toEqual(['李静', '王建国', '张伟']);
  });

  it('follows the header the table reports, and clears the sort', () => {
    const list = new SortedRows(signal(rows));
    list.tableChange({ sort: [{ key: 'overdue', value: 'descend' }] });
    expect(list.sortOrder('overdue')).toBe('descend');
    expect(list.items().map((r) => r.overdue)).toEqual([4, 1, 0]);
    list.tableChange({ sort: [{ key: 'overdue', value: null }] });
    expect(list.items()).toEqual(rows);
  });
});
