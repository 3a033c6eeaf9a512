import { computed, inject, Injectable, signal } from '@angular/core';
import { AuditRuleView, WorkOrderReference } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { ruleName } from './audit-texts';
import { MarketingAuditApi } from './marketing-audit.api';

/**
 * The rules' names and descriptions (data from the API, in both languages) and the names of work-order types, for
 * the pages that show findings; loaded once, in the language shown.
 */
@Injectable({ providedIn: 'root' })
export class AuditRulesStore {
  private readonly api = inject(MarketingAuditApi);
  private readonly language = inject(LanguageService);
  private readonly rules = signal<AuditRuleView[]>([]);
  private readonly orderReference = signal<WorkOrderReference | null>(null);
  readonly zh = computed(() => this.language.current() === 'zh-CN');
  private loaded = false;

  /** Loads the names the first time a page asks. */
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.api.ruleNames().then(
      (rules) => this.rules.set(rules),
      () => (this.loaded = false), // asked again by the next page
    );
    void this.api.orderReference().then((reference) => this.orderReference.set(reference));
  }

  /** The rules now loaded, e.g. for a filter. */
  readonly all = this.rules.asReadonly();

  name(code: string): string {
    return ruleName(this.find(code), code, this.zh());
  }

  description(code: string): string {
    const rule = this.find(code);
    return rule ? (this.zh() ? rule.descriptionZh : rule.descriptionEn) : '';
  }

  orderType(code: string): string {
    const type = this.orderReference()?.types.find((t) => t.code === code);
    return type ? (this.zh() ? type.nameZh : type.nameEn) : code;
  }

  private find(code: string): AuditRuleView | undefined {
    return this.rules().find((r) => r.code === code);
  }
}
