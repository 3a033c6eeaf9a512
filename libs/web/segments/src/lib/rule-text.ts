import {
  Industry,
  isSegmentGroup,
  PersonRef,
  SegmentCondition,
  SegmentField,
  SegmentFieldOptions,
  SegmentFieldValue,
  SegmentRule,
} from '@crm/shared/domain';
import type { Language } from '@crm/web/core';

/** A GB/T 4754 section with its divisions, as the industry picker shows them. */
export interface IndustrySection extends SegmentFieldValue {
  divisions: SegmentFieldValue[];
}

/** The choices of fields whose values come from reference data: `value` is what a rule holds. */
export type FieldValueChoices = Record<Exclude<SegmentFieldOptions, 'tags'>, SegmentFieldValue[]>;

/**
 * The choices as the rule builder offers them: industries also as a tree, section → division (picking a section
 * means all its divisions: the API expands it).
 */
export type FieldChoices = FieldValueChoices & { industrySections: IndustrySection[] };

const industryValue = (i: Industry): SegmentFieldValue => ({
  value: i.code,
  label: `${i.code} ${i.nameZh}`,
  labelEn: `${i.code} ${i.nameEn}`,
});

export function toChoices(
  industries: readonly Industry[],
  regions: readonly { nameZh: string; nameEn: string }[],
  managers: readonly PersonRef[],
): FieldChoices {
  return {
    industries: industries.map(industryValue),
    industrySections: industries
      .filter((i) => i.code === i.section)
      .map((section) => ({
        ...industryValue(section),
        divisions: industries.filter((i) => i.section === section.code && i.code !== section.code).map(industryValue),
      })),
    regions: regions.map((r) => ({ value: r.nameZh, label: r.nameZh, labelEn: r.nameEn })),
    managers: managers.map((m) => ({ value: m.id, label: m.displayName, labelEn: m.displayName })),
  };
}

/** The Chinese or English label of a field or a value. */
export function localized(item: { label: string; labelEn: string }, language: Language): string {
  return language === 'en' ? item.labelEn : item.label;
}

/** English for the units of the field catalog that are Chinese words. */
const UNITS_EN: Record<string, string> = { 元: 'yuan' };

function unitText(unit: string, language: Language): string {
  return language === 'en' ? (UNITS_EN[unit] ?? unit) : unit;
}

/** A field's label with its unit, as the field picker shows it: 合同容量 (kVA). */
export function fieldLabel(field: SegmentField, language: Language): string {
  const label = localized(field, language);
  return field.unit ? `${label} (${unitText(field.unit, language)})` : label;
}

/** The values a field chooses from, or null when any number or text goes. */
export function fieldValues(field: SegmentField, choices: FieldValueChoices): readonly SegmentFieldValue[] | null {
  if (field.values) return field.values;
  return field.options && field.options !== 'tags' ? choices[field.options] : null;
}

/** One value of a field in words: its label when the field has a list of values, else the value with the unit. */
export function valueText(field: SegmentField, value: unknown, choices: FieldValueChoices, language: Language): string {
  const known = fieldValues(field, choices)?.find((v) => v.value === value);
  if (known) return localized(known, language);
  return field.type === 'number' && field.unit ? `${value} ${unitText(field.unit, language)}` : String(value);
}

/** A value of the field `key` in words, e.g. a member's tier or region; — when there is none. */
export function fieldValueText(
  fields: readonly SegmentField[],
  key: string,
  value: unknown,
  choices: FieldValueChoices,
  language: Language,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const field = fields.find((f) => f.key === key);
  return field ? valueText(field, value, choices, language) : String(value);
}

/** What a rule reads like, for its segment's page: 电压等级 属于 10 kV, 35 kV 且 (VIP 等级 等于 黄金 或 …). */
export function describeRule(
  rule: SegmentRule,
  fields: readonly SegmentField[],
  choices: FieldValueChoices,
  language: Language,
  t: (key: string) => string,
): string {
  const condition = (c: SegmentCondition): string => {
    const field = fields.find((f) => f.key === c.field);
    const head = `${field ? localized(field, language) : c.field} ${t(`segments.operator.${c.operator}`)}`;
    const text = (v: unknown) => (field ? valueText(field, v, choices, language) : String(v));
    if (c.operator === 'is_null' || c.operator === 'not_null') return head;
    if (c.operator === 'between' && Array.isArray(c.value)) return `${head} ${text(c.value[0])} – ${text(c.value[1])}`;
    if (Array.isArray(c.value)) return `${head} ${c.value.map(text).join(', ')}`;
    return `${head} ${text(c.value)}`;
  };
  const group = (g: SegmentRule): string =>
    g.rules
      .map((node) => (isSegmentGroup(node) ? `(${group(node)})` : condition(node)))
      .join(` ${t(`segments.join.${g.op}`)} `);
  return rule.rules.length ? group(rule) : t('segments.everyone');
}
