import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PlanTemplate } from '@crm/shared/domain';
import { AuthStore } from '@crm/web/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { ROLES_EDITING_PLANS } from '../roles';
import { ServicePlansApi } from '../service-plans.api';

/**
 * The segment page's "enrol in a plan" action (leaders, admins, marketing): the segment's members are enrolled
 * now, its joiners later. Shows nothing to the other roles.
 */
@Component({
  selector: 'crm-segment-plan-enrol',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzButtonModule, NzIconModule, NzModalModule, NzSelectModule],
  templateUrl: './segment-plan-enrol.html',
  styles: `
    .plan-select {
      width: 100%;
    }
  `,
})
export class SegmentPlanEnrol {
  readonly segmentId = input.required<string>();
  private readonly api = inject(ServicePlansApi);
  private readonly auth = inject(AuthStore);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  protected readonly allowed = computed(() => this.auth.hasRole(ROLES_EDITING_PLANS));
  protected readonly plans = signal<PlanTemplate[]>([]);
  protected readonly planId = signal<string | null>(null);
  protected readonly choosing = signal(false);
  protected readonly enrolling = signal(false);

  protected async open(): Promise<void> {
    this.planId.set(null);
    this.plans.set(await this.api.plans());
    this.choosing.set(true);
  }

  protected async enrol(): Promise<void> {
    const plan = this.plans().find((p) => p.id === this.planId());
    if (!plan) return;
    this.enrolling.set(true);
    try {
      const { enrolled } = await this.api.enrolSegment(plan.id, this.segmentId());
      this.message.success(this.translate.instant('servicePlans.segmentEnrolled', { n: enrolled, plan: plan.name }));
      this.choosing.set(false);
    } finally {
      this.enrolling.set(false);
    }
  }
}
