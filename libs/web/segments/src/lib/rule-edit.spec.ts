import { SegmentRule, segmentRuleProblems } from '@crm/shared/domain';
import {
  addCondition,
  addGroup,
  canAddGroup,
  changeField,
  changeOperator,
  convertValue,
  defaultCondition,
  groupView,
  nodeAt,
  problemPart,
  problemsAt,
  removeNode,
  replaceNode,
  setGroupOp,
  valueShape,
} from './rule-edit';
import { field, NESTED_RULE as rule } from './rule-fixtures';

const voltage = field('voltageKv');
const tier = field('vipTier');
const rating = field('creditRating');

describe('value shapes', () => {
  it('gives each operator the value it needs', () => {
    expect(valueShape('is_null')).toBe('none');
    expect(valueShape('not_null')).toBe('none');
    expect(valueShape('in')).toBe('list');
    expect(valueShape('nin')).toBe('list');
    expect(valueShape('between')).toBe('range');
    expect(valueShape('eq')).toBe('single');
    expect(valueShape('contains')).toBe('single');
  });

  it('keeps what still fits when the shape changes', () => {
    expect(convertValue(5, 'list')).toEqual([5]);
    expect(convertValue(5, 'range')).toEqual([5, null]);
    expect(convertValue([5, 8], 'single')).toBe(5);
    expect(convertValue([null, 8], 'list')).toEqual([8]);
    expect(convertValue([], 'single')).toBeNull();
    expect(convertValue(null, 'list')).toEqual([]);
    expect(convertValue([5], 'none')).toBeUndefined();
  });
});

describe('conditions', () => {
  it('starts a pick-list field on "is any of" with no value picked, which the domain rules call incomplete', () => {
    const c = defaultCondition(voltage);
    expect(c).toEqual({ field: 'voltageKv', operator: 'in', value: [] });
    expect(segmentRuleProblems({ op: 'and', rules: [c] })).toEqual([
      expect.objectContaining({ field: 'rule.rules[0].value', code: 'validation.arrayMinSize' }),
    ]);
    for (const key of ['industry', 'region', 'stage', 'tags', 'accountManagerId', 'vipTier', 'creditRating'])
      expect(defaultCondition(field(key)).operator).toBe('in');
  });

  it('starts any other field on its first operator with an empty value', () => {
    const c = defaultCondition(field('arrears'));
    expect(c).toEqual({ field: 'arrears', operator: 'eq', value: null });
    expect(segmentRuleProblems({ op: 'and', rules: [c] })).toEqual([
      expect.objectContaining({ field: 'rule.rules[0].value', code: 'validation.isNumber' }),
    ]);
  });

  it('starts a field whose first operator takes no value without a value', () => {
    const notNull = { ...field('arrears'), operators: ['is_null' as const] };
    expect(defaultCondition(notNull)).toEqual({ field: 'arrears', operator: 'is_null' });
  });

  it('resets operator and value when the field changes, and keeps the condition when it does not', () => {
    const c = { field: 'voltageKv', operator: 'in' as const, value: [10] };
    expect(changeField(c, tier)).toEqual({ field: 'vipTier', operator: 'in', value: [] });
    expect(changeField(c, voltage)).toBe(c);
  });

  it('converts the value when the operator changes', () => {
    const c = { field: 'voltageKv', operator: 'eq' as const, value: 10 };
    expect(changeOperator(c, 'in')).toEqual({ field: 'voltageKv', operator: 'in', value: [10] });
    expect(changeOperator({ field: 'arrears', operator: 'gt', value: 100 }, 'between')).toEqual({
      field: 'arrears',
      operator: 'between',
      value: [100, null],
    });
    expect(changeOperator({ field: 'arrears', operator: 'gt', value: 100 }, 'is_null')).toEqual({
      field: 'arrears',
      operator: 'is_null',
    });
  });
});

