import { DisplayLanguage, formatDecimal, formatMoney, formatPercent, KpiUnit, NO_VALUE } from '@crm/shared/domain';

/** Translates an i18n key (with parameters). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const DIGITS: Record<Exclude<KpiUnit, 'ratio'>, number> = {
  count: 0,
  working_days: 1,
  per_10k: 2,
  score: 2,
  yuan: 0,
};

function displayLanguage(language: string): DisplayLanguage {
  return language === 'en' ? 'en' : 'zh-CN';
}

/**
 * A KPI value as the cockpit shows it, in the app's display format (display-format.ts of @crm/shared/domain):
 * counts grouped, ratios as a percentage with one decimal, working days with one decimal and the unit, rates per
 * 10,000 and scores with two decimals, money in whole yuan grouped with `¥`; `—` when there is no value.
 */
export function formatKpiValue(unit: KpiUnit, value: number | null, language: string, t: Translate): string {
  const lang = displayLanguage(language);
  if (value === null) return NO_VALUE;
  switch (unit) {
    case 'ratio':
      return formatPercent(value, lang, 1);
    case 'working_days':
      return t('kpis.unitValue.working_days', { value: formatDecimal(value, lang, DIGITS[unit]) });
    case 'yuan':
      return formatMoney(value, lang, DIGITS[unit]);
    default:
      return formatDecimal(value, lang, DIGITS[unit]);
  }
}

/**
 * The change from last month to this one in the KPI's unit, signed (`+3`, `−1.2 pp` for a ratio's percentage
 * points); null when either month has no value.
 */
export function formatKpiChange(
  unit: KpiUnit,
  value: number | null,
  previous: number | null,
  language: string,
  t: Translate,
): string | null {
  if (value === null || previous === null) return null;
  const change = value - previous;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  if (unit === 'ratio') {
    return t('kpis.unitValue.points', { value: `${sign}${formatDecimal(size * 100, displayLanguage(language), 1)}` });
  }
  return `${sign}${formatKpiValue(unit, size, language, t)}`;
}

/** The direction of a change: the arrow the tile shows. */
export function changeArrow(value: number | null, previous: number | null): 'arrow-up' | 'arrow-down' | 'minus' | null {
  if (value === null || previous === null) return null;
  return value > previous ? 'arrow-up' : value < previous ? 'arrow-down' : 'minus';
}

/** The unit of a KPI's parts: money stays money, every other breakdown counts records (stages, supply kinds). */
export function breakdownUnit(unit: KpiUnit): KpiUnit {
  return unit === 'yuan' ? 'yuan' : 'count';
}
