import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { MAX_PAGE_SIZE, Notification, NotificationPage } from '@crm/shared/domain';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { NotificationTexts } from './notification-text';
import { DisplayPipe } from '@crm/web/ui';

/** How often the bell asks for new notifications. */
const POLL_MS = 60_000;

/** How many notifications the bell shows at first, and how many more each "more" adds. */
const STEP = 20;

/**
 * The header's bell: the number of unread notifications and the latest ones, each linking to its customer;
 * "more" shows older ones (a day of deadline notices must not hide a rating change).
 */
@Component({
  selector: 'crm-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    RouterLink,
    TranslatePipe,
    NzBadgeModule,
    NzButtonModule,
    NzDropDownModule,
    NzEmptyModule,
    NzIconModule,
  ],
  templateUrl: './notification-bell.html',
  styles: `
    .bell {
      font-size: 18px;
    }
    .panel {
      width: 360px;
      max-height: 420px;
      overflow: auto;
      background: #fff;
      box-shadow: 0 6px 16px rgba(0, 0, 0, 0.12);
      border-radius: 8px;
      padding: 8px 0;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 0 12px 8px;
    }
    .item {
      display: block;
      padding: 8px 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .item.unread {
      color: rgba(0, 0, 0, 0.88);
      font-weight: 500;
      background: #e6f4ff;
    }
    .more {
      text-align: center;
    }
    .at {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
      font-weight: normal;
    }
  `,
})
export class NotificationBell implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly texts = inject(NotificationTexts);
  protected readonly items = signal<Notification[]>([]);
  protected readonly unread = signal(0);
  protected readonly total = signal(0);
  protected readonly maxShown = MAX_PAGE_SIZE;
  private readonly shown = signal(STEP);

  constructor() {
    const timer = setInterval(() => void this.load(), POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    void this.load();
  }

  protected text(n: Notification): string {
    return this.texts.of(n);
  }

  async load(): Promise<void> {
    const page = await firstValueFrom(
      this.http.get<NotificationPage>('/api/notifications', {
        params: new HttpParams().set('pageSize', Math.min(this.shown(), MAX_PAGE_SIZE)),
      }),
    );
    this.items.set(page.items);
    this.unread.set(page.unread);
    this.total.set(page.total);
  }

  async more(): Promise<void> {
    this.shown.update((n) => n + STEP);
    await this.load();
  }

  async read(n: Notification): Promise<void> {
    if (n.read) return;
    await firstValueFrom(this.http.post(`/api/notifications/${n.id}/read`, {}));
    await this.load();
  }

  async readAll(): Promise<void> {
    await firstValueFrom(this.http.post('/api/notifications/read-all', {}));
    await this.load();
  }
}