describe('tree edits', () => {
  it('finds nodes by path', () => {
    expect(nodeAt(rule, [])).toBe(rule);
    expect(nodeAt(rule, [1, 1])).toEqual({ field: 'creditRating', operator: 'eq', value: 'AAA' });
    expect(() => nodeAt(rule, [0, 0])).toThrow();
  });

  it('replaces a nested condition without touching the original or its other branches', () => {
    const next = replaceNode(rule, [1, 1], { field: 'creditRating', operator: 'eq', value: 'AA' });
    expect(nodeAt(next, [1, 1])).toEqual({ field: 'creditRating', operator: 'eq', value: 'AA' });
    expect(nodeAt(rule, [1, 1])).toEqual({ field: 'creditRating', operator: 'eq', value: 'AAA' });
    expect(next.rules[0]).toBe(rule.rules[0]);
  });

  it('removes a node, but never the root group', () => {
    expect(removeNode(rule, [1, 0])).toEqual({
      op: 'and',
      rules: [rule.rules[0], { op: 'or', rules: [{ field: 'creditRating', operator: 'eq', value: 'AAA' }] }],
    });
    expect(removeNode(rule, [1]).rules).toEqual([rule.rules[0]]);
    expect(removeNode(rule, [])).toBe(rule);
  });

  it('switches a group between AND and OR', () => {
    expect(setGroupOp(rule, [], 'or').op).toBe('or');
    expect((nodeAt(setGroupOp(rule, [1], 'and'), [1]) as SegmentRule).op).toBe('and');
  });

  it('adds a condition at the end of a group', () => {
    const next = addCondition(rule, [1], rating);
    expect((nodeAt(next, [1]) as SegmentRule).rules).toHaveLength(3);
    expect(nodeAt(next, [1, 2])).toEqual(defaultCondition(rating));
  });

  it('adds a group combining the other way than its parent, with one condition so that it is not empty', () => {
    const next = addGroup(rule, [], voltage);
    expect(nodeAt(next, [2])).toEqual({ op: 'or', rules: [defaultCondition(voltage)] });
    expect((nodeAt(addGroup(rule, [1], voltage), [1, 2]) as SegmentRule).op).toBe('and');
  });

  it('lets groups nest only as deep as the API accepts', () => {
    expect(canAddGroup([])).toBe(true);
    expect(canAddGroup([0, 0, 0])).toBe(true);
    expect(canAddGroup([0, 0, 0, 0])).toBe(false);
    let deep: SegmentRule = { op: 'and', rules: [] };
    let path: number[] = [];
    while (canAddGroup(path)) {
      deep = addGroup(deep, path, voltage);
      path = [...path, (nodeAt(deep, path) as SegmentRule).rules.length - 1];
    }
    expect(path).toHaveLength(4);
    const problems = segmentRuleProblems(deep).filter((p) => p.message.includes('deep'));
    expect(problems).toEqual([]);
  });
});

describe('problems', () => {
  const problems = [
    { field: 'rule.rules[0].value[1]', message: 'must be one of …' },
    { field: 'rule.rules[1].rules', message: 'an inner group must not be empty' },
    { field: 'rule.rules[1].rules[0].operator', message: 'unknown operator' },
    { field: 'rule.rules[10].field', message: 'unknown field' },
  ];

  it('belong to the node they name, not to its parent or to a node with a longer index', () => {
    expect(problemsAt(problems, [0])).toEqual([problems[0]]);
    expect(problemsAt(problems, [1])).toEqual([problems[1]]);
    expect(problemsAt(problems, [1, 0])).toEqual([problems[2]]);
    expect(problemsAt(problems, [])).toEqual([]);
    expect(problemsAt(problems, [10])).toEqual([problems[3]]);
  });

  it('say which part of the node is wrong', () => {
    expect(problems.map(problemPart)).toEqual(['value', 'structure', 'operator', 'field']);
    expect(problemPart({ field: 'rule.rules[0].value', message: '' })).toBe('value');
  });

  it('are shown on the tree the builder draws, each node with its path', () => {
    const view = groupView(rule, problems);
    expect(view.key).toBe('');
    const [first, group] = view.children;
    expect(first).toMatchObject({ kind: 'condition', key: '0', path: [0], problems: [problems[0]] });
    expect(group).toMatchObject({ kind: 'group', key: '1', op: 'or', problems: [problems[1]] });
    expect(group.kind === 'group' && group.children.map((c) => [c.key, c.problems.length])).toEqual([
      ['1-0', 1],
      ['1-1', 0],
    ]);
  });
});
