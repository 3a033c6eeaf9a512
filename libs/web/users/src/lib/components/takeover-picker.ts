import { ChangeDetectionStrategy, Component, computed, inject, input, model, resource } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { UserAccount } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { UsersApi } from '../users.api';

/** Who takes over the customers of an account manager who stops managing them, and how many move. */
@Component({
  selector: 'crm-takeover-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzAlertModule, NzSelectModule],
  templateUrl: './takeover-picker.html',
  styles: `
    :host {
      display: block;
    }
    .label {
      display: block;
      margin: 12px 0 4px;
    }
    .picker {
      width: 100%;
    }
  `,
})
export class TakeoverPicker {
  readonly user = input.required<UserAccount>();
  readonly managerId = model<string | null>(null);
  private readonly api = inject(UsersApi);
  private readonly managers = resource({ loader: () => this.api.managers() });
  protected readonly candidates = computed(() => (this.managers.value() ?? []).filter((m) => m.id !== this.user().id));
}
