import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzResultModule } from 'ng-zorro-antd/result';

/** A record page whose record does not exist (or is out of the user's scope): "not found" and a link back to its list. */
@Component({
  selector: 'crm-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, NzResultModule],
  template: `
    <nz-result nzStatus="404" [nzTitle]="'errors.notFound' | translate">
      <div nz-result-extra>
        <a [routerLink]="back()">{{ backLabel() | translate }}</a>
      </div>
    </nz-result>
  `,
})
export class NotFound {
  /** The list the link goes back to. */
  readonly back = input.required<string>();
  /** The i18n key of the link. */
  readonly backLabel = input.required<string>();
}
