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

/** Weekdays (Monday–Friday) from Monday 3 January 2000 up to and including the date expression `d`. */
const weekdaysSince2000 = (d: string) =>
  `(((${d}) - date '2000-01-03') / 7 * 5 + least(((${d}) - date '2000-01-03') % 7 + 1, 5))`;

/**
 * Working days in (`from`, `to`] (date expressions), as working_days_between (apps/api migrations) and the
 * domain's workingDaysBetween count them, without walking the days: the weekdays in between, less the public
 * holidays on weekdays, plus the make-up working weekends (the exceptions of working_calendar in the range).
 * 0 when `to` is not after `from`. For dates from 2000 on.
 */
export function workingDaysSql(from: string, to: string): string {
  return `greatest(0, ${weekdaysSince2000(to)} - ${weekdaysSince2000(from)}
    + coalesce((SELECT sum(CASE WHEN x.working THEN 1 ELSE -1 END)::int FROM working_calendar x
                 WHERE x.date > (${from}) AND x.date <= (${to}) AND x.working = (extract(isodow FROM x.date) >= 6)), 0))`;
}
