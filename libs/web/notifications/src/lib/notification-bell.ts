import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { MAX_PAGE_SIZE, Notification, NotificationGroup, NotificationPage } from '@crm/shared/domain';
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

/** How many notifications an opened group shows at first, and how many more each "more" adds. */
const STEP = 20;

/** Kinds with a group name of their own (notifications.group.<kind>); others are named "other notifications". */
const NAMED_GROUPS = [
  'sla_warning',
  'sla_overdue',
  'commitment_warning',
  'commitment_overdue',
  'request_warning',
  'request_overdue',
  'request_escalated',
  'audit_finding_warning',
  'audit_finding_overdue',
  'audit_finding_rectified',
  'audit_finding_reopened',
  'tasks_new',
  'tasks_overdue',
  'tier_changed',
  'rating_changed',
  'blacklisted',
];

/**
 * The header's bell: the number of unread notifications (a resolved one, whose cause is gone, is not) and the
 * notifications grouped by kind, the group with the latest first, each with its unread count ("时限预警 12"); a group
 * opens to its latest notifications, each linking to its customer, and "more" shows older ones.
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
    .group {
      display: flex;
      justify-content: space-between;
      align-items: center;
      width: 100%;
      padding: 8px 12px;
      border: 0;
      background: none;
      cursor: pointer;
      text-align: start;
    }
    .group:hover {
      background: #f5f5f5;
    }
    .group .label {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .item.resolved {
      color: rgba(0, 0, 0, 0.45);
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
  private readonly translate = inject(TranslateService);
  protected readonly groups = signal<NotificationGroup[]>([]);
  protected readonly unread = signal(0);
  /** The kind of the opened group, its notifications shown and how many it has. */
  protected readonly opened = signal<string | null>(null);
  protected readonly items = signal<Notification[]>([]);
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

  protected groupName(kind: string): string {
    return this.translate.instant(`notifications.group.${NAMED_GROUPS.includes(kind) ? kind : 'other'}`) as string;
  }

  async load(): Promise<void> {
    const kind = this.opened();
    const page = await firstValueFrom(
      this.http.get<NotificationPage>('/api/notifications', {
        params: kind
          ? new HttpParams().set('kind', kind).set('pageSize', Math.min(this.shown(), MAX_PAGE_SIZE))
          : new HttpParams().set('pageSize', 1),
      }),
    );
    this.groups.set(page.groups);
    this.unread.set(page.groups.reduce((n, g) => n + g.unread, 0));
    this.items.set(kind ? page.items : []);
    this.total.set(kind ? page.total : 0);
  }

  /** Opens a group (closing the one open), or closes it. */
  async toggle(kind: string): Promise<void> {
    this.opened.set(this.opened() === kind ? null : kind);
    this.shown.set(STEP);
    await this.load();
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
