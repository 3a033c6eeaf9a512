import { PlanService, Recurrence } from '@crm/shared/domain';
import type { Language } from '@crm/web/core';

/** Translates a key with its parameters (TranslateService.instant). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function englishMonth(month: number): string {
  return new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}

/** When a service is due, in words: "每季度 15 日", "quarterly on the 15th", "每期电费到期前 5 天". */
export function recurrenceText(r: Recurrence, t: Translate, language: Language): string {
  const key = `servicePlans.recurrence.${r.every}`;
  if (r.every === 'bill') return t(key, { days: r.daysBefore });
  const day = language === 'en' ? englishOrdinal(r.day) : r.day;
  if (r.every === 'year') return t(key, { month: r.month, monthName: englishMonth(r.month), day });
  return t(key, { day });
}

/** A template's service in words: its kind, when it is due and how many days ahead it shows. */
export function serviceText(s: PlanService, t: Translate, language: Language): string {
  return [
    t(`servicePlans.kind.${s.kind}`),
    recurrenceText(s.recurrence, t, language),
    t('servicePlans.leadDaysText', { n: s.leadDays }),
  ].join(' · ');
}
