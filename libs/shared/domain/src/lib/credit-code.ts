/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the 31-character
 * set below (no I, O, Z, S, V); the last one is a check character computed from the first 17.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('A credit code has 17 characters before its check character');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`"${first17[i]}" cannot appear in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * The ways a credit code can be wrong. The database's `credit_code_problem(text)` (used by the CSV import)
 * returns the same keys, so both sides word them the same.
 */
export const CREDIT_CODE_PROBLEMS = {
  length: 'must be 18 characters',
  shape: 'may contain only digits and the capital letters of GB 32100 (no I, O, Z, S, V), with 6 digits of region code',
  check: 'has a wrong check character (GB 32100-2015)',
} as const;

/** Why a credit code is not valid, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (typeof code !== 'string' || code.length !== 18) return CREDIT_CODE_PROBLEMS.length;
  if (!SHAPE.test(code)) return CREDIT_CODE_PROBLEMS.shape;
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return CREDIT_CODE_PROBLEMS.check;
  return null;
}

/** The message code of why a credit code is not valid, or null when it is. */
export function creditCodeProblemCode(code: string): `creditCode.${keyof typeof CREDIT_CODE_PROBLEMS}` | null {
  const problem = creditCodeProblem(code);
  const key = (Object.keys(CREDIT_CODE_PROBLEMS) as (keyof typeof CREDIT_CODE_PROBLEMS)[]).find(
    (k) => CREDIT_CODE_PROBLEMS[k] === problem,
  );
  return key ? `creditCode.${key}` : null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
