import { inject, Injectable, signal } from '@angular/core';
import { CalendarStatus } from '@crm/shared/domain';
import { LifecycleApi } from './lifecycle.api';

/** The calendar's status (is next year's schedule loaded?), shared by the reminder and the calendar page. */
@Injectable({ providedIn: 'root' })
export class CalendarStatusStore {
  private readonly api = inject(LifecycleApi);
  readonly status = signal<CalendarStatus | null>(null);

  /** Reads the status again (the interceptor shows a failure). */
  async refresh(): Promise<void> {
    this.status.set(await this.api.calendarStatus().catch(() => this.status()));
  }
}
