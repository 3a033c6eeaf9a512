import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ScoringModel } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { DisplayPipe, MessagePipe } from '@crm/web/ui';

/** The scoring model in force: its version, author, date and note; or that there is none yet. */
@Component({
  selector: 'crm-model-current',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, TranslatePipe, MessagePipe, NzAlertModule, NzCardModule, NzDescriptionsModule],
  templateUrl: './model-current.html',
})
export class ModelCurrent {
  readonly model = input<ScoringModel | null>(null);
  /** The models were loaded (so no model means there is none). */
  readonly loaded = input(false);
}
