import {
  ErrorDetail,
  isSegmentGroup,
  SEGMENT_RULE_LIMITS,
  SegmentCondition,
  SegmentField,
  SegmentOperator,
  SegmentRule,
} from '@crm/shared/domain';

/**
 * Immutable edits of a rule tree for the rule builder. A node is addressed by its path: the indexes of
 * `rules` from the root group down, e.g. [1, 0] is the first entry of the root's second entry.
 */
export type NodePath = readonly number[];
type RuleNode = SegmentCondition | SegmentRule;

/** What a condition's value looks like for an operator. */
export type ValueShape = 'none' | 'single' | 'list' | 'range';

export function valueShape(operator: SegmentOperator): ValueShape {
  switch (operator) {
    case 'is_null':
    case 'not_null':
      return 'none';
    case 'in':
    case 'nin':
      return 'list';
    case 'between':
      return 'range';
    default:
      return 'single';
  }
}

/** A condition's value moved to another shape, keeping what still fits: 5 → [5] → [5, null] → 5. */
export function convertValue(value: unknown, shape: ValueShape): unknown {
  const scalars = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined);
  switch (shape) {
    case 'none':
      return undefined;
    case 'single':
      return scalars[0] ?? null;
    case 'list':
      return scalars;
    case 'range':
      return [scalars[0] ?? null, scalars[1] ?? null];
  }
}

function condition(field: string, operator: SegmentOperator, value: unknown): SegmentCondition {
  return value === undefined ? { field, operator } : { field, operator, value };
}

/** Whether a field's values are picked from a list (its own values, or industries, regions, managers, tags). */
function isPickList(field: SegmentField): boolean {
  return !!field.values || !!field.options;
}

/**
 * A new condition on `field` with no value yet: "is any of" for a field picked from a list, so that several
 * values can be picked straight away; the field's first operator otherwise.
 */
export function defaultCondition(field: SegmentField): SegmentCondition {
  const operator = isPickList(field) && field.operators.includes('in') ? 'in' : field.operators[0];
  return condition(field.key, operator, convertValue(null, valueShape(operator)));
}

/** Another field starts over: its first operator, no value. */
export function changeField(current: SegmentCondition, field: SegmentField): SegmentCondition {
  return current.field === field.key ? current : defaultCondition(field);
}

/** Another operator keeps the value as far as the new shape allows. */
export function changeOperator(current: SegmentCondition, operator: SegmentOperator): SegmentCondition {
  return condition(current.field, operator, convertValue(current.value, valueShape(operator)));
}

export function nodeAt(rule: SegmentRule, path: NodePath): RuleNode {
  let node: RuleNode = rule;
  for (const index of path) {
    if (!isSegmentGroup(node) || !node.rules[index]) throw new Error(`no node at [${path.join(', ')}]`);
    node = node.rules[index];
  }
  return node;
}

function groupAt(rule: SegmentRule, path: NodePath): SegmentRule {
  const node = nodeAt(rule, path);
  if (!isSegmentGroup(node)) throw new Error(`no group at [${path.join(', ')}]`);
  return node;
}

/** The rule with the node at `path` replaced by `node` (or removed when `node` is null). */
function withNode(group: SegmentRule, path: NodePath, node: RuleNode | null): SegmentRule {
  const [index, ...rest] = path;
  const child = group.rules[index];
  const replaced = rest.length === 0 ? node : withNode(child as SegmentRule, rest, node);
  return {
    ...group,
    rules:
      replaced === null
        ? group.rules.filter((_, i) => i !== index)
        : group.rules.map((r, i) => (i === index ? replaced : r)),
  };
}

export function replaceNode(rule: SegmentRule, path: NodePath, node: RuleNode): SegmentRule {
  return path.length === 0 ? (node as SegmentRule) : withNode(rule, path, node);
}

/** The rule without the node at `path` (the root group itself stays). */
export function removeNode(rule: SegmentRule, path: NodePath): SegmentRule {
  return path.length === 0 ? rule : withNode(rule, path, null);
}

export function setGroupOp(rule: SegmentRule, groupPath: NodePath, op: SegmentRule['op']): SegmentRule {
  return replaceNode(rule, groupPath, { ...groupAt(rule, groupPath), op });
}

export function addCondition(rule: SegmentRule, groupPath: NodePath, field: SegmentField): SegmentRule {
  const group = groupAt(rule, groupPath);
  return replaceNode(rule, groupPath, { ...group, rules: [...group.rules, defaultCondition(field)] });
}

/** Whether the group at `groupPath` may hold another group without nesting deeper than the API allows. */
export function canAddGroup(groupPath: NodePath): boolean {
  return groupPath.length + 2 <= SEGMENT_RULE_LIMITS.depth;
}

/**
 * Adds a group with one condition on `field` to the group at `groupPath`. The new group combines the other
 * way than its parent (OR inside AND), since a group combined like its parent would change nothing.
 */
export function addGroup(rule: SegmentRule, groupPath: NodePath, field: SegmentField): SegmentRule {
  const group = groupAt(rule, groupPath);
  const child: SegmentRule = { op: group.op === 'and' ? 'or' : 'and', rules: [defaultCondition(field)] };
  return replaceNode(rule, groupPath, { ...group, rules: [...group.rules, child] });
}

/** The place of a node as the API names it in error details, e.g. `rule.rules[1].rules[0]`. */
function nodeLocation(path: NodePath): string {
  return `rule${path.map((i) => `.rules[${i}]`).join('')}`;
}

/** The problems (from segmentRuleProblems or a 400 response) about the node at `path` itself, not its children. */
export function problemsAt(problems: readonly ErrorDetail[], path: NodePath): ErrorDetail[] {
  const location = nodeLocation(path);
  return problems.filter((p) => {
    if (p.field !== location && !p.field.startsWith(`${location}.`)) return false;
    return !p.field.slice(location.length).startsWith('.rules[');
  });
}

/** Which part of a condition or group a problem is about, to say it in the user's language. */
export function problemPart(problem: ErrorDetail): 'field' | 'operator' | 'value' | 'structure' {
  if (problem.field.endsWith('.field')) return 'field';
  if (problem.field.endsWith('.operator')) return 'operator';
  if (/\.value(\[\d+\])?$/.test(problem.field)) return 'value';
  return 'structure';
}

/** A condition as the rule builder shows it: where it is and what is wrong with it. */
export interface ConditionView {
  kind: 'condition';
  path: NodePath;
  /** The path as text, e.g. `1-0`, for test ids. */
  key: string;
  condition: SegmentCondition;
  problems: ErrorDetail[];
}

export interface GroupView {
  kind: 'group';
  path: NodePath;
  key: string;
  op: SegmentRule['op'];
  children: (ConditionView | GroupView)[];
  problems: ErrorDetail[];
}

/** The tree the rule builder draws: each node with its path and its problems. */
export function groupView(group: SegmentRule, problems: readonly ErrorDetail[], path: NodePath = []): GroupView {
  return {
    kind: 'group',
    path,
    key: path.join('-'),
    op: group.op,
    problems: problemsAt(problems, path),
    children: group.rules.map((node, i): ConditionView | GroupView => {
      const at = [...path, i];
      return isSegmentGroup(node)
        ? groupView(node, problems, at)
        : { kind: 'condition', path: at, key: at.join('-'), condition: node, problems: problemsAt(problems, at) };
    }),
  };
}
