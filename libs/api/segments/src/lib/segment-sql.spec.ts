import { Params } from '@crm/api/database';
import { SEGMENT_FIELDS, SegmentRule } from '@crm/shared/domain';
import { compileSegmentRule, FIELD_SQL } from './segment-sql';

describe('compileSegmentRule', () => {
  it('has SQL for every field of the catalog', () => {
    expect(Object.keys(FIELD_SQL).sort()).toEqual(SEGMENT_FIELDS.map((f) => f.key).sort());
  });

  it('compiles groups into parenthesised AND / OR with every value a typed parameter', () => {
    const params = new Params('scope');
    const rule: SegmentRule = {
      op: 'and',
      rules: [
        { field: 'voltageKv', operator: 'in', value: [10, 35] },
        {
          op: 'or',
          rules: [
            { field: 'vipTier', operator: 'eq', value: 'gold' },
            { field: 'arrears', operator: 'between', value: [100, 200] },
          ],
        },
        { field: 'tags', operator: 'nin', value: ['a', 'b'] },
      ],
    };
    const where = compileSegmentRule(rule, params);
    expect(where).toBe(
      '(f.voltage_kv = ANY($2::smallint[]) AND (f.vip_tier = $3::text OR f.arrears BETWEEN $4::numeric AND $5::numeric)' +
        ' AND NOT (f.tags && $6::text[]))',
    );
    expect(params.values).toEqual(['scope', [10, 35], 'gold', 100, 200, ['a', 'b']]);
  });

  it.each([
    ['neq', 'region', 'x', 'f.region IS DISTINCT FROM $1::text'],
    ['nin', 'stage', ['closed'], '(f.stage = ANY($1::text[])) IS NOT TRUE'],
    ['gt', 'kwh12m', 1, 'f.kwh_12m > $1::numeric'],
    ['gte', 'kwhGrowthPercent', -50, '(f.kwh_growth::numeric * 100) >= $1::numeric'],
    ['lt', 'creditScore', 60, 'f.credit_score < $1::numeric'],
    ['lte', 'contractCapacityKva', 800, 'f.contract_capacity_kva <= $1::numeric'],
    ['is_null', 'vipTier', undefined, 'f.vip_tier IS NULL'],
    ['not_null', 'accountManagerId', undefined, 'f.account_manager_id IS NOT NULL'],
    ['contains', 'tags', '双电源', 'f.tags @> ARRAY[$1::text]'],
    ['in', 'tags', ['a'], 'f.tags && $1::text[]'],
  ])('compiles %s on %s', (operator, field, value, sql) => {
    const params = new Params();
    const where = compileSegmentRule({ op: 'and', rules: [{ field, operator, value } as never] }, params);
    expect(where).toBe(sql);
    expect(params.values).toEqual(value === undefined ? [] : [value]);
  });

  it('expands an industry section to its divisions: eq and in become a list, neq and nin its negation', () => {
    const manufacturing = ['C', ...Array.from({ length: 31 }, (_, i) => String(13 + i))];
    const compile = (operator: string, value: unknown) => {
      const params = new Params();
      const where = compileSegmentRule({ op: 'and', rules: [{ field: 'industry', operator, value } as never] }, params);
      return { where, values: params.values };
    };
    expect(compile('eq', 'C')).toEqual({ where: 'f.industry = ANY($1::text[])', values: [manufacturing] });
    expect(compile('in', ['C', '44'])).toEqual({
      where: 'f.industry = ANY($1::text[])',
      values: [['C', '44', ...manufacturing.slice(1)]],
    });
    expect(compile('neq', 'C')).toEqual({
      where: '(f.industry = ANY($1::text[])) IS NOT TRUE',
      values: [manufacturing],
    });
    expect(compile('nin', ['38'])).toEqual({ where: '(f.industry = ANY($1::text[])) IS NOT TRUE', values: [['38']] });
  });

  it('keeps hostile values as data, never as SQL', () => {
    const hostile = ["'; DROP TABLE customers; --", '$1', '\\', "' OR 1=1 --"];
    const params = new Params();
    const where = compileSegmentRule(
      {
        op: 'or',
        rules: hostile.map((value) => ({ field: 'region', operator: 'eq' as const, value })),
      },
      params,
    );
    expect(where).toBe('(f.region = $1::text OR f.region = $2::text OR f.region = $3::text OR f.region = $4::text)');
    expect(params.values).toEqual(hostile);
  });

  it('matches an empty root group to everyone', () => {
    expect(compileSegmentRule({ op: 'or', rules: [] }, new Params())).toBe('TRUE');
  });
});
