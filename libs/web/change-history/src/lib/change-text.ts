import { ChangeEntityType, Contact, SEGMENT_FIELDS, SegmentRule } from '@crm/shared/domain';
import type { Language } from '@crm/web/core';
import { fieldLabelKey } from '@crm/web/scoring';
import { describeRule } from '@crm/web/segments';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface TextContext {
  t: Translate;
  language: Language;
  /** A date or time (ISO) as the reader's locale writes it. */
  date: (iso: string) => string;
  number: (n: number) => string;
}

/** Translation keys of the fields' labels, reusing the labels of each feature's forms. */
const LABELS: Partial<Record<ChangeEntityType, Record<string, string>>> = {
  customer: {
    accountNo: 'customer.accountNo',
    name: 'customer.name',
    creditCode: 'customer.creditCode',
    industry: 'customer.industry',
    voltageKv: 'customer.voltageKv',
    contractCapacityKva: 'customer.contractCapacityKva',
    tariffCategory: 'customer.tariffCategory',
    region: 'customer.region',
    area: 'customer.area',
    address: 'customer.address',
    importance: 'customer.importance',
    contacts: 'customer.contacts',
    tags: 'customer.tags',
    stage: 'customer.stage',
    accountManager: 'customer.manager',
  },
  application: {
    type: 'applications.type',
    status: 'applications.status',
    currentStep: 'applications.currentStep',
    requestedCapacityKva: 'applications.requestedCapacity',
    dualSupply: 'applications.dualSupply',
    newOwnerName: 'applications.newOwner',
    receivedAt: 'applications.receivedAt',
    cancelReason: 'applications.cancelReason',
  },
  segment: {
    name: 'segments.name',
    description: 'segments.description',
    kind: 'segments.kind',
    rule: 'segments.rule',
    members: 'changeHistory.field.members',
  },
  plan_template: {
    name: 'servicePlans.name',
    description: 'servicePlans.description',
    services: 'servicePlans.services',
    durationMonths: 'servicePlans.durationMonths',
  },
  plan_enrolment: {
    plan: 'changeHistory.field.plan',
    enrolledOn: 'changeHistory.field.enrolledOn',
    endsOn: 'changeHistory.field.endsOn',
    unenrolledOn: 'changeHistory.field.unenrolledOn',
  },
  user: {
    username: 'changeHistory.field.username',
    displayName: 'changeHistory.field.displayName',
    role: 'changeHistory.field.role',
    active: 'changeHistory.field.active',
    password: 'changeHistory.field.password',
  },
};

/** Codes whose values have names: the translation key prefix of each. */
const VALUE_KEYS: Record<string, string> = {
  stage: 'stage.',
  tariffCategory: 'tariff.',
  area: 'repairArea.',
  importance: 'importance.',
  type: 'applicationType.',
  status: 'applicationStatus.',
  kind: 'segments.kindName.',
  role: 'roles.',
  password: 'changeHistory.password.',
};

/** The label of a changed field in the reader's language; the field code when no label is known. */
export function fieldLabel(entityType: ChangeEntityType, field: string, ctx: TextContext): string {
  if (entityType === 'scoring_model') {
    const [group] = field.split('.');
    const key = fieldLabelKey(field);
    if (!key) return field;
    return group === 'note' ? ctx.t(key) : `${ctx.t(`scoringModel.${group}`)} · ${ctx.t(key)}`;
  }
  const key = LABELS[entityType]?.[field];
  return key ? ctx.t(key) : field;
}

function contactText(c: Contact): string {
  return [c.name, c.role && `(${c.role})`, c.phone, c.email].filter(Boolean).join(' ');
}

/** A value of a changed field as people read it: names for codes, dates and numbers formatted; — for none. */
export function valueText(entityType: ChangeEntityType, field: string, value: unknown, ctx: TextContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return ctx.t(value ? 'changeHistory.yes' : 'changeHistory.no');
  if (field === 'rule' && typeof value === 'object') {
    const choices = { industries: [], regions: [], managers: [] };
    return describeRule(value as SegmentRule, SEGMENT_FIELDS, choices, ctx.language, ctx.t);
  }
  if (field === 'contacts' && Array.isArray(value)) return value.map(contactText).join('；') || '—';
  if (field === 'services' && Array.isArray(value)) return ctx.t('changeHistory.services', { n: value.length });
  if (Array.isArray(value)) return value.map(String).join('、') || '—';
  if (typeof value === 'object') {
    const v = value as { displayName?: string; nameZh?: string; nameEn?: string; name?: string };
    if (v.displayName !== undefined) return v.displayName;
    if (v.nameZh !== undefined) return (ctx.language === 'en' ? v.nameEn : v.nameZh) ?? v.nameZh;
    if (v.name !== undefined) return v.name;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (field === 'voltageKv') return `${value} kV`;
    if (field.endsWith('Kva')) return `${ctx.number(value)} kVA`;
    return ctx.number(value);
  }
  const text = String(value);
  if (VALUE_KEYS[field] && entityType !== 'scoring_model') return ctx.t(VALUE_KEYS[field] + text);
  if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(text)) return ctx.date(text);
  return text;
}

/** One line per changed field: 地址：旧 → 新. */
export function changeLines(
  entry: { entityType: ChangeEntityType; changes: { field: string; from: unknown; to: unknown }[] },
  ctx: TextContext,
): string[] {
  return entry.changes.map(
    (c) =>
      `${fieldLabel(entry.entityType, c.field, ctx)}: ${valueText(entry.entityType, c.field, c.from, ctx)} → ${valueText(entry.entityType, c.field, c.to, ctx)}`,
  );
}
