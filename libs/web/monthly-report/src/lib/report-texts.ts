import { formatDateTime, ReportLang } from '@crm/shared/domain';
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

/** A moment as the report prints it, the app's one display format in China time: 2026-11-01 03:00. */
export function reportDateTime(iso: string, lang: ReportLang): string {
  return formatDateTime(iso, lang);
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
