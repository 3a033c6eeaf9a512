import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ApplicationListItem } from '@crm/shared/domain';
import { SlaTag } from '@crm/web/ui';

/** An application's SLA state while it is open; nothing once it is closed. */
@Component({
  selector: 'crm-application-sla',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SlaTag],
  template: `
    @if (application().status === 'open') {
      <crm-sla-tag [sla]="application().sla" />
    }
  `,
})
export class ApplicationSla {
  readonly application = input.required<ApplicationListItem>();
}
