/**
 * The first characters that make a spreadsheet (Excel, LibreOffice, WPS) read a cell as a formula or
 * split it into one: `=`, `+`, `-`, `@`, tab, carriage return and line feed (OWASP, "CSV Injection").
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n'] as const;

/** A negative amount as display-format writes it (`-¥1,200.00`, `-1,234`, `-12.5%`): a figure, not a formula. */
const NEGATIVE_FIGURE = /^-¥?\d[\d,]*(\.\d+)?%?$/;

/**
 * A text cell as a spreadsheet must show it: prefixed with `'` when it starts with a formula trigger, so
 * that `=cmd|' /C calc'!A0` is shown, not run. Exports write text cells through it; stored data stays as
 * entered. Numbers are not text cells: a negative number stays a number, and so does a negative figure
 * formatted for people.
 */
export function neutraliseCell(text: string): string {
  return (FORMULA_TRIGGERS as readonly string[]).includes(text.charAt(0)) && !NEGATIVE_FIGURE.test(text)
    ? `'${text}`
    : text;
}
