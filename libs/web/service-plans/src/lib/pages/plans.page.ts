import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PlanTemplate } from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { MessagePipe, TABLE, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { CompletionStats } from '../components/completion-stats';
import { PlanEditor } from '../components/plan-editor';
import { serviceText } from '../recurrence-text';
import { ROLES_EDITING_PLANS, ROLES_FOLLOWING_COMPLETION } from '../roles';
import { ServicePlansApi } from '../service-plans.api';

/** A plan template with its services in words. */
interface PlanRow {
  plan: PlanTemplate;
  services: string[];
}

/**
 * The service plan templates: their services in words and how many customers are enrolled; created and edited
 * by leaders, admins and marketing. Leaders (and admins) also see how well the planned services are done.
 */
@Component({
  selector: 'crm-plans-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    MessagePipe,
    TranslatePipe,
    CompletionStats,
    PlanEditor,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzModalModule,
  ],
  templateUrl: './plans.page.html',
  styles: `
    .name {
      font-weight: 500;
      white-space: nowrap;
    }
    .description {
      display: inline-block;
      max-width: 320px;
      color: rgba(0, 0, 0, 0.65);
    }
    .services {
      margin: 0;
      padding-left: 16px;
    }
  `,
})
export class PlansPage implements OnInit {
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  private readonly message = inject(NzMessageService);
  private readonly plans = signal<PlanTemplate[]>([]);
  protected readonly loading = signal(false);
  /** The template in the editor: 'new' for a new one, null with the editor closed. */
  protected readonly editing = signal<PlanTemplate | 'new' | null>(null);
  protected readonly editedPlan = computed(() => {
    const editing = this.editing();
    return editing === 'new' ? null : editing;
  });
  protected readonly canEdit = computed(() => this.auth.hasRole(ROLES_EDITING_PLANS));
  protected readonly followsCompletion = computed(() => this.auth.hasRole(ROLES_FOLLOWING_COMPLETION));
  protected readonly columns = computed((): TableColumn<PlanRow>[] => [
    { key: 'name', label: 'servicePlans.name' },
    { key: 'description', label: 'servicePlans.description' },
    { key: 'services', label: 'servicePlans.services' },
    { key: 'duration', label: 'servicePlans.duration' },
    { key: 'enrolled', label: 'servicePlans.enrolledCount', kind: 'number', value: (r) => r.plan.enrolled },
    ...(this.canEdit() ? [{ key: 'edit', label: '' }] : []),
  ]);
  protected readonly row = { attrs: () => ({ 'data-testid': 'plan' }) };
  protected readonly rows = computed((): PlanRow[] => {
    const language = this.language.current();
    const t = (key: string, params?: Record<string, unknown>) => this.translate.instant(key, params) as string;
    return this.plans().map((plan) => ({ plan, services: plan.services.map((s) => serviceText(s, t, language)) }));
  });

  ngOnInit(): void {
    void this.load();
  }

  protected onSaved(plan: PlanTemplate): void {
    this.message.success(this.translate.instant('servicePlans.savedMessage', { name: plan.name }));
    this.editing.set(null);
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.plans.set(await this.api.plans());
    } finally {
      this.loading.set(false);
    }
  }
}
