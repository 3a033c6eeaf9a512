import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Page,
  Segment,
  SegmentChange,
  SegmentDetail,
  SegmentDistribution,
  SegmentField,
  SegmentKind,
  SegmentMember,
  SegmentPreview,
  SegmentRule,
  SegmentSnapshot,
  SegmentsOverview,
} from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS, ReferenceApi } from '@crm/web/core';
import type { ExportChoice } from '@crm/web/ui';
import { firstValueFrom } from 'rxjs';
import { FieldChoices, toChoices } from './rule-text';

export interface NewSegment {
  name: string;
  description?: string;
  kind: SegmentKind;
  /** Dynamic segments. */
  rule?: SegmentRule;
  /** Static segments: the members, by account number or by id. */
  accountNos?: string[];
  customerIds?: string[];
}

export interface MemberRefs {
  accountNos?: string[];
  customerIds?: string[];
}

export interface SegmentChanges {
  name?: string;
  description?: string;
  rule?: SegmentRule;
}

/** What the rule builder and the segment pages name things with: the field catalog and the choices of fields. */
export interface SegmentVocabulary {
  fields: SegmentField[];
  choices: FieldChoices;
}

/** Every HTTP call of the segment pages (API.md, "Segments"). */
@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly http = inject(HttpClient);
  private readonly reference = inject(ReferenceApi);

  fields(): Promise<SegmentField[]> {
    return firstValueFrom(this.http.get<SegmentField[]>('/api/segments/fields'));
  }

  /** The field catalog and the industries, regions and managers fields choose from. */
  async vocabulary(): Promise<SegmentVocabulary> {
    const [fields, industries, regions, managers] = await Promise.all([
      this.fields(),
      this.reference.industries(),
      this.reference.regions(),
      this.reference.managers(),
    ]);
    return { fields, choices: toChoices(industries, regions, managers) };
  }

  preview(rule: SegmentRule): Promise<SegmentPreview> {
    return firstValueFrom(this.http.post<SegmentPreview>('/api/segments/preview', { rule }, OWN_ERRORS));
  }

  list(query: ListQuery<'search'>): Promise<Page<Segment>> {
    return firstValueFrom(this.http.get<Page<Segment>>('/api/segments', { params: httpParams(query) }));
  }

  /** The marketing home's figures: every segment, the caller's first, and the newest joiners of the caller's. */
  overview(): Promise<SegmentsOverview> {
    return firstValueFrom(this.http.get<SegmentsOverview>('/api/segments/overview'));
  }

  get(id: string): Promise<SegmentDetail> {
    return firstValueFrom(this.http.get<SegmentDetail>(`/api/segments/${id}`));
  }

  create(segment: NewSegment): Promise<Segment> {
    return firstValueFrom(this.http.post<Segment>('/api/segments', segment, OWN_ERRORS));
  }

  update(id: string, changes: SegmentChanges): Promise<Segment> {
    return firstValueFrom(this.http.patch<Segment>(`/api/segments/${id}`, changes, OWN_ERRORS));
  }

  delete(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/segments/${id}`));
  }

  /** `sort` is one of SEGMENT_MEMBER_SORT_FIELDS, prefixed with '-' for descending. */
  members(id: string, query: ListQuery<never>): Promise<Page<SegmentMember>> {
    return firstValueFrom(
      this.http.get<Page<SegmentMember>>(`/api/segments/${id}/members`, { params: httpParams(query) }),
    );
  }

  /** The members as a CSV or .xlsx file, in the language chosen or raw. */
  export(id: string, choice: ExportChoice): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`/api/segments/${id}/export`, { params: httpParams(choice), responseType: 'blob' }),
    );
  }

  /** Static segments: adds customers by account number or id. */
  addMembers(id: string, members: MemberRefs): Promise<{ added: number }> {
    return firstValueFrom(this.http.post<{ added: number }>(`/api/segments/${id}/members`, members, OWN_ERRORS));
  }

  removeMember(id: string, customerId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/segments/${id}/members/${customerId}`));
  }

  snapshots(id: string): Promise<SegmentSnapshot[]> {
    return firstValueFrom(this.http.get<SegmentSnapshot[]>(`/api/segments/${id}/snapshots`));
  }

  changes(id: string, change: SegmentChange['change'], page: number, pageSize: number): Promise<Page<SegmentChange>> {
    return firstValueFrom(
      this.http.get<Page<SegmentChange>>(`/api/segments/${id}/changes`, {
        params: httpParams({ change, page, pageSize }),
      }),
    );
  }

  distribution(id: string): Promise<SegmentDistribution[]> {
    return firstValueFrom(this.http.get<SegmentDistribution[]>(`/api/segments/${id}/distribution`));
  }
}
