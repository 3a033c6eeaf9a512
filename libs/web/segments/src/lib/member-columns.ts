import { SegmentMember, SegmentMemberSortField } from '@crm/shared/domain';
import type { Language } from '@crm/web/core';
import { TableColumn } from '@crm/web/ui';
import { fieldValueText } from './rule-text';
import type { SegmentVocabulary } from './segments.api';

/** The member fields shown in the words of the segment vocabulary. */
export type VocabularyField = 'industry' | 'voltageKv' | 'region' | 'vipTier' | 'creditRating';

/**
 * Makes columns of members that show a field in the words of the segment vocabulary and the page's language
 * (empty until the vocabulary is there); sorted by the server by `sort` when given.
 */
export function vocabularyColumns(vocabulary: () => SegmentVocabulary | null, language: () => Language) {
  return (key: VocabularyField, sort?: SegmentMemberSortField): TableColumn<SegmentMember> => ({
    key,
    label: `segments.column.${key}`,
    sort,
    value: (m) => {
      const v = vocabulary();
      return v ? fieldValueText(v.fields, key, m[key], v.choices, language()) : '';
    },
  });
}
