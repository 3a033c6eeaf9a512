import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIP_EXPORT } from './vip-export';

/** The VIP list's labels in the web app's i18n file of `lang`. */
const screen = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, `../../../../../apps/web/public/i18n/scoring.${lang}.json`), 'utf8')).vip;

/** The list label of each export column that is a column of the screen. */
const LABELS: Record<string, string> = {
  rank: 'rank',
  name: 'customer',
  region: 'region',
  industry: 'industry',
  manager: 'manager',
  score: 'score',
  tier: 'tier',
  delta: 'change',
  revenue12Months: 'revenue',
  creditRating: 'rating',
};

describe('VIP_EXPORT', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['en', 'en'],
  ] as const)('has the VIP list’s labels in %s as headers', (lang, header) => {
    const labels = screen(lang);
    const columns = VIP_EXPORT.filter((f) => LABELS[f.key]);
    expect(columns.map((f) => f[header])).toEqual(columns.map((f) => labels[LABELS[f.key]]));
  });
});
