import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { CalendarStatus } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

/**
 * Whether this year's and next year's holidays are loaded: read by the shell's reminder for admins,
 * read again by the calendar page once an admin has entered a year.
 */
@Injectable({ providedIn: 'root' })
export class CalendarStatusStore {
  private readonly http = inject(HttpClient);
  readonly status = signal<CalendarStatus | null>(null);

  /** Reads the status again; on failure (shown by the interceptor) the last one stays. */
  async refresh(): Promise<void> {
    this.status.set(
      await firstValueFrom(this.http.get<CalendarStatus>('/api/calendar/status')).catch(() => this.status()),
    );
  }
}
