/**
 * The first characters that make a spreadsheet (Excel, LibreOffice, WPS) read a cell as a formula or
 * split it into one: `=`, `+`, `-`, `@`, tab, carriage return and line feed (OWASP, "CSV Injection").
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n'] as const;

/**
 * A text cell as a spreadsheet must show it: prefixed with `'` when it starts with a formula trigger, so
 * that `=cmd|' /C calc'!A0` is shown, not run. Exports write text cells through it; stored data stays as
 * entered. Numbers are not text cells: a negative number stays a number.
 */
export function neutraliseCell(text: string): string {
  return (FORMULA_TRIGGERS as readonly string[]).includes(text.charAt(0)) ? `'${text}` : text;
}
