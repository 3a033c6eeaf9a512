import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore, LanguageService } from '@crm/web/core';
import { NotificationBell } from '@crm/web/notifications';
import { IconButton, LanguageSwitch } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { filter, map } from 'rxjs';
import { CalendarReminder } from '../calendar-reminder/calendar-reminder';
import { navItemsFor } from '../nav-items';
import { GlobalSearch } from './global-search';

/** Below this width the shell is the phone layout: the menu in a drawer, the header's actions in a menu. */
const PHONE = '(max-width: 767.98px)';

/**
 * The frame around every page after login: role-aware navigation, the global search, language, user, logout,
 * and for admins the reminder to enter a year's holidays while they are not loaded.
 */
@Component({
  selector: 'crm-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    IconButton,
    LanguageSwitch,
    NotificationBell,
    CalendarReminder,
    GlobalSearch,
    NzButtonModule,
    NzDrawerModule,
    NzDropDownModule,
    NzIconModule,
    NzLayoutModule,
    NzMenuModule,
    NzTagModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  host: { '(document:keydown)': 'shortcut($event)' },
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly collapsed = signal(false);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: window.matchMedia(PHONE).matches },
  );
  /** The phone's menu drawer: closed at first, and again after each navigation. */
  protected readonly drawerOpen = signal(false);
  /** The phone's search box, opened by its icon (or Ctrl/⌘+K). */
  protected readonly searchOpen = signal(false);
  private readonly search = viewChild(GlobalSearch);
  protected readonly navItems = computed(() => {
    const user = this.auth.user();
    return user ? navItemsFor(user.role) : [];
  });

  constructor() {
    // A stale or revoked token is found out at once, not at the first click.
    this.auth.refresh().catch(() => undefined);
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.drawerOpen.set(false);
        this.searchOpen.set(false);
      });
  }

  /** Ctrl+K (⌘K on a Mac) goes to the search box from anywhere; on a phone it opens the box first. */
  protected shortcut(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k') return;
    event.preventDefault();
    if (this.phone() && !this.searchOpen()) this.searchOpen.set(true);
    else this.search()?.focus();
  }
}
