import { breakdownUnit, changeArrow, formatKpiChange, formatKpiValue } from './kpi-format';

const t = (key: string, params?: Record<string, unknown>) => `${key}:${JSON.stringify(params)}`;
const en = (key: string, params?: Record<string, unknown>) =>
  key === 'kpis.unitValue.working_days' ? `${params?.['value']} working days` : `${params?.['value']} pp`;

describe('formatKpiValue', () => {
  it('groups counts without decimals', () => {
    expect(formatKpiValue('count', 12345, 'en', t)).toBe('12,345');
    expect(formatKpiValue('count', 0, 'zh-CN', t)).toBe('0');
  });

  it('shows a ratio as a percentage with one decimal', () => {
    expect(formatKpiValue('ratio', 0.98345, 'en', t)).toBe('98.3%');
    expect(formatKpiValue('ratio', 1, 'en', t)).toBe('100.0%');
  });

  it('shows working days with one decimal and the unit', () => {
    expect(formatKpiValue('working_days', 18.26, 'en', en)).toBe('18.3 working days');
  });

  it('shows rates per 10,000 and scores with two decimals', () => {
    expect(formatKpiValue('per_10k', 3.1, 'en', t)).toBe('3.10');
    expect(formatKpiValue('score', 4.567, 'zh-CN', t)).toBe('4.57');
  });

  it('shows money in whole yuan, grouped', () => {
    expect(formatKpiValue('yuan', 1234567.89, 'en', t)).toBe('¥1,234,568');
  });

  it('shows a dash without a value', () => {
    expect(formatKpiValue('ratio', null, 'en', t)).toBe('—');
  });
});

describe('formatKpiChange', () => {
  it('signs the change in the unit', () => {
    expect(formatKpiChange('count', 12, 9, 'en', t)).toBe('+3');
    expect(formatKpiChange('count', 9, 12, 'en', t)).toBe('−3');
    expect(formatKpiChange('score', 4.5, 4.5, 'en', t)).toBe('±0.00');
  });

  it('gives a ratio change in percentage points', () => {
    expect(formatKpiChange('ratio', 0.95, 0.97, 'en', en)).toBe('−2.0 pp');
  });

  it('is null when a month has no value', () => {
    expect(formatKpiChange('count', 3, null, 'en', t)).toBeNull();
    expect(formatKpiChange('count', null, 3, 'en', t)).toBeNull();
  });
});

describe('changeArrow', () => {
  it('points the way the value moved', () => {
    expect(changeArrow(5, 3)).toBe('arrow-up');
    expect(changeArrow(3, 5)).toBe('arrow-down');
    expect(changeArrow(3, 3)).toBe('minus');
    expect(changeArrow(null, 3)).toBeNull();
  });
});

describe('breakdownUnit', () => {
  it('keeps money and counts the records of any other breakdown', () => {
    expect(breakdownUnit('yuan')).toBe('yuan');
    expect(breakdownUnit('working_days')).toBe('count');
    expect(breakdownUnit('count')).toBe('count');
  });
});
