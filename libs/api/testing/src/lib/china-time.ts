/** An instant given in China time (e.g. `2026-10-12T09:00`), as the API writes it (UTC ISO). */
export function chinaTime(local: string): string {
  return new Date(`${local}+08:00`).toISOString();
}
