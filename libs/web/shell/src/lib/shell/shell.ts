import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore, LanguageService } from '@crm/web/core';
import { NotificationBell } from '@crm/web/notifications';
import { LanguageSwitch } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { CalendarReminder } from '../calendar-reminder/calendar-reminder';
import { navItemsFor } from '../nav-items';

/**
 * The frame around every page after login: role-aware navigation, language, user, logout, and for
 * admins the reminder to enter a year's holidays while they are not loaded.
 */
@Component({
  selector: 'crm-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    LanguageSwitch,
    NotificationBell,
    CalendarReminder,
    NzButtonModule,
    NzIconModule,
    NzLayoutModule,
    NzMenuModule,
    NzTagModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly collapsed = signal(false);
  protected readonly navItems = computed(() => {
    const user = this.auth.user();
    return user ? navItemsFor(user.role) : [];
  });

  constructor() {
    // A stale or revoked token is found out at once, not at the first click.
    this.auth.refresh().catch(() => undefined);
  }
}
