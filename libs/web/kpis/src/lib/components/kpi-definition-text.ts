import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Bilingual, KpiDefinitionText as Definition } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';

/** A KPI's definition in the UI language: numerator, denominator (when it has one), period and population. */
@Component({
  selector: 'crm-kpi-definition-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <dl>
      @for (part of parts(); track part.key) {
        <dt>{{ 'kpis.definition.' + part.key | translate }}</dt>
        <dd>{{ part.text }}</dd>
      }
    </dl>
  `,
  styles: `
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
})
export class KpiDefinitionText {
  private readonly language = inject(LanguageService);
  readonly definition = input.required<Definition>();

  protected readonly parts = computed(() => {
    const zh = this.language.current() === 'zh-CN';
    const text = (b: Bilingual) => (zh ? b.zh : b.en);
    const d = this.definition();
    return [
      { key: 'numerator', text: text(d.numerator) },
      ...(d.denominator ? [{ key: 'denominator', text: text(d.denominator) }] : []),
      { key: 'period', text: text(d.period) },
      { key: 'population', text: text(d.population) },
    ];
  });
}
