import { codeName, exportColumns, ExportField, industryName, moneyText, regionName } from './export-fields';

interface Row {
  tier: string | null;
  amount: number | null;
}

const FIELDS: ExportField<Row>[] = [
  { key: 'vipTier', zh: 'VIP 等级', en: 'VIP tier', raw: (r) => r.tier, text: codeName('vipTier') },
  { key: 'arrears', zh: '欠费', en: 'Arrears', raw: (r) => r.amount, text: moneyText },
];

const cells = (options: { lang: 'zh-CN' | 'en'; raw: boolean }, row: Row) => {
  const columns = exportColumns(FIELDS, options);
  return [columns.map((c) => c.header), columns.map((c) => c.value(row))];
};

describe('exportColumns', () => {
  it('writes the headers and names of the language asked, money formatted', () => {
    expect(cells({ lang: 'zh-CN', raw: false }, { tier: 'gold', amount: 916904.48 })).toEqual([
      ['VIP 等级', '欠费'],
      ['黄金', '¥916,904.48'],
    ]);
    expect(cells({ lang: 'en', raw: false }, { tier: 'gold', amount: -2 })).toEqual([
      ['VIP tier', 'Arrears'],
      ['Gold', '-¥2.00'],
    ]);
  });

  it('writes raw the field names, codes and plain numbers, whatever the language', () => {
    expect(cells({ lang: 'en', raw: true }, { tier: 'gold', amount: 916904.48 })).toEqual([
      ['vipTier', 'arrears'],
      ['gold', 916904.48],
    ]);
  });

  it('leaves a missing value empty', () => {
    expect(cells({ lang: 'zh-CN', raw: false }, { tier: null, amount: null })[1]).toEqual([null, null]);
  });
});

describe('names of codes', () => {
  it('names stages, industries and regions as the screens do, and keeps what it does not know', () => {
    expect(codeName('stage')('active', 'zh-CN')).toBe('在用');
    expect(codeName('stage')('active', 'en')).toBe('Active');
    expect(codeName('stage')('unknown', 'en')).toBe('unknown');
    expect(industryName('38', 'zh-CN')).toBe('38 电气机械和器材制造业');
    expect(industryName('38', 'en')).toMatch(/^38 Electrical machinery/);
    expect(industryName('99', 'en')).toBe('99');
    expect(regionName('龙湾区', 'en')).toBe('Longwan');
    expect(regionName('龙湾区', 'zh-CN')).toBe('龙湾区');
    expect(regionName('@龙湾区', 'en')).toBe('@龙湾区');
  });
});
