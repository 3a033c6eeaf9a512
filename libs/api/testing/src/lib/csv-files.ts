/** The text of a CSV file of `lines` (the header first), each line ended, as the imports read an upload. */
export function csvFile(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
