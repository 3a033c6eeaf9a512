import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Industry, PersonRef } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

export interface Region {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The reference data that filters and forms choose from: regions, industries and account managers (API.md). */
@Injectable({ providedIn: 'root' })
export class ReferenceApi {
  private readonly http = inject(HttpClient);

  regions(): Promise<Region[]> {
    return firstValueFrom(this.http.get<Region[]>('/api/reference/regions'));
  }

  industries(): Promise<Industry[]> {
    return firstValueFrom(this.http.get<Industry[]>('/api/reference/industries'));
  }

  managers(): Promise<PersonRef[]> {
    return firstValueFrom(this.http.get<PersonRef[]>('/api/managers'));
  }
}
