import { SEGMENT_FIELDS, SegmentRule, VIP_TIERS } from '@crm/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { field, NESTED_RULE } from './rule-fixtures';
import { describeRule, fieldLabel, fieldValues, fieldValueText, toChoices, valueText } from './rule-text';

const choices = toChoices(
  [
    { code: 'C', section: 'C', nameZh: '制造业', nameEn: 'Manufacturing' },
    { code: '38', section: 'C', nameZh: '电气机械和器材制造业', nameEn: 'Electrical machinery' },
  ],
  [{ nameZh: '龙湾区', nameEn: 'Longwan' }],
  [{ id: '6f1c1c36-4a53-4a3c-9d59-0d0f5f6a1e01', displayName: '王建国' }],
);
const zh: Record<string, string> = {
  'segments.operator.in': '属于',
  'segments.operator.eq': '等于',
  'segments.operator.between': '介于',
  'segments.operator.is_null': '为空',
  'segments.join.and': '且',
  'segments.join.or': '或',
  'segments.everyone': '全部客户',
};
const t = (key: string) => zh[key] ?? key;

describe('labels', () => {
  it('shows a field in the language of the page, with its unit', () => {
    expect(fieldLabel(field('contractCapacityKva'), 'zh-CN')).toBe('合同容量 (kVA)');
    expect(fieldLabel(field('contractCapacityKva'), 'en')).toBe('Contract capacity (kVA)');
    expect(fieldLabel(field('vipTier'), 'en')).toBe('VIP tier');
    expect(fieldLabel(field('arrears'), 'zh-CN')).toBe('欠费金额 (元)');
    expect(fieldLabel(field('arrears'), 'en')).toBe('Arrears (yuan)');
  });

  it('offers the fixed values of a field, or the reference data its options name, or nothing for free entry', () => {
    expect(fieldValues(field('vipTier'), choices)?.map((v) => v.value)).toEqual([
      'platinum',
      'gold',
      'silver',
      'standard',
    ]);
    expect(fieldValues(field('industry'), choices)).toEqual([
      { value: 'C', label: 'C 制造业', labelEn: 'C Manufacturing' },
      { value: '38', label: '38 电气机械和器材制造业', labelEn: '38 Electrical machinery' },
    ]);
    expect(fieldValues(field('region'), choices)).toEqual([{ value: '龙湾区', label: '龙湾区', labelEn: 'Longwan' }]);
    expect(fieldValues(field('tags'), choices)).toBeNull();
    expect(fieldValues(field('arrears'), choices)).toBeNull();
  });

  it('offers the industries as sections with their divisions', () => {
    expect(choices.industrySections).toEqual([
      {
        value: 'C',
        label: 'C 制造业',
        labelEn: 'C Manufacturing',
        divisions: [{ value: '38', label: '38 电气机械和器材制造业', labelEn: '38 Electrical machinery' }],
      },
    ]);
  });

  it('names the VIP tiers as the VIP pages do, in both languages', () => {
    const i18n = (lang: string) =>
      JSON.parse(readFileSync(join(__dirname, `../../../../../apps/web/public/i18n/scoring.${lang}.json`), 'utf8'))
        .scores.tier;
    const [zh, en] = [i18n('zh-CN'), i18n('en')];
    for (const tier of VIP_TIERS) {
      expect(valueText(field('vipTier'), tier, choices, 'zh-CN')).toBe(zh[tier]);
      expect(valueText(field('vipTier'), tier, choices, 'en')).toBe(en[tier]);
    }
    expect(valueText(field('vipTier'), 'platinum', choices, 'zh-CN')).toBe('铂金');
  });

  it('names values by their label, and numbers with their unit', () => {
    expect(valueText(field('vipTier'), 'gold', choices, 'zh-CN')).toBe('黄金');
    expect(valueText(field('region'), '龙湾区', choices, 'en')).toBe('Longwan');
    expect(valueText(field('voltageKv'), 10, choices, 'en')).toBe('10 kV');
    // A distribution bucket holds the voltage as text.
    expect(valueText(field('voltageKv'), '110', choices, 'en')).toBe('110 kV');
    expect(valueText(field('arrears'), 500, choices, 'zh-CN')).toBe('500 元');
    expect(valueText(field('arrears'), 500, choices, 'en')).toBe('500 yuan');
    expect(valueText(field('accountManagerId'), choices.managers[0].value, choices, 'zh-CN')).toBe('王建国');
  });

  it('shows a dash for a missing value and the raw value of an unknown field', () => {
    expect(fieldValueText(SEGMENT_FIELDS, 'vipTier', null, choices, 'zh-CN')).toBe('—');
    expect(fieldValueText(SEGMENT_FIELDS, 'vipTier', '', choices, 'zh-CN')).toBe('—');
    expect(fieldValueText(SEGMENT_FIELDS, 'creditRating', 'AAA', choices, 'zh-CN')).toBe('AAA');
    expect(fieldValueText(SEGMENT_FIELDS, 'unknown', 7, choices, 'zh-CN')).toBe('7');
  });
});

describe('describeRule', () => {
  it('reads a rule with a nested group in parentheses', () => {
    const rule: SegmentRule = {
      ...NESTED_RULE,
      rules: [
        ...NESTED_RULE.rules,
        { field: 'arrears', operator: 'between', value: [0, 1000] },
        { field: 'vipScore', operator: 'is_null' },
      ],
    };
    expect(describeRule(rule, SEGMENT_FIELDS, choices, 'zh-CN', t)).toBe(
      '电压等级 属于 10 kV, 35 kV 且 (VIP 等级 等于 黄金 或 信用等级 等于 AAA) 且 欠费金额 介于 0 元 – 1000 元 且 VIP 价值得分 为空',
    );
  });

  it('says that an empty rule takes every customer', () => {
    expect(describeRule({ op: 'and', rules: [] }, SEGMENT_FIELDS, choices, 'zh-CN', t)).toBe('全部客户');
  });
});
