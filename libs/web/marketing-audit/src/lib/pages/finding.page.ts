import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { AUDIT_NOTE_MIN_LENGTH, AuditFindingAction, AuditFindingEventKind, AuditFindingView } from '@crm/shared/domain';
import { Loader, StepDialog } from '@crm/web/core';
import { ActionButtons, DIALOG_FORM, EventTimeline, RECORD_PAGE } from '@crm/web/ui';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuditRulesStore } from '../audit-rules.store';
import { FindingEvidence } from '../components/finding-evidence';
import { FindingStateTag, SeverityTag } from '../components/finding-tags';
import { MarketingAuditApi } from '../marketing-audit.api';

const EVENT_COLOURS: Record<AuditFindingEventKind, string> = {
  found: 'red',
  cleared: 'blue',
  recurred: 'red',
  rectified: 'blue',
  verified: 'green',
  dismissed: 'gray',
  reopened: 'orange',
};

/**
 * One finding: the rule, customer, manager, severity, state and due date; the rule's description; the evidence;
 * the history; and the actions the caller may take, each in a dialog asking for a note.
 */
@Component({
  selector: 'crm-finding-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RECORD_PAGE,
    DIALOG_FORM,
    ActionButtons,
    EventTimeline,
    FindingEvidence,
    FindingStateTag,
    SeverityTag,
    NzGridModule,
    NzTagModule,
  ],
  templateUrl: './finding.page.html',
  styles: `
    .overdue {
      color: #cf1322;
      font-weight: 500;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class FindingPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(MarketingAuditApi);
  protected readonly rules = inject(AuditRulesStore);
  protected readonly finding = signal<AuditFindingView | null>(null);
  /** The finding's load: not found, why it failed, and its retry. */
  protected readonly loader = new Loader({ record: true });
  /** The action whose dialog is open, and sending it. */
  protected readonly dialog = new StepDialog<AuditFindingAction>();
  protected readonly eventColours = EVENT_COLOURS;
  protected readonly minLength = AUDIT_NOTE_MIN_LENGTH;
  protected note = '';

  ngOnInit(): void {
    this.rules.load();
    void this.load();
  }

  protected open(action: AuditFindingAction): void {
    this.note = '';
    this.dialog.open(action);
  }

  protected async submit(): Promise<void> {
    const finding = this.finding();
    if (!finding) return;
    await this.dialog.send(
      async (action) =>
        this.finding.set(await this.api.act(finding.id, action, { note: this.note.trim(), version: finding.version })),
      // Someone else acted on it first: show it as it is now, keeping the dialog and its note.
      () => this.load(),
    );
  }

  private load(): Promise<void> {
    return this.loader.run(
      () => this.api.finding(this.id()),
      (finding) => this.finding.set(finding),
    );
  }
}
