import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { HolidayNoticeDay, parseHolidayNotice } from '@crm/shared/domain';
import { LanguageService, ShownError } from '@crm/web/core';
import { ErrorAlert, TABLE, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { DayKindTag } from './day-kind-tag';

/** A text file's content: UTF-8, or GB18030 (the encoding of Chinese text files saved on Windows). */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * A year in one step: the admin pastes the State Council's notice (or uploads it as a text file), sees
 * every day it found with its weekday and the lines it cannot read, and saves.
 */
@Component({
  selector: 'crm-holiday-notice-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    TranslatePipe,
    TABLE,
    DayKindTag,
    ErrorAlert,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
  ],
  templateUrl: './holiday-notice-entry.html',
  styles: `
    .toolbar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin: 12px 0;
      flex-wrap: wrap;
    }
    .file {
      display: none;
    }
    .block {
      display: block;
      margin-bottom: 12px;
    }
    .errors {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class HolidayNoticeEntry {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  readonly year = input.required<number>();
  readonly saving = input(false);
  /** The server's refusal, if any. */
  readonly error = input<ShownError | null>(null);
  readonly save = output<string>();
  readonly cancelled = output<void>();

  protected readonly text = signal('');
  protected readonly notice = computed(() =>
    this.text().trim() ? parseHolidayNotice(this.text(), this.year()) : null,
  );
  protected readonly columns: TableColumn<HolidayNoticeDay>[] = [
    { key: 'date', label: 'calendar.date' },
    {
      key: 'weekday',
      label: 'calendar.weekday',
      kind: 'enum',
      labels: 'calendar.weekdays.',
      value: (d) => new Date(`${d.date}T00:00:00Z`).getUTCDay(),
    },
    { key: 'kind', label: 'calendar.kind' },
    { key: 'name', label: 'calendar.name' },
  ];
  protected readonly holidays = computed(() => this.notice()?.days.filter((d) => !d.working).length ?? 0);
  protected readonly workdays = computed(() => this.notice()?.days.filter((d) => d.working).length ?? 0);
  /** The parser's errors as translation keys, weekdays named in the reader's language. */
  protected readonly errors = computed(() => {
    this.language.current();
    const day = (n: string | number | undefined) =>
      n === undefined ? undefined : this.translate.instant(`calendar.weekdays.${n}`);
    return (this.notice()?.errors ?? []).map((e) => ({
      line: e.line,
      key: `calendar.notice.error.${e.code}`,
      params: { ...e.params, weekday: day(e.params['weekday']), stated: day(e.params['stated']) },
    }));
  });

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.text.set(await readText(file));
    input.value = '';
  }
}
