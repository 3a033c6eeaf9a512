/** Mainland China mobile number: 11 digits starting 13–19 (also matched in SQL: `phone ~ MOBILE_PATTERN.source`). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Landline: area code 0xx or 0xxx, 7 or 8 digits, optional extension: 0577-88881234, 0577-88881234-801. */
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;

/** Both patterns, for checks outside JavaScript (the CSV import checks phones in SQL with these). */
export const PHONE_PATTERNS = [MOBILE_PATTERN, LANDLINE] as const;

export const PHONE_FORMAT_PROBLEM =
  'must be a mainland mobile number (13812345678) or a landline with area code (0577-88881234)';

/** Why a contact phone is not valid, or null when it is (a mainland mobile or landline number). */
export function phoneProblem(phone: string): string | null {
  if (typeof phone !== 'string' || !phone) return 'is required';
  if (MOBILE_PATTERN.test(phone) || LANDLINE.test(phone)) return null;
  return PHONE_FORMAT_PROBLEM;
}

export function isValidPhone(phone: string): boolean {
  return phoneProblem(phone) === null;
}
