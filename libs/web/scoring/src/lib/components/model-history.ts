import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { messageText, ScoringModel } from '@crm/shared/domain';
import { TABLE, TableColumn } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Every version of the scoring model, newest (the one in force) first. */
@Component({
  selector: 'crm-model-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, TranslatePipe, NzCardModule, NzTagModule],
  templateUrl: './model-history.html',
})
export class ModelHistory {
  private readonly translate = inject(TranslateService);
  readonly models = input.required<ScoringModel[]>();
  protected readonly columns: TableColumn<ScoringModel>[] = [
    { key: 'version', label: 'scoringModel.version' },
    { key: 'createdAt', label: 'scoringModel.createdAt', kind: 'datetime' },
    { key: 'createdBy', label: 'scoringModel.createdBy', value: (m) => m.createdBy?.displayName },
    {
      key: 'note',
      label: 'scoringModel.note',
      value: (m) => messageText(this.translate, { message: m.note, code: m.noteCode }),
    },
  ];
}
