import industries from '@crm/seeds/industries.json';
import regions from '@crm/seeds/regions.json';
import {
  DisplayLanguage,
  formatDateTime,
  formatInteger,
  formatMoney,
  SEGMENT_FIELDS,
  SegmentFieldValue,
} from '@crm/shared/domain';
import { OptionalBooleanQuery, OptionalIn } from './optional-fields';
import { ExportColumn } from './table-export';

/** The languages an export is written in; zh-CN unless asked. */
export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly DisplayLanguage[];

/**
 * How an export is written (`lang` and `raw` of every export route): in the reader's language, with the
 * screen's labels as headers and names for codes (the default), or raw for integrations: the API's field
 * names as headers, codes, ISO timestamps and plain numbers.
 */
export interface ExportOptions {
  lang: DisplayLanguage;
  raw: boolean;
}

/** `lang` of an export route: the language of its headers and names. */
export const ExportLang = () =>
  OptionalIn(EXPORT_LANGUAGES, { description: 'The language of the headers and names (zh-CN unless asked)' });

/** `raw` of an export route: the API's field names, codes, ISO timestamps and plain numbers, for integrations. */
export const ExportRaw = () =>
  OptionalBooleanQuery(
    'true: field names as headers and codes as values (for integrations); the default of the VIP and segment exports when no lang is given, as before issue 17',
  );

/** The `lang` and `raw` of an export route's query, as sent. */
export interface ExportQuery {
  lang?: DisplayLanguage;
  raw?: boolean;
}

/**
 * How an export route writes its file: raw when asked; readable in `lang` (zh-CN unless asked) otherwise, except that
 * a route whose export was raw before it was readable (`rawWithoutLang`: the VIP list, a segment's members) stays raw
 * for a caller that names no language, so integrations that call it as before get the same file. The web always names
 * the reader's language.
 */
export function exportOptions(query: ExportQuery, rawWithoutLang: boolean): ExportOptions {
  return { lang: query.lang ?? 'zh-CN', raw: query.raw ?? (rawWithoutLang && query.lang === undefined) };
}

type Cell = string | number | null;

/** One column of an export in both of its forms. */
export interface ExportField<T> {
  /** The raw export's header: the API's field name. */
  key: string;
  /** The readable export's header in Chinese and in English: the label the screen shows. */
  zh: string;
  en: string;
  /** The raw cell: a code, an ISO timestamp, a plain number, a name. */
  raw: (row: T) => Cell;
  /** The readable cell of a raw value that is not null (of `row`); the raw value itself when absent. */
  text?: (value: string | number, lang: DisplayLanguage, row: T) => string;
}

/** The columns of an export written as `options` asks; a missing value is an empty cell either way. */
export function exportColumns<T>(fields: readonly ExportField<T>[], options: ExportOptions): ExportColumn<T>[] {
  if (options.raw) return fields.map((f) => ({ header: f.key, value: f.raw }));
  return fields.map((f) => {
    const text = f.text;
    return {
      header: options.lang === 'en' ? f.en : f.zh,
      value: text
        ? (row) => {
            const value = f.raw(row);
            return value === null ? null : text(value, options.lang, row);
          }
        : f.raw,
    };
  });
}

/** The fields of the segment vocabulary (libs/shared/domain) whose codes exports name. */
export type NamedCodeField = 'stage' | 'importance' | 'tariffCategory' | 'vipTier' | 'creditRating';

const CODE_NAMES = new Map<string, readonly SegmentFieldValue[]>(
  SEGMENT_FIELDS.filter((f) => f.values).map((f) => [f.key, f.values ?? []]),
);

/** A code's name as the screens show it (a stage, a tier, a rating, …), from the one table of the segment vocabulary. */
export const codeName =
  (field: NamedCodeField) =>
  (code: string | number, lang: DisplayLanguage): string => {
    const known = CODE_NAMES.get(field)?.find((v) => v.value === code);
    return known ? (lang === 'en' ? known.labelEn : known.label) : String(code);
  };

const INDUSTRIES = new Map(industries.industries.map((i) => [i.code, i]));

/** An industry as the screens show it: its GB/T 4754 code and name, `38 电气机械和器材制造业`. */
export function industryName(code: string | number, lang: DisplayLanguage): string {
  const industry = INDUSTRIES.get(String(code));
  return industry ? `${industry.code} ${lang === 'en' ? industry.nameEn : industry.nameZh}` : String(code);
}

const REGIONS = new Map(regions.regions.map((r) => [r.nameZh, r.nameEn]));

/** A region (stored by its Chinese name) in `lang`; a region the supply area does not list stays as stored. */
export function regionName(name: string | number, lang: DisplayLanguage): string {
  return lang === 'en' ? (REGIONS.get(String(name)) ?? String(name)) : String(name);
}

/** A timestamp (ISO) as people read it: China time to the minute. */
export const dateTimeText = (value: string | number, lang: DisplayLanguage) => formatDateTime(String(value), lang);

/** Money in yuan: `¥916,904.48`. */
export const moneyText = (value: string | number, lang: DisplayLanguage) => formatMoney(value, lang);

/** A whole number grouped by thousands: `1,234,567`. */
export const integerText = (value: string | number, lang: DisplayLanguage) => formatInteger(value, lang);
