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
  templateUrl: './role-home.page.html',
  styles: `
    .role {
      font-size: 18px;
      font-weight: 600;
    }
    .links {
      padding-left: 0;
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
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
