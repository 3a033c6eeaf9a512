import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { AUDIT_SEVERITIES, AuditParameters, AuditRuleView, AuditSeverity, TARIFF_CATEGORIES } from '@crm/shared/domain';
import { SaveAction } from '@crm/web/core';
import { DIALOG_FORM } from '@crm/web/ui';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { AuditRulesStore } from '../audit-rules.store';
import { MarketingAuditApi } from '../marketing-audit.api';
import { ParameterForm, parameterForm, parameterInputs, parameterProblems } from '../parameter-form';

/**
 * Edits a rule: on or off, its severity, and its parameters by their spec (whole numbers within bounds, tariff
 * categories to choose), checked before sending; the API's refusal (a stale version, a bad field) is shown above.
 */
@Component({
  selector: 'crm-rule-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DIALOG_FORM, TranslatePipe, NzInputNumberModule, NzSelectModule, NzSwitchModule],
  templateUrl: './rule-dialog.html',
  styles: `
    nz-select {
      width: 100%;
    }
    nz-input-number {
      width: 160px;
      margin-right: 8px;
    }
  `,
})
export class RuleDialog implements OnInit {
  readonly rule = input.required<AuditRuleView>();
  readonly saved = output<AuditRuleView>();
  readonly closed = output<void>();
  private readonly api = inject(MarketingAuditApi);
  private readonly translate = inject(TranslateService);
  protected readonly rules = inject(AuditRulesStore);
  protected readonly severities = AUDIT_SEVERITIES;
  protected readonly tariffs = TARIFF_CATEGORIES;
  protected readonly inputs = computed(() => parameterInputs(this.rule()));
  protected readonly action = new SaveAction();
  protected enabled = true;
  protected severity: AuditSeverity = 'medium';
  protected form: ParameterForm = {};

  ngOnInit(): void {
    this.enabled = this.rule().enabled;
    this.severity = this.rule().severity;
    this.form = parameterForm(this.rule());
  }

  protected async save(): Promise<void> {
    const rule = this.rule();
    const problems = parameterProblems(rule.code, this.form);
    if (problems.length) {
      this.action.error.set({
        message: this.translate.instant('marketingAudit.invalidParameters') as string,
        details: problems,
      });
      return;
    }
    await this.action.run(async () =>
      this.saved.emit(
        await this.api.updateRule(rule.code, {
          enabled: this.enabled,
          severity: this.severity,
          parameters: this.form as AuditParameters,
          version: rule.version,
        }),
      ),
    );
  }
}
