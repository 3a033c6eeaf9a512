import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { CellDef, DataTable } from './data-table';
import { cellValue, columnAlign, TableColumn, TableList } from './table-column';

interface Row {
  id: string;
  name: string;
  stage: string;
  dueDate: string | null;
  at: string;
  capacity: number;
  arrears: number;
  accountNo: string;
}

const ROW: Row = {
  id: 'c1',
  name: '华东电气',
  stage: 'active',
  dueDate: '2026-03-05T16:00:00.000Z',
  at: '2026-03-05T00:09:10.000Z',
  capacity: 12500,
  arrears: 1234.5,
  accountNo: '3100001',
};

const COLUMNS: TableColumn<Row>[] = [
  { key: 'name', label: 'col.name', kind: 'link', link: (r) => ['/customers', r.id], detail: (r) => r.accountNo },
  { key: 'stage', label: 'col.stage', kind: 'enum', labels: 'stage.' },
  { key: 'dueDate', label: 'col.due', kind: 'date' },
  { key: 'at', label: 'col.at', kind: 'datetime' },
  { key: 'capacity', label: 'col.capacity', kind: 'kva' },
  { key: 'arrears', label: 'col.arrears', kind: 'money' },
  { key: 'custom', label: '' },
];

@Component({
  imports: [DataTable, CellDef],
  template: `
    <crm-data-table [rows]="rows()" [list]="list()" [columns]="columns" [row]="{ attrs: attrs }">
      <ng-template crmCell="custom" let-r>custom {{ r.id }}</ng-template>
    </crm-data-table>
  `,
})
class Host {
  readonly rows = signal<Row[]>([ROW]);
  readonly list = signal<TableList<Row> | undefined>(undefined);
  readonly columns = COLUMNS;
  readonly attrs = (r: Row) => ({ 'data-testid': `row-${r.id}` });
}

async function render(): Promise<{ host: Host; element: HTMLElement; update: () => Promise<void> }> {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideTranslateService({ lang: 'en' })],
  });
  TestBed.inject(TranslateService).setTranslation('en', {
    col: { name: 'Name', stage: 'Stage', due: 'Due', at: 'At', capacity: 'kVA', arrears: 'Arrears' },
    stage: { active: 'Active' },
    errors: { network: 'Cannot reach the server' },
  });
  const fixture = TestBed.createComponent(Host);
  const update = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await update();
  return { host: fixture.componentInstance, element: fixture.nativeElement, update };
}

function cells(element: HTMLElement): string[] {
  return [...element.querySelectorAll('tbody tr:not(.ant-table-placeholder) td')].map(
    (td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

describe('DataTable', () => {
  it('shows each kind formatted: links, labels, days, times and numbers, never raw timestamps', async () => {
    const { element } = await render();
    expect([...element.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual([
      'Name',
      'Stage',
      'Due',
      'At',
      'kVA',
      'Arrears',
      '',
    ]);
    const shown = cells(element);
    expect(element.querySelector('td a')?.textContent).toBe('华东电气');
    expect(element.querySelector('td .detail')?.textContent).toBe('3100001');
    expect(shown[1]).toBe('Active');
    // China dates and times, whatever the browser's time zone: 16:00 UTC is the next day in China.
    expect(shown[2]).toBe('2026-03-06');
    expect(shown[3]).toBe('2026-03-05 08:09');
    expect(shown[4]).toBe('12,500');
    expect(shown[5]).toBe('¥1,234.50');
    expect(shown[6]).toBe('custom c1');
    expect(element.querySelector('td a')?.getAttribute('href')).toBe('/customers/c1');
    expect(element.querySelector('tbody tr')?.getAttribute('data-testid')).toBe('row-c1');
  });

  it('shows a dash for an empty value', async () => {
    const { host, element, update } = await render();
    host.rows.set([{ ...ROW, dueDate: null, name: '' }]);
    await update();
    const shown = cells(element);
    expect(shown[0]).toBe('— 3100001');
    expect(shown[2]).toBe('—');
  });

  it("shows a paged list's rows and its load error with a retry", async () => {
    const { host, element, update } = await render();
    let retried = 0;
    host.list.set({
      items: () => [{ ...ROW, id: 'c2' }],
      total: () => 41,
      page: () => 2,
      pageSize: () => 20,
      loading: () => false,
      error: () => ({ message: 'The server is away', details: [] }),
      retry: () => retried++,
      sortOrder: () => null,
      tableChange: () => undefined,
    });
    await update();
    expect(element.querySelector('tbody tr')?.getAttribute('data-testid')).toBe('row-c2');
    expect(element.querySelector('.ant-pagination-item-active')?.textContent?.trim()).toBe('2');
    expect(element.querySelector('nz-alert')?.textContent).toContain('The server is away');
    (element.querySelector('[data-testid="retry"]') as HTMLElement).click();
    expect(retried).toBe(1);
  });
  it('shows a failed load with no rows as its error alone, not as an empty table', async () => {
    const { host, element, update } = await render();
    host.list.set({
      items: () => [],
      total: () => 0,
      page: () => 1,
      pageSize: () => 20,
      loading: () => false,
      error: () => ({ message: '', details: [], messageKey: 'errors.network' }),
      retry: () => undefined,
      sortOrder: () => null,
      tableChange: () => undefined,
    });
    await update();
    expect(element.querySelector('[data-testid="list-error"]')?.textContent).toContain('Cannot reach the server');
    expect(element.querySelector('nz-table')).toBeNull();
  });
});

describe('table columns', () => {
  it('reads a cell from its property or its value function', () => {
    expect(cellValue(COLUMNS[1], ROW)).toBe('active');
    expect(cellValue({ key: 'x', label: '', value: (r: Row) => r.accountNo }, ROW)).toBe('3100001');
  });

  it('right-aligns numbers unless told otherwise', () => {
    expect(columnAlign(COLUMNS[4])).toBe('right');
    expect(columnAlign(COLUMNS[5])).toBe('right');
    expect(columnAlign(COLUMNS[0])).toBeNull();
    expect(columnAlign({ key: 'n', label: '', kind: 'number', align: 'left' })).toBe('left');
  });
});
