import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditFindingListEntry } from '@crm/shared/domain';
import { DisplayPipe, TABLE, TableColumn, TableList, TableRow } from '@crm/web/ui';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AuditRulesStore } from '../audit-rules.store';
import { FindingStateTag, SeverityTag } from './finding-tags';

/**
 * A server-paged table of findings: the customer (a link), the rule by name, severity and state as tags, the due
 * date (red when overdue), when found, a mark when the condition has gone, the recurrences; a row opens the finding.
 */
@Component({
  selector: 'crm-finding-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, DisplayPipe, RouterLink, TranslatePipe, FindingStateTag, SeverityTag, NzIconModule, NzTooltipModule],
  templateUrl: './finding-table.html',
  styles: `
    :host {
      display: block;
    }
    .overdue {
      color: #cf1322;
      font-weight: 500;
    }
    .cleared {
      color: #389e0d;
    }
  `,
})
export class FindingTable {
  readonly list = input.required<TableList<AuditFindingListEntry>>();
  /** False on the customer page. */
  readonly withCustomer = input(true);
  /** True where the manager is not obvious (the workbench). */
  readonly withManager = input(true);
  readonly testId = input('findings');
  protected readonly rules = inject(AuditRulesStore);
  protected readonly columns = computed((): TableColumn<AuditFindingListEntry>[] => [
    ...(this.withCustomer() ? [{ key: 'customer', label: 'marketingAudit.customer' }] : []),
    { key: 'rule', label: 'marketingAudit.rule' },
    { key: 'severity', label: 'marketingAudit.severityLabel' },
    { key: 'state', label: 'marketingAudit.stateLabel' },
    ...(this.withManager() ? [{ key: 'managerName', label: 'marketingAudit.manager' }] : []),
    { key: 'dueOn', label: 'marketingAudit.dueOn', sort: 'dueOn' },
    { key: 'firstFoundAt', label: 'marketingAudit.firstFoundAt', sort: 'firstFoundAt' },
    { key: 'recurrences', label: 'marketingAudit.recurrences', kind: 'number', sort: 'recurrences' },
  ]);
  protected readonly row: TableRow<AuditFindingListEntry> = {
    attrs: (f) => ({ 'data-testid': `finding-${f.id}`, 'data-rule': f.rule }),
    link: (f) => ['/marketing-audit/findings', f.id],
  };

  constructor() {
    this.rules.load();
  }
}
