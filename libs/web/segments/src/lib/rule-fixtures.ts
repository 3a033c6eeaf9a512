import { SegmentField, segmentField, SegmentRule } from '@crm/shared/domain';

// Test data shared by the specs of the rule helpers.

/** A field of the catalog by its key. */
export const field = (key: string) => segmentField(key) as SegmentField;

/** voltage in [10, 35] AND (tier = gold OR rating = AAA) */
export const NESTED_RULE: SegmentRule = {
  op: 'and',
  rules: [
    { field: 'voltageKv', operator: 'in', value: [10, 35] },
    {
      op: 'or',
      rules: [
        { field: 'vipTier', operator: 'eq', value: 'gold' },
        { field: 'creditRating', operator: 'eq', value: 'AAA' },
      ],
    },
  ],
};
