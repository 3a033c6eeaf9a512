import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { WorkOrderReference, WorkOrderReport } from '@crm/shared/domain';
import { httpParams } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

/** The HTTP calls of the service-quality page: the report and the names of channels, types and topics. */
@Injectable({ providedIn: 'root' })
export class ServiceQualityApi {
  private readonly http = inject(HttpClient);

  report(from: string, to: string): Promise<WorkOrderReport> {
    return firstValueFrom(this.http.get<WorkOrderReport>('/api/requests/report', { params: httpParams({ from, to }) }));
  }

  reference(): Promise<WorkOrderReference> {
    return firstValueFrom(this.http.get<WorkOrderReference>('/api/requests/reference'));
  }
}
