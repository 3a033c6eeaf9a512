/**
 * SQL fragments the rules share to judge moments against the China date `today` they are given (never now(),
 * so a run and a test with a fixed day agree) and to write moments into the evidence.
 */

/** The instant (timestamptz) at which the China date `date` (a parameter placeholder or a date expression) begins. */
export function chinaMidnightSql(date: string): string {
  return `((${date})::date::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`;
}

/** A timestamptz expression as ISO 8601 in UTC, as JavaScript's toISOString writes it (NULL stays NULL). */
export function isoSql(moment: string): string {
  return `to_char((${moment}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
