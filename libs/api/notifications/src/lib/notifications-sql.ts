/**
 * The set-wise notification writer for jobs: inserts one notification per row of `source` (a CTE or a
 * sub-query with the columns user_id, customer_id, kind, summary, data). Rows without a user are
 * left out (a customer without an account manager notifies nobody).
 */
export function notificationsInsertFrom(source: string): string {
  return `INSERT INTO notifications (user_id, customer_id, kind, summary, data)
          SELECT n.user_id, n.customer_id, n.kind, n.summary, n.data FROM ${source} n WHERE n.user_id IS NOT NULL`;
}
