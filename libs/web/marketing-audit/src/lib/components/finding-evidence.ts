import { formatDate, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditFindingView } from '@crm/shared/domain';
import { DataTable, TableColumn } from '@crm/web/ui';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { AuditRulesStore } from '../audit-rules.store';
import { evidenceFacts, zeroMonths } from '../audit-texts';

/** China's offset: evidence moments are shown as China's clock reads them. */
const CHINA = '+0800';

/**
 * A finding's evidence, read per rule (`AuditEvidenceByRule`): labelled facts, formatted, with links to the
 * order, application or customer they are about; the zero months of a zero-consumption finding beside last year.
 */
@Component({
  selector: 'crm-finding-evidence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, DataTable, NzDescriptionsModule],
  templateUrl: './finding-evidence.html',
  styles: `
    .alarm {
      color: #cf1322;
    }
    .months {
      margin-top: 16px;
    }
  `,
})
export class FindingEvidence {
  readonly finding = input.required<AuditFindingView>();
  private readonly locale = inject(LOCALE_ID);
  private readonly rules = inject(AuditRulesStore);
  protected readonly facts = computed(() => {
    const f = this.finding();
    this.rules.zh(); // order types are named in the language shown
    return evidenceFacts(f.rule, f.evidence, f.customer.id, {
      date: (d) => formatDate(d, 'yyyy-MM-dd', this.locale),
      dateTime: (d) => formatDate(d, 'yyyy-MM-dd HH:mm', this.locale, CHINA),
      number: (n, digits) => formatNumber(n, this.locale, digits),
      orderType: (code) => this.rules.orderType(code),
    });
  });
  protected readonly months = computed(() => zeroMonths(this.finding().rule, this.finding().evidence));
  protected readonly monthColumns: TableColumn<{ period: string; kwh: number; lastYearKwh: number | null }>[] = [
    { key: 'period', label: 'marketingAudit.evidence.period' },
    { key: 'kwh', label: 'marketingAudit.evidence.kwh', kind: 'number', digits: 0 },
    { key: 'lastYearKwh', label: 'marketingAudit.evidence.lastYearKwh', kind: 'number', digits: 0 },
  ];
}
