import { ReportLang } from '@crm/shared/domain';
import type { ReportTexts } from './monthly-report.api';

/** The text at `key` (dotted) of `texts`, `{{name}}` replaced by `params`; the key itself when missing. */
export function reportText(texts: ReportTexts, key: string, params: Record<string, string | number> = {}): string {
  let node: string | ReportTexts | undefined = texts;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A month `YYYY-MM` as an axis label: 10月 or Oct. */
export function monthLabel(period: string, lang: ReportLang): string {
  const month = Number(period.slice(5, 7));
  if (lang === 'zh-CN') return `${month}月`;
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
}

/** A moment as the report prints it, China time: 2026年11月1日 03:00 or Nov 1, 2026, 03:00. */
export function reportDateTime(iso: string, lang: ReportLang): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/** A month `YYYY-MM` as a title: 2026年10月 or October 2026. */
export function reportMonth(period: string, lang: ReportLang): string {
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  if (lang === 'zh-CN') return `${year}年${month}月`;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
