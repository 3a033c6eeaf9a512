import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import {
  AUDIT_FINDING_SORT_FIELDS,
  AUDIT_FINDING_STATES,
  AUDIT_RULE_CODES,
  AUDIT_SEVERITIES,
  AuditParameterSpec,
  AuditRuleView,
  formatInteger,
  PersonRef,
} from '@crm/shared/domain';
import { AuthStore, pagedList, ReferenceApi } from '@crm/web/core';
import { LIST_PAGE, ListFilter, personOptions, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AuditRulesStore } from '../audit-rules.store';
import { parameterValueText } from '../audit-texts';
import { AuditRun } from '../components/audit-run';
import { FindingTable } from '../components/finding-table';
import { SeverityTag } from '../components/finding-tags';
import { RuleDialog } from '../components/rule-dialog';
import { MarketingAuditApi } from '../marketing-audit.api';
import { parameterLabel } from '../parameter-form';

const FLAGS = ['true', 'false'];

/**
 * The auditor's workbench: the rules (on/off, severity, parameters, open findings, what the last run found), each
 * edited in a dialog by an auditor or admin; "Run now" with its progress; and the findings list with its filters.
 */
@Component({
  selector: 'crm-marketing-audit-workbench',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LIST_PAGE,
    AuditRun,
    FindingTable,
    RuleDialog,
    SeverityTag,
    NzButtonModule,
    NzIconModule,
    NzTagModule,
    NzTooltipModule,
  ],
  templateUrl: './workbench.page.html',
  styles: `
    .block {
      display: block;
      margin-bottom: 16px;
    }
    .parameters {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 12px;
    }
  `,
})
export class WorkbenchPage implements OnInit {
  private readonly api = inject(MarketingAuditApi);
  private readonly auth = inject(AuthStore);
  private readonly reference = inject(ReferenceApi);
  protected readonly names = inject(AuditRulesStore);
  protected readonly rules = signal<AuditRuleView[]>([]);
  protected readonly loadingRules = signal(false);
  protected readonly managers = signal<PersonRef[]>([]);
  /** The rule whose edit dialog is open. */
  protected readonly editing = signal<AuditRuleView | null>(null);
  /** Auditors and admins change rules and start runs; leadership reads. */
  protected readonly canManage = computed(() => this.auth.hasRole(['auditor', 'admin']));
  protected readonly ruleColumns = computed((): TableColumn<AuditRuleView>[] => [
    { key: 'name', label: 'marketingAudit.rule' },
    { key: 'severity', label: 'marketingAudit.severityLabel' },
    { key: 'enabled', label: 'marketingAudit.enabled' },
    { key: 'openFindings', label: 'marketingAudit.openFindings', kind: 'number' },
    { key: 'lastRun', label: 'marketingAudit.lastRun' },
    { key: 'parameters', label: 'marketingAudit.parameters' },
    ...(this.canManage() ? [{ key: 'edit', label: '' }] : []),
  ]);
  protected readonly ruleRow = { attrs: (r: AuditRuleView) => ({ 'data-testid': `rule-${r.code}` }) };

  protected readonly list = pagedList({
    filters: {
      rule: { allowed: AUDIT_RULE_CODES },
      state: { allowed: AUDIT_FINDING_STATES },
      severity: { allowed: AUDIT_SEVERITIES },
      managerId: {},
      overdue: { allowed: FLAGS },
      pending: { allowed: FLAGS },
      region: {},
    },
    sort: 'dueOn',
    sorts: AUDIT_FINDING_SORT_FIELDS,
    fetch: (query) => this.api.findings(query),
  });
  protected readonly filters = computed((): ListFilter[] => [
    {
      key: 'rule',
      placeholder: 'marketingAudit.rule',
      options: AUDIT_RULE_CODES.map((code) => ({ value: code, label: this.names.name(code) })),
      testId: 'filter-rule',
    },
    {
      key: 'state',
      placeholder: 'marketingAudit.stateLabel',
      options: AUDIT_FINDING_STATES,
      labels: 'marketingAudit.state.',
      testId: 'filter-state',
    },
    {
      key: 'severity',
      placeholder: 'marketingAudit.severityLabel',
      options: AUDIT_SEVERITIES,
      labels: 'marketingAudit.severity.',
      testId: 'filter-severity',
    },
    {
      key: 'managerId',
      placeholder: 'marketingAudit.manager',
      options: personOptions(this.managers()),
      searchable: true,
      testId: 'filter-manager',
    },
    {
      key: 'overdue',
      placeholder: 'marketingAudit.overdueFilter',
      options: FLAGS,
      labels: 'marketingAudit.overdue.',
      testId: 'filter-overdue',
    },
  ]);

  ngOnInit(): void {
    this.names.load();
    void this.loadRules();
    void this.reference.managers().then((m) => this.managers.set(m));
  }

  /** A parameter's label and value as the table shows it. */
  protected parameter(rule: AuditRuleView, spec: AuditParameterSpec) {
    return {
      label: parameterLabel(rule.code, spec.key),
      ...parameterValueText(spec, rule.parameters[spec.key], {
        number: (n) => formatInteger(n, this.names.zh() ? 'zh-CN' : 'en'),
      }),
    };
  }

  protected onSaved(rule: AuditRuleView): void {
    this.editing.set(null);
    this.rules.update((rules) => rules.map((r) => (r.code === rule.code ? rule : r)));
  }

  /** A run has completed: its counts and the findings have changed. */
  protected onRunFinished(): void {
    void this.loadRules();
    this.list.retry();
  }

  private async loadRules(): Promise<void> {
    this.loadingRules.set(true);
    try {
      this.rules.set(await this.api.rules());
    } finally {
      this.loadingRules.set(false);
    }
  }
}
