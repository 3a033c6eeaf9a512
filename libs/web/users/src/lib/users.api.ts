import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NewUserAccount, PersonRef, UserAccount, UserAccountChange, UserAccountPage } from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

export type UserListQuery = ListQuery<'search' | 'role' | 'active'>;

/** The users administration API (admins). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Promise<UserAccountPage> {
    return firstValueFrom(this.http.get<UserAccountPage>('/api/users', { params: httpParams(query) }));
  }

  create(user: NewUserAccount): Promise<UserAccount> {
    return firstValueFrom(this.http.post<UserAccount>('/api/users', user, OWN_ERRORS));
  }

  update(id: string, change: UserAccountChange): Promise<UserAccount> {
    return firstValueFrom(this.http.patch<UserAccount>(`/api/users/${id}`, change, OWN_ERRORS));
  }

  setPassword(id: string, password: string): Promise<UserAccount> {
    return firstValueFrom(this.http.post<UserAccount>(`/api/users/${id}/password`, { password }, OWN_ERRORS));
  }

  /** The active account managers, who may take customers over. */
  managers(): Promise<PersonRef[]> {
    return firstValueFrom(this.http.get<PersonRef[]>('/api/managers'));
  }
}
