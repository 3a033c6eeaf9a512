import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { LoginResponse, Role, ROLE_HOME, UserSummary } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'crm.session';

interface Session {
  accessToken: string;
  user: UserSummary;
  /** Expiry of the token, epoch milliseconds. */
  expiresAt: number;
}

/** Seconds-since-epoch `exp` claim of a JWT, in milliseconds (0 if unreadable). */
export function tokenExpiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** The logged-in user and their token, kept across reloads until the token expires. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(this.restore());
  private expiryTimer?: ReturnType<typeof setTimeout>;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);
  readonly homeUrl = computed(() => {
    const user = this.user();
    return user ? ROLE_HOME[user.role] : '/login';
  });

  constructor() {
    this.scheduleExpiry();
  }

  async login(username: string, password: string): Promise<UserSummary> {
    const response = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { username, password }));
    const session: Session = { ...response, expiresAt: tokenExpiry(response.accessToken) };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.session.set(session);
    this.scheduleExpiry();
    return response.user;
  }

  /** Checks the session with the server (a 401 ends it through the API interceptor) and refreshes the user. */
  async refresh(): Promise<void> {
    const session = this.session();
    if (!session) return;
    const user = await firstValueFrom(this.http.get<UserSummary>('/api/auth/me'));
    this.session.set({ ...session, user });
  }

  /** Forgets the session and goes to the login page; `expired` tells the user why. */
  logout(reason?: 'expired'): void {
    localStorage.removeItem(STORAGE_KEY);
    this.session.set(null);
    clearTimeout(this.expiryTimer);
    void this.router.navigate(['/login'], reason ? { queryParams: { reason } } : {});
  }

  hasRole(roles: readonly Role[]): boolean {
    const user = this.user();
    return !!user && roles.includes(user.role);
  }

  private restore(): Session | null {
    try {
      const session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
      return session && session.expiresAt > Date.now() ? session : null;
    } catch {
      return null;
    }
  }

  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const session = this.session();
    if (!session) return;
    const remaining = session.expiresAt - Date.now();
    // setTimeout overflows beyond ~24.8 days; tokens are much shorter-lived.
    this.expiryTimer = setTimeout(() => this.logout('expired'), Math.min(Math.max(remaining, 0), 2 ** 31 - 1));
  }
}
