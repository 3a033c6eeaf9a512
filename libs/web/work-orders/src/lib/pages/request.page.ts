import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { WorkOrderChannel, WorkOrderEventView, WorkOrderType, WorkOrderView } from '@crm/shared/domain';
import { Loader, StepDialog } from '@crm/web/core';
import { ActionButtons, DIALOG_FORM, EventTimeline, RECORD_PAGE, SlaTag } from '@crm/web/ui';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzRateModule } from 'ng-zorro-antd/rate';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { RequestFlags } from '../components/request-flags';
import { eventFacts, OrderAction, orderActions, stepTexts } from '../order-rules';
import { WorkOrderNames } from '../work-order-names';
import { WorkOrdersApi } from '../work-orders.api';

const EVENT_COLOURS: Record<WorkOrderEventView['kind'], string> = {
  received: 'blue',
  contacted: 'blue',
  handled: 'green',
  callback: 'green',
  urged: 'orange',
  reopened: 'red',
  escalated: 'red',
};

/**
 * One order: who, what and when; its two clocks; the current period's contact, result and the last callback;
 * the urges; the timeline of events; and the steps its state allows, each in a dialog that shows the API's refusal.
 */
@Component({
  selector: 'crm-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RECORD_PAGE,
    DIALOG_FORM,
    ActionButtons,
    EventTimeline,
    RequestFlags,
    SlaTag,
    NzGridModule,
    NzRadioModule,
    NzRateModule,
    NzSelectModule,
    NzTagModule,
  ],
  templateUrl: './request.page.html',
  styles: `
    .field {
      margin-bottom: 12px;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    nz-select {
      width: 100%;
    }
  `,
})
export class RequestPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(WorkOrdersApi);
  protected readonly names = inject(WorkOrderNames);
  protected readonly order = signal<WorkOrderView | null>(null);
  protected readonly events = signal<WorkOrderEventView[]>([]);
  /** The request's load: not found, why it failed, and its retry. */
  protected readonly loader = new Loader({ record: true });
  protected readonly actions = computed(() => {
    const o = this.order();
    return o ? orderActions(o) : [];
  });
  /** The step whose dialog is open, and sending it. */
  protected readonly dialog = new StepDialog<OrderAction>();
  protected readonly eventColours = EVENT_COLOURS;
  protected readonly facts = eventFacts;
  protected readonly texts = stepTexts;
  protected form = this.emptyForm();

  ngOnInit(): void {
    void this.load();
  }

  protected open(action: OrderAction): void {
    this.form = this.emptyForm();
    this.dialog.open(action);
  }

  protected async submit(): Promise<void> {
    const order = this.order();
    if (!order) return;
    const sent = await this.dialog.send(
      async (action) => this.order.set(await this.api.step(this.id(), action, this.body(action, order.type))),
      // Someone else moved the order on: show it as it is now.
      () => this.load(),
    );
    if (sent) this.events.set(await this.api.events(this.id()));
  }

  private body(action: OrderAction, type: WorkOrderType): object {
    const f = this.form;
    const texts = Object.fromEntries(stepTexts(action, type).map((t) => [t.name, f[t.name]]));
    if (action === 'urge') return { channel: f.channel, ...texts };
    if (action === 'callback') return { solved: f.solved, satisfaction: f.satisfaction, ...texts };
    return texts;
  }

  private emptyForm() {
    return {
      note: '',
      result: '',
      cause: '',
      accountability: '',
      solved: true,
      satisfaction: 5,
      channel: 'hotline_95598' as WorkOrderChannel,
    };
  }

  private load(): Promise<void> {
    return this.loader.run(
      () => Promise.all([this.api.get(this.id()), this.api.events(this.id())]),
      ([order, events]) => {
        this.order.set(order);
        this.events.set(events);
      },
    );
  }
}
