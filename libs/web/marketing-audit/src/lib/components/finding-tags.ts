import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditFindingState, AuditSeverity } from '@crm/shared/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';

const SEVERITY_COLOURS: Record<AuditSeverity, string> = { high: 'red', medium: 'orange', low: 'blue' };
const STATE_COLOURS: Record<AuditFindingState, string> = {
  open: 'volcano',
  rectifying: 'gold',
  verified: 'green',
  dismissed: 'default',
};

/** A severity as a coloured tag. */
@Component({
  selector: 'crm-severity-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzTagModule],
  templateUrl: './severity-tag.html',
})
export class SeverityTag {
  readonly severity = input.required<AuditSeverity>();
  protected readonly colours = SEVERITY_COLOURS;
}

/** A finding's state as a coloured tag. */
@Component({
  selector: 'crm-finding-state-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzTagModule],
  templateUrl: './finding-state-tag.html',
})
export class FindingStateTag {
  readonly state = input.required<AuditFindingState>();
  protected readonly colours = STATE_COLOURS;
}
