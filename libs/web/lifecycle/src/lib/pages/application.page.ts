import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApplicationStepView, ApplicationView } from '@crm/shared/domain';
import { AuthStore, LanguageService, Loader, StepDialog } from '@crm/web/core';
import {
  CellDef,
  DataTable,
  Field,
  FormDialog,
  LoadStatus,
  NotFound,
  SlaTag,
  TableColumn,
  TableRow,
  DisplayPipe,
} from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { LifecycleApi } from '../lifecycle.api';

/** nz-steps status of a step: done (even when late: that is not a failure), running, overdue (error) or waiting. */
export function trackerStatus(step: ApplicationStepView): 'finish' | 'process' | 'error' | 'wait' {
  if (step.state === 'done') return 'finish';
  if (step.state === 'in_progress') return step.sla === 'overdue' ? 'error' : 'process';
  return 'wait';
}

/** A step done past its due date: shown as an amber "late" mark. */
export function finishedLate(step: ApplicationStepView): boolean {
  return step.state === 'done' && step.sla === 'overdue';
}

/** One application: its step tracker (start, due date, completion, who), and the actions to advance or cancel it. */
@Component({
  selector: 'crm-application-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    CellDef,
    DataTable,
    Field,
    FormDialog,
    LoadStatus,
    NotFound,
    SlaTag,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzInputModule,
    NzStepsModule,
  ],
  templateUrl: './application.page.html',
  styles: `
    .tracker {
      margin: 24px 0;
    }
    /* A step done late: the finished mark in amber, not the red of a failure. */
    :host ::ng-deep nz-step.late .ant-steps-item-icon {
      background: #fffbe6;
      border-color: #faad14;
    }
    :host ::ng-deep nz-step.late .ant-steps-item-icon .ant-steps-icon {
      color: #faad14;
    }
  `,
})
export class ApplicationPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(LifecycleApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  protected readonly app = signal<ApplicationView | null>(null);
  /** The application's load: not found, why it failed, and its retry. */
  protected readonly loader = new Loader({ record: true });
  /** The open dialog, advancing or cancelling the application, and sending it. */
  protected readonly dialog = new StepDialog<'advance' | 'cancel'>();
  protected note = '';
  protected completedAt: Date | null = null;
  protected reason = '';
  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  protected readonly canAct = computed(() => {
    const role = this.auth.user()?.role;
    return this.app()?.status === 'open' && role !== 'marketing';
  });
  protected readonly current = computed(() => this.app()?.steps.find((s) => s.state === 'in_progress') ?? null);
  protected readonly currentIndex = computed(() => {
    const steps = this.app()?.steps ?? [];
    const i = steps.findIndex((s) => s.state === 'in_progress');
    return i >= 0 ? i : steps.length;
  });
  protected readonly estimated = computed(() => this.app()?.steps.some((s) => s.calendarEstimated) ?? false);
  protected readonly trackerStatus = trackerStatus;
  protected readonly finishedLate = finishedLate;
  protected readonly stepColumns: TableColumn<ApplicationStepView>[] = [
    { key: 'step', label: 'applications.step', value: (s) => this.stepName(s) },
    { key: 'limit', label: 'applications.limit' },
    { key: 'startedAt', label: 'applications.startedAt', kind: 'datetime' },
    { key: 'dueDate', label: 'applications.dueDate' },
    { key: 'completedAt', label: 'applications.completedAt', kind: 'datetime' },
    { key: 'completedBy', label: 'applications.completedBy', value: (s) => s.completedBy?.displayName },
    { key: 'note', label: 'applications.note' },
    { key: 'sla', label: 'applications.sla' },
  ];
  protected readonly stepRow: TableRow<ApplicationStepView> = {
    attrs: (s) => ({ 'data-testid': `step-${s.code}`, 'data-state': s.state }),
  };
  protected readonly noFuture = (d: Date) => d.getTime() > Date.now();

  ngOnInit(): void {
    void this.load();
  }

  load(): Promise<void> {
    return this.loader.run(
      () => this.api.get(this.id()),
      (app) => this.app.set(app),
    );
  }

  startAdvance(): void {
    this.note = '';
    this.completedAt = null;
    this.dialog.open('advance');
  }

  async advance(): Promise<void> {
    const step = this.current();
    if (!step) return;
    await this.send(() =>
      this.api.advance(this.id(), {
        step: step.code,
        note: this.note || undefined,
        completedAt: this.completedAt?.toISOString(),
      }),
    );
  }

  startCancel(): void {
    this.reason = '';
    this.dialog.open('cancel');
  }

  async cancel(): Promise<void> {
    await this.send(() => this.api.cancel(this.id(), this.reason));
  }

  stepName(step: ApplicationStepView): string {
    return this.zh() ? step.nameZh : step.nameEn;
  }

  /** Sends a step and shows the application it returns; one changed meanwhile is loaded again. */
  private async send(request: () => Promise<ApplicationView>): Promise<void> {
    await this.dialog.send(
      async () => this.app.set(await request()),
      () => this.load(),
    );
  }
}
