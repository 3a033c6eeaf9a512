/**
 * The set-wise notification writer for jobs: inserts one notification per row of `source` (a CTE or a
 * sub-query with the columns user_id, customer_id, kind, summary, data, and with `clock` the clock_id the
 * notification is about, which resolves it when the clock stops). Rows without a user are left out (a customer
 * without an account manager notifies nobody).
 */
export function notificationsInsertFrom(source: string, { clock = false } = {}): string {
  return `INSERT INTO notifications (user_id, customer_id, kind, summary, data${clock ? ', clock_id' : ''})
          SELECT n.user_id, n.customer_id, n.kind, n.summary, n.data${clock ? ', n.clock_id' : ''}
            FROM ${source} n WHERE n.user_id IS NOT NULL`;
}

/**
 * The set-wise resolver: marks resolved the open notifications `n` for which `condition` (SQL over the row `n`)
 * holds, e.g. those of clocks that just stopped. A resolved notification is no longer unread.
 */
export function notificationsResolveWhere(condition: string): string {
  return `UPDATE notifications n SET resolved_at = now() WHERE n.resolved_at IS NULL AND (${condition})`;
}
