import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { CalendarYear, LifecycleStepDefinition } from '@crm/shared/domain';
import { CalendarStatusStore, SaveAction } from '@crm/web/core';
import { ConfirmLink, TABLE, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { HolidayNoticeEntry } from '../components/holiday-notice-entry';
import { LifecycleApi } from '../lifecycle.api';
import { DayKindTag } from '../components/day-kind-tag';

/** A local calendar date as YYYY-MM-DD. */
function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Admin: the working-day calendar of a year (holidays, make-up working days) and the step table with its time limits. */
@Component({
  selector: 'crm-calendar-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    TranslatePipe,
    TABLE,
    ConfirmLink,
    DayKindTag,
    HolidayNoticeEntry,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSwitchModule,
    NzTabsModule,
  ],
  templateUrl: './calendar-admin.page.html',
  styles: `
    .toolbar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 16px;
      flex-wrap: wrap;
    }
    .toolbar nz-select {
      width: 120px;
    }
    .alert {
      margin-bottom: 16px;
    }
    .name {
      width: 160px;
    }
  `,
})
export class CalendarAdminPage implements OnInit {
  private readonly api = inject(LifecycleApi);
  private readonly status = inject(CalendarStatusStore);
  /** Query parameters (the reminder links here with `?year=2027&notice=1`). */
  readonly yearParam = input<string | undefined>(undefined, { alias: 'year' });
  readonly noticeParam = input<string | undefined>(undefined, { alias: 'notice' });
  protected readonly year = signal(new Date().getFullYear());
  protected readonly years = computed(() => {
    const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - 5 + i);
    return years.includes(this.year()) ? years : [...years, this.year()].sort();
  });
  /** The panel where the admin pastes the State Council's notice. */
  protected readonly entering = signal(false);
  protected readonly noticeSave = new SaveAction();
  protected readonly calendar = signal<CalendarYear | null>(null);
  protected readonly packageYears = signal<number[]>([]);
  protected readonly steps = signal<LifecycleStepDefinition[]>([]);
  protected readonly saved = signal<string | null>(null);
  protected readonly dayColumns: TableColumn<CalendarYear['days'][number]>[] = [
    { key: 'date', label: 'calendar.date' },
    { key: 'kind', label: 'calendar.kind' },
    { key: 'name', label: 'calendar.name' },
    { key: 'source', label: 'calendar.sourceLabel', kind: 'enum', labels: 'calendar.source.' },
    { key: 'actions', label: '' },
  ];
  protected readonly stepColumns: TableColumn<LifecycleStepDefinition>[] = [
    { key: 'applicationType', label: 'applications.type', kind: 'enum', labels: 'applicationType.' },
    { key: 'position', label: '#' },
    { key: 'nameZh', label: 'stepTable.nameZh' },
    { key: 'nameEn', label: 'stepTable.nameEn' },
    { key: 'limit', label: 'stepTable.limit' },
    { key: 'limitDual', label: 'stepTable.limitDual' },
    { key: 'save', label: '' },
  ];
  protected newDate: Date | null = null;
  protected newWorking = false;
  protected newName = '';

  async ngOnInit(): Promise<void> {
    const year = Number(this.yearParam());
    if (Number.isInteger(year) && year >= 2000 && year <= 2100) this.year.set(year);
    this.entering.set(!!this.noticeParam());
    this.packageYears.set(await this.api.packageYears());
    this.steps.set(await this.api.steps());
    await this.loadYear(this.year());
  }

  openNotice(): void {
    this.noticeSave.error.set(null);
    this.entering.set(true);
  }

  /** Saves the notice: its days replace the year's; the reminder is read again. */
  async enterNotice(text: string): Promise<void> {
    await this.noticeSave.run(async () => {
      this.calendar.set(await this.api.enterNotice(this.year(), text));
      this.entering.set(false);
      await this.status.refresh();
    });
  }

  async loadYear(year: number): Promise<void> {
    this.year.set(year);
    this.calendar.set(await this.api.calendar(year));
  }

  async reloadFromPackage(): Promise<void> {
    this.calendar.set(await this.api.loadYear(this.year()));
  }

  async addDay(): Promise<void> {
    if (!this.newDate) return;
    const date = isoDate(this.newDate);
    const updated = await this.api.setDay(date, this.newWorking, this.newName);
    if (updated.year === this.year()) this.calendar.set(updated);
    this.newDate = null;
    this.newName = '';
  }

  async toggle(day: { date: string; working: boolean; name: string }): Promise<void> {
    this.calendar.set(await this.api.setDay(day.date, !day.working, day.name));
  }

  async remove(date: string): Promise<void> {
    this.calendar.set(await this.api.clearDay(date));
  }

  async saveStep(step: LifecycleStepDefinition): Promise<void> {
    await this.api.updateStep(step);
    this.steps.set(await this.api.steps());
    this.saved.set(`${step.applicationType}/${step.code}`);
  }
}
