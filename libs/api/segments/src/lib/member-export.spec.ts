import { segmentField } from '@crm/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEMBER_EXPORT } from './segment-members.repository';

/** The member list's column labels in the web app's i18n file of `lang`. */
const screen = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, `../../../../../apps/web/public/i18n/segments.${lang}.json`), 'utf8'))
    .segments.column;

describe('MEMBER_EXPORT', () => {
  it.each([
    ['zh-CN', 'zh', 'label'],
    ['en', 'en', 'labelEn'],
  ] as const)('has the member list’s labels in %s as headers, else the rule builder’s', (lang, header, label) => {
    const columns = screen(lang);
    // Arrears are money, written with ¥: the header leaves out the list's unit.
    for (const field of MEMBER_EXPORT.filter((f) => f.key !== 'arrears'))
      expect([field.key, field[header]]).toEqual([field.key, columns[field.key] ?? segmentField(field.key)?.[label]]);
  });
});
