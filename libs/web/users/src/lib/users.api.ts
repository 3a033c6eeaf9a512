import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NewUserAccount, PersonRef, Role, UserAccount, UserAccountChange, UserAccountPage } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

export interface UserListQuery {
  search?: string;
  role?: Role;
  active?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

/** Forms show the server's errors themselves, next to their fields. */
const HANDLED = { headers: new HttpHeaders({ 'X-Handle-Errors': '1' }) };

/** The users administration API (admins). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Promise<UserAccountPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (query.role) params = params.set('role', query.role);
    if (query.active !== undefined) params = params.set('active', query.active);
    if (query.sort) params = params.set('sort', query.sort);
    return firstValueFrom(this.http.get<UserAccountPage>('/api/users', { params }));
  }

  create(user: NewUserAccount): Promise<UserAccount> {
    return firstValueFrom(this.http.post<UserAccount>('/api/users', user, HANDLED));
  }

  update(id: string, change: UserAccountChange): Promise<UserAccount> {
    return firstValueFrom(this.http.patch<UserAccount>(`/api/users/${id}`, change, HANDLED));
  }

  setPassword(id: string, password: string): Promise<UserAccount> {
    return firstValueFrom(this.http.post<UserAccount>(`/api/users/${id}/password`, { password }, HANDLED));
  }

  /** The active account managers, who may take customers over. */
  managers(): Promise<PersonRef[]> {
    return firstValueFrom(this.http.get<PersonRef[]>('/api/managers'));
  }
}
