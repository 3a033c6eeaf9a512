/**
 * The set-wise timeline writer for jobs: one timeline entry per row of `source` (a CTE or a sub-query
 * with the columns customer_id, type, actor_id, summary, data).
 */
export function timelineInsertFrom(source: string): string {
  return `INSERT INTO customer_timeline (customer_id, type, actor_id, summary, data)
          SELECT t.customer_id, t.type, t.actor_id, t.summary, t.data FROM ${source} t`;
}

/** The bulk load of timeline entries (the demo population): `COPY … FROM STDIN` of CSV rows in this column order. */
export const timelineCopy =
  'COPY customer_timeline (customer_id, at, type, actor_id, summary, data) FROM STDIN (FORMAT csv)';
