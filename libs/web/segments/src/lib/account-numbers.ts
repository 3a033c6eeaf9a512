/**
 * The account numbers in pasted text or a CSV file: the first column of each line, without quotes and
 * blanks, each once. A first line that is not an account number (a string of digits) is a header and skipped.
 */
export function parseAccountNumbers(text: string): string[] {
  const cells = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(/[,;\t]/)[0]
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((cell) => cell !== '');
  if (cells.length && !/^\d+$/.test(cells[0])) cells.shift();
  return [...new Set(cells)];
}
