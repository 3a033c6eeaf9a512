import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { rejectProblems } from '@crm/api/http';
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  ruleDetail,
  Segment,
  SegmentDetail,
  SegmentPreview,
  SegmentRule,
  segmentRuleProblems,
  SegmentsOverview,
} from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { CreateSegmentDto, StaticMembersDto, UpdateSegmentDto } from './dto/segment.dto';
import { MemberSource, SegmentMembersRepository } from './segment-members.repository';
import { SegmentOverviewRepository } from './segment-overview.repository';
import { SegmentSnapshotsService } from './segment-snapshots.service';
import { SegmentsRepository } from './segments.repository';

/** Customers a preview shows next to the count. */
const PREVIEW_SAMPLE = 10;

/** The rule, checked against the field catalog; a 400 naming each problem otherwise. */
function validRule(rule: unknown): SegmentRule {
  rejectProblems('The rule', segmentRuleProblems(rule));
  return rule as SegmentRule;
}

/**
 * Segments: previews of a rule, saved dynamic and static segments, their members within the caller's
 * scope. Everyone sees every segment's definition; only its owner or an admin changes or deletes it.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: ChangeHistoryService,
    private readonly segments: SegmentsRepository,
    private readonly members: SegmentMembersRepository,
    private readonly snapshots: SegmentSnapshotsService,
    private readonly overviews: SegmentOverviewRepository,
  ) {}

  async preview(scope: DataScope, rule: unknown): Promise<SegmentPreview> {
    const source = { rule: validRule(rule) };
    const [count, sample] = await Promise.all([
      this.members.count(source, scope),
      this.members.sample(source, scope, PREVIEW_SAMPLE),
    ]);
    return { count, sample };
  }

  /** The marketing home's figures: every segment, the user's first, and the newest joiners of the user's. */
  async overview(user: AuthUser): Promise<SegmentsOverview> {
    const [segments, newestJoiners] = await Promise.all([
      this.overviews.segments(user.id),
      this.overviews.newestJoiners(user.id),
    ]);
    return { segments, newestJoiners };
  }

  async create(user: AuthUser, body: CreateSegmentDto): Promise<Segment> {
    const scope = DataScope.of(user);
    let rule: SegmentRule | null = null;
    let customerIds: string[] = [];
    if (body.kind === 'dynamic') {
      if (body.customerIds || body.accountNos)
        throw new InvalidInputError('A dynamic segment has a rule, not a list of customers', [
          ruleDetail(
            body.customerIds ? 'customerIds' : 'accountNos',
            'only for a static segment',
            'segment.onlyStatic',
          ),
        ]);
      if (body.rule === undefined)
        throw new InvalidInputError('A dynamic segment needs a rule', [
          ruleDetail('rule', 'is required', 'field.required'),
        ]);
      rule = validRule(body.rule);
    } else {
      if (body.rule !== undefined)
        throw new InvalidInputError('A static segment is a list of customers, not a rule', [
          ruleDetail('rule', 'only for a dynamic segment', 'segment.onlyDynamic'),
        ]);
      customerIds = await this.resolve(scope, body);
    }
    const fields = { name: body.name, description: body.description ?? '', kind: body.kind, rule };
    const id = await this.dataSource.transaction(async (tx) => {
      const newId = await this.segments.create(tx, { ...fields, ownerId: user.id }, customerIds);
      const after = { ...fields, members: body.kind === 'static' ? customerIds.length : null };
      await this.history.record(tx, { ...this.change(user, newId, 'create'), before: null, after });
      return newId;
    });
    if (rule) await this.snapshots.queue(id); // the first snapshot, or the one after the rule changed
    return this.get(id);
  }

  list(query: { search?: string; page: number; pageSize: number }) {
    return this.segments.list(query);
  }

  async get(id: string): Promise<Segment> {
    const segment = await this.segments.find(id);
    if (!segment) throw new NotFoundError('Segment', id);
    return segment;
  }

  async detail(scope: DataScope, id: string): Promise<SegmentDetail> {
    const segment = await this.get(id);
    return { ...segment, count: await this.members.count(sourceOf(segment), scope) };
  }

  async update(user: AuthUser, id: string, body: UpdateSegmentDto): Promise<Segment> {
    const segment = await this.editable(user, id);
    if (body.rule !== undefined && segment.kind === 'static')
      throw new InvalidInputError('A static segment has no rule', [
        ruleDetail('rule', 'only for a dynamic segment', 'segment.onlyDynamic'),
      ]);
    const rule = body.rule === undefined ? undefined : validRule(body.rule);
    await this.dataSource.transaction(async (tx) => {
      await this.segments.update(tx, id, { name: body.name, description: body.description, rule });
      const after = (await this.segments.find(id, tx)) as Segment;
      await this.history.record(tx, {
        ...this.change(user, id, 'update'),
        before: historyFields(segment),
        after: historyFields(after),
      });
    });
    if (rule) await this.snapshots.queue(id); // the first snapshot, or the one after the rule changed
    return this.get(id);
  }

  async delete(user: AuthUser, id: string): Promise<void> {
    const segment = await this.editable(user, id);
    await this.dataSource.transaction(async (tx) => {
      await this.segments.delete(tx, id);
      await this.history.record(tx, {
        ...this.change(user, id, 'delete'),
        before: historyFields(segment),
        after: null,
      });
    });
  }

  private change(user: AuthUser, id: string, action: 'create' | 'update' | 'delete') {
    return { actor: user, entityType: 'segment', entityId: id, customerId: null, action } as const;
  }

  async addMembers(user: AuthUser, id: string, body: StaticMembersDto): Promise<{ added: number }> {
    await this.staticSegment(user, id);
    const ids = await this.resolve(DataScope.of(user), body);
    return { added: await this.segments.addMembers(id, ids) };
  }

  async removeMember(user: AuthUser, id: string, customerId: string): Promise<void> {
    await this.staticSegment(user, id);
    if (!(await this.segments.removeMember(id, customerId)))
      throw new NotFoundError(`Customer ${customerId} in segment`, id);
  }

  /** The segment when the user may change it: its owner or an admin. */
  private async editable(user: AuthUser, id: string): Promise<Segment> {
    const segment = await this.get(id);
    if (segment.owner.id !== user.id && user.role !== 'admin')
      throw new ForbiddenError(`Only the owner of segment ${segment.name} or an admin may change it`);
    return segment;
  }

  private async staticSegment(user: AuthUser, id: string): Promise<Segment> {
    const segment = await this.editable(user, id);
    if (segment.kind !== 'static')
      throw new InvalidInputError('Members are added to static segments only', [
        ruleDetail('kind', 'the segment is dynamic: change its rule instead', 'segment.dynamicMembers'),
      ]);
    return segment;
  }

  /** The ids of the customers a request names; a 400 naming every unknown one. */
  private async resolve(scope: DataScope, body: StaticMembersDto): Promise<string[]> {
    if (body.customerIds && body.accountNos)
      throw new InvalidInputError('Name the customers by customerIds or by accountNos, not both', [
        ruleDetail('customerIds', 'give customerIds or accountNos, not both', 'segment.idsOrAccountNos'),
        ruleDetail('accountNos', 'give customerIds or accountNos, not both', 'segment.idsOrAccountNos'),
      ]);
    const by = body.customerIds ? 'customerIds' : 'accountNos';
    const values = body.customerIds ?? body.accountNos;
    if (!values?.length)
      throw new InvalidInputError('Name the customers by customerIds or accountNos', [
        ruleDetail('accountNos', 'must be a non-empty list', 'validation.arrayMinSize', { limit: 1 }),
      ]);
    const { ids, unknown } = await this.segments.resolveCustomers(scope, by, values);
    if (unknown.length)
      throw new InvalidInputError(
        `${unknown.length} of the customers are unknown: ${unknown
          .slice(0, 5)
          .map((u) => u.value)
          .join(', ')}${unknown.length > 5 ? '…' : ''}`,
        unknown.slice(0, 20).map((u) =>
          ruleDetail(`${by}[${u.index}]`, `unknown customer ${u.value}`, 'segment.unknownCustomer', {
            value: u.value,
          }),
        ),
      );
    return ids;
  }
}

/** The fields of a segment its change history compares. */
function historyFields(s: Segment): Record<string, unknown> {
  return { name: s.name, description: s.description, kind: s.kind, rule: s.rule };
}

export function sourceOf(segment: Segment): MemberSource {
  return segment.rule ? { rule: segment.rule } : { staticSegmentId: segment.id };
}
