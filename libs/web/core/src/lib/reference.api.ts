import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Industry, PersonRef } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

/** A supply region; customers name theirs by `nameZh`. */
export interface Region {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The reference lists that forms and filters offer: industries, regions and the active account managers. */
@Injectable({ providedIn: 'root' })
export class ReferenceApi {
  private readonly http = inject(HttpClient);

  industries(): Promise<Industry[]> {
    return firstValueFrom(this.http.get<Industry[]>('/api/reference/industries'));
  }

  regions(): Promise<Region[]> {
    return firstValueFrom(this.http.get<Region[]>('/api/reference/regions'));
  }

  managers(): Promise<PersonRef[]> {
    return firstValueFrom(this.http.get<PersonRef[]>('/api/managers'));
  }
}
