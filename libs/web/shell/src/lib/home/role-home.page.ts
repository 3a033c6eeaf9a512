import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '@crm/web/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { navItemsFor } from '../nav-items';

/** A role's landing page: who you are, what this role does here, and where to go. */
@Component({
  selector: 'crm-role-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, NzCardModule, NzIconModule],
  template: `
    @if (auth.user(); as user) {
      <nz-card [nzTitle]="'home.welcome' | translate: { name: user.displayName }" data-testid="role-home">
        <p class="role">{{ 'home.' + user.role + '.title' | translate }}</p>
        <p>{{ 'home.' + user.role + '.description' | translate }}</p>
        <ul class="links">
          @for (item of links(); track item.path) {
            <li>
              <a [routerLink]="item.path"><nz-icon [nzType]="item.icon" /> {{ item.label | translate }}</a>
            </li>
          }
        </ul>
      </nz-card>
    }
  `,
  styles: `
    .role {
      font-size: 18px;
      font-weight: 600;
    }
    .links {
      padding-left: 0;
      list-style: none;
      display: flex;
      gap: 24px;
    }
  `,
})
export class RoleHomePage {
  protected readonly auth = inject(AuthStore);
  protected readonly links = computed(() => {
    const user = this.auth.user();
    return user ? navItemsFor(user.role).slice(1) : [];
  });
}
