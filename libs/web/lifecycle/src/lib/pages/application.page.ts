import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { ApplicationStepView, ApplicationView, ROLES_WORKING_APPLICATIONS } from '@crm/shared/domain';
import { AuthStore, LanguageService, Loader, StepDialog } from '@crm/web/core';
import { DIALOG_FORM, RECORD_PAGE, SlaTag, TABLE, TableColumn, TableRow } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { LifecycleApi } from '../lifecycle.api';
import { StepMark, stepMark, TONE_COLOUR } from '../step-mark';

/** Below this width the step bar is a vertical list: six full step names do not fit side by side. */
const NARROW = '(max-width: 1099.98px)';

/** One application: its step tracker (start, due date, completion, who), and the actions to advance or cancel it. */
@Component({
  selector: 'crm-application-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RECORD_PAGE,
    DIALOG_FORM,
    TABLE,
    NgTemplateOutlet,
    SlaTag,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzStepsModule,
    NzTagModule,
  ],
  templateUrl: './application.page.html',
  styles: `
    .tracker {
      margin: 24px 0;
    }
    /* Step names in full: wrapped under their mark side by side, or one a line in the vertical list. */
    :host ::ng-deep .tracker .ant-steps-item-title {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    :host ::ng-deep .tracker .ant-steps-item-description {
      white-space: normal;
    }
    /* A label too long for the 140px step wraps between its words ("逾期 2 / 个工作日完成"), not before its last character. */
    .mark-words {
      display: block;
      word-break: keep-all;
    }
    /* Close to the limit, past it, or finished past it: amber, not the red of a failure. */
    :host ::ng-deep nz-step:is(.mark-late, .mark-overdue, .mark-warning) .ant-steps-item-icon {
      background: #fffbe6;
      border-color: #faad14;
    }
    :host ::ng-deep nz-step:is(.mark-late, .mark-overdue, .mark-warning) .ant-steps-item-icon .ant-steps-icon {
      color: #d48806;
    }
    :host ::ng-deep nz-step:is(.mark-late, .mark-overdue, .mark-warning) .mark-words {
      color: #d48806;
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
  /** Only the owning manager (the only one who sees it) and admins act; leadership, marketing and auditors read. */
  protected readonly canAct = computed(
    () => this.app()?.status === 'open' && this.auth.hasRole(ROLES_WORKING_APPLICATIONS),
  );
  /** The step bar as a vertical list, below 1100 px. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: window.matchMedia(NARROW).matches },
  );
  /** Each step with its name in the reader's language and its mark. */
  protected readonly steps = computed(() =>
    (this.app()?.steps ?? []).map((step) => ({ step, name: this.stepName(step), mark: this.mark(step) })),
  );
  protected readonly current = computed(() => this.app()?.steps.find((s) => s.state === 'in_progress') ?? null);
  protected readonly currentIndex = computed(() => {
    const steps = this.app()?.steps ?? [];
    const i = steps.findIndex((s) => s.state === 'in_progress');
    return i >= 0 ? i : steps.length;
  });
  protected readonly estimated = computed(() => this.app()?.steps.some((s) => s.calendarEstimated) ?? false);
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

  /** The step's mark in its application's state. */
  mark(step: ApplicationStepView): StepMark {
    return stepMark(step, this.app()?.status ?? 'open');
  }

  /** The tag colour of a mark. */
  colour(mark: StepMark): string {
    return TONE_COLOUR[mark.tone];
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
