import { SegmentRule, segmentRuleProblems } from '@crm/shared/domain';

/**
 * The rule a link gives the segment editor (`/segments/new?rule=<JSON>`, e.g. a KPI shortcut of the marketing
 * home): the rule when the text is JSON that the API's own check (segmentRuleProblems) accepts, otherwise
 * `invalid` (and no rule); neither without a text.
 */
export function ruleFromParam(text: string | undefined): { rule: SegmentRule | null; invalid: boolean } {
  if (!text) return { rule: null, invalid: false };
  let rule: unknown;
  try {
    rule = JSON.parse(text);
  } catch {
    return { rule: null, invalid: true };
  }
  return segmentRuleProblems(rule).length
    ? { rule: null, invalid: true }
    : { rule: rule as SegmentRule, invalid: false };
}

/** The query parameters of the link that opens the segment editor with `rule`. */
export function ruleParams(rule: SegmentRule): { rule: string } {
  return { rule: JSON.stringify(rule) };
}
