import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { KPI_SECTIONS, KpiCatalogueEntry } from '@crm/shared/domain';
import { AuthStore, LanguageService, ShownError, shownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { KpiDefinitionText } from '../components/kpi-definition-text';
import { KpiTargetEditor } from '../components/target-editor';
import { formatKpiValue } from '../kpi-format';
import { KpisApi } from '../kpis.api';

/**
 * The KPI glossary: every KPI with its full definition, unit, direction and target, by section, printable; admins
 * set the targets here.
 */
@Component({
  selector: 'crm-kpi-glossary-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TranslatePipe,
    ErrorAlert,
    KpiDefinitionText,
    KpiTargetEditor,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzSpinModule,
  ],
  templateUrl: './glossary.page.html',
  styles: `
    h3 {
      margin: 16px 0 8px;
      font-size: 16px;
      font-weight: 600;
    }
    .kpi {
      border-top: 1px solid #f0f0f0;
      padding: 12px 0;
      break-inside: avoid;
    }
    .kpi h4 {
      margin: 0 0 4px;
      font-size: 15px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
      margin-bottom: 8px;
      color: rgba(0, 0, 0, 0.65);
    }
    .editor {
      margin-top: 8px;
    }
    @media print {
      .no-print {
        display: none !important;
      }
    }
  `,
})
export class GlossaryPage implements OnInit {
  private readonly api = inject(KpisApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  protected readonly catalogue = signal<KpiCatalogueEntry[] | null>(null);
  protected readonly error = signal<ShownError | null>(null);
  protected readonly canEdit = computed(() => this.auth.user()?.role === 'admin');
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');

  protected readonly sections = computed(() => {
    const entries = this.catalogue() ?? [];
    const language = this.language.current();
    const t = (key: string, params?: Record<string, unknown>) => this.translate.instant(key, params) as string;
    return KPI_SECTIONS.map((section) => ({
      section,
      entries: entries
        .filter((e) => e.section === section)
        .map((entry) => ({ entry, target: formatKpiValue(entry.unit, entry.target, language, t) })),
    })).filter((s) => s.entries.length);
  });

  ngOnInit(): void {
    void this.load();
  }

  protected print(): void {
    window.print();
  }

  protected async load(): Promise<void> {
    try {
      this.catalogue.set(await this.api.catalogue());
      this.error.set(null);
    } catch (e) {
      this.error.set(shownError(e));
    }
  }
}
