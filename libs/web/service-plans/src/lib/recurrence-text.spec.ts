import { Recurrence } from '@crm/shared/domain';
import type { Language } from '@crm/web/core';
import { englishOrdinal, recurrenceText, serviceText, Translate } from './recurrence-text';

const TEXTS: Record<string, Record<string, string>> = {
  'zh-CN': {
    'servicePlans.recurrence.month': '每月 {{day}} 日',
    'servicePlans.recurrence.quarter': '每季度 {{day}} 日',
    'servicePlans.recurrence.year': '每年 {{month}} 月 {{day}} 日',
    'servicePlans.recurrence.bill': '每期电费到期前 {{days}} 天',
    'servicePlans.kind.safety_inspection': '安全检查',
    'servicePlans.leadDaysText': '提前 {{n}} 天提醒',
  },
  en: {
    'servicePlans.recurrence.month': 'monthly on the {{day}}',
    'servicePlans.recurrence.quarter': 'quarterly on the {{day}}',
    'servicePlans.recurrence.year': 'yearly on {{monthName}} {{day}}',
    'servicePlans.recurrence.bill': '{{days}} days before each bill is due',
    'servicePlans.kind.safety_inspection': 'Safety inspection',
    'servicePlans.leadDaysText': 'shown {{n}} days ahead',
  },
};

/** What TranslateService.instant does with the texts of a language. */
const translator =
  (language: string): Translate =>
  (key, params = {}) =>
    TEXTS[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));

describe('recurrence in words', () => {
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 23, 28].map(englishOrdinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '15th',
      '21st',
      '22nd',
      '23rd',
      '28th',
    ]);
  });

  it.each([
    ['zh-CN', { every: 'quarter', day: 15 }, '每季度 15 日'],
    ['zh-CN', { every: 'month', day: 1 }, '每月 1 日'],
    ['zh-CN', { every: 'year', month: 3, day: 10 }, '每年 3 月 10 日'],
    ['zh-CN', { every: 'bill', daysBefore: 5 }, '每期电费到期前 5 天'],
    ['en', { every: 'quarter', day: 15 }, 'quarterly on the 15th'],
    ['en', { every: 'month', day: 22 }, 'monthly on the 22nd'],
    ['en', { every: 'year', month: 5, day: 1 }, 'yearly on May 1st'],
    ['en', { every: 'bill', daysBefore: 5 }, '5 days before each bill is due'],
  ] satisfies [Language, Recurrence, string][])('says in %s when %j is due: %s', (language, recurrence, text) => {
    expect(recurrenceText(recurrence, translator(language), language)).toBe(text);
  });

  it('describes a service by its kind, recurrence and lead days', () => {
    const service = {
      key: 'safety',
      kind: 'safety_inspection' as const,
      recurrence: { every: 'quarter' as const, day: 5 },
      leadDays: 10,
    };
    expect(serviceText(service, translator('zh-CN'), 'zh-CN')).toBe('安全检查 · 每季度 5 日 · 提前 10 天提醒');
    expect(serviceText(service, translator('en'), 'en')).toBe(
      'Safety inspection · quarterly on the 5th · shown 10 days ahead',
    );
  });
});
