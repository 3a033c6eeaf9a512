import { changeLines, fieldLabel, TextContext, valueText } from './change-text';

const TEXTS: Record<string, string> = {
  'customer.address': '地址',
  'customer.stage': '状态',
  'customer.contacts': '联系人',
  'customer.manager': '客户经理',
  'stage.applying': '申请中',
  'stage.connecting': '接电中',
  'applications.currentStep': '当前环节',
  'scoringModel.vipWeights': 'VIP 价值权重',
  'scoringModel.factor.growth': '增长',
  'changeHistory.yes': '是',
  'segments.operator.eq': '等于',
  'segments.join.and': '且',
};
const ctx: TextContext = {
  t: (key) => TEXTS[key] ?? key,
  language: 'zh-CN',
  date: (iso) => iso.slice(0, 10),
  number: (n) => n.toLocaleString('zh-CN'),
};

describe('the change history in words', () => {
  it('labels fields with the labels of the forms, and keeps unknown fields as they are', () => {
    expect(fieldLabel('customer', 'address', ctx)).toBe('地址');
    expect(fieldLabel('customer', 'accountManager', ctx)).toBe('客户经理');
    expect(fieldLabel('scoring_model', 'vipWeights.growth', ctx)).toBe('VIP 价值权重 · 增长');
    expect(fieldLabel('customer', 'somethingNew', ctx)).toBe('somethingNew');
  });

  it('names codes, people and steps, formats numbers and writes — for nothing', () => {
    expect(valueText('customer', 'stage', 'connecting', ctx)).toBe('接电中');
    expect(valueText('customer', 'voltageKv', 35, ctx)).toBe('35 kV');
    expect(valueText('customer', 'contractCapacityKva', 12500, ctx)).toBe('12,500 kVA');
    expect(valueText('customer', 'accountManager', { id: 'x', displayName: '王经理' }, ctx)).toBe('王经理');
    expect(valueText('application', 'currentStep', { code: 's', nameZh: '现场勘查', nameEn: 'Survey' }, ctx)).toBe(
      '现场勘查',
    );
    expect(valueText('application', 'dualSupply', true, ctx)).toBe('是');
    expect(valueText('customer', 'address', null, ctx)).toBe('—');
    expect(
      valueText('segment', 'rule', { op: 'and', rules: [{ field: 'region', operator: 'eq', value: '鹿城区' }] }, ctx),
    ).toBe('供电区域 等于 鹿城区');
  });

  it('writes one line per change: label, from and to', () => {
    const contacts = [{ name: '陈国强', phone: '13857712345', email: null, role: '电气负责人' }];
    expect(
      changeLines(
        {
          entityType: 'customer',
          changes: [
            { field: 'stage', from: 'applying', to: 'connecting' },
            { field: 'contacts', from: [], to: contacts },
          ],
        },
        ctx,
      ),
    ).toEqual(['状态: 申请中 → 接电中', '联系人: — → 陈国强 (电气负责人) 13857712345']);
  });
});
