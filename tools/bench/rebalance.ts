import { customersUpdateFrom } from '@crm/api/customers';
import { Pool } from 'pg';

/** No account manager owns more customers than this in a realistic population (issue 18). */
export const BOOK_LIMIT = 400;
/** What a manager over the limit keeps (its first customers by account number); the rest go to the others. */
export const BOOK_KEPT = 300;

/**
 * The one-off data fix of a bench database generated before the generator capped the books (the eight demo
 * managers had 19,000–47,000 customers each at 1,000,000): when some active account manager owns more than
 * BOOK_LIMIT customers, those over it keep BOOK_KEPT and hand the rest, in one statement, to the managers
 * with fewer than BOOK_KEPT, round-robin (each one's first free place, then each one's second, …), so the
 * books even out. Idempotent: nothing to do once no book is over the limit. segment_facts follows by its
 * trigger on customers; the customers' versions are bumped, as by a handover (customersUpdateFrom).
 */
export async function rebalanceBooks(pool: Pool): Promise<{ moved: number; seconds: number }> {
  const started = Date.now();
  const { rows } = await pool.query<{ moved: number }>(
    `WITH books AS (
       SELECT u.id, count(c.id)::int AS n
         FROM users u LEFT JOIN customers c ON c.account_manager_id = u.id
        WHERE u.role = 'account_manager' AND u.active
        GROUP BY u.id
     ), surplus AS (
       SELECT id, row_number() OVER (ORDER BY account_manager_id, account_no) AS slot
         FROM (SELECT c.id, c.account_manager_id, c.account_no,
                      row_number() OVER (PARTITION BY c.account_manager_id ORDER BY c.account_no) AS position
                 FROM customers c JOIN books b ON b.id = c.account_manager_id AND b.n > $1) over_limit
        WHERE position > $2
     ), room AS (
       SELECT b.id AS manager_id, row_number() OVER (ORDER BY place, b.id) AS slot
         FROM books b CROSS JOIN LATERAL generate_series(b.n + 1, $2) place
        WHERE b.n < $2
     ), moved AS (
       ${customersUpdateFrom(
         '(SELECT s.id, r.manager_id AS account_manager_id FROM surplus s JOIN room r ON r.slot = s.slot)',
         ['account_manager_id'],
       )}
       RETURNING c.id
     )
     SELECT count(*)::int AS moved FROM moved`,
    [BOOK_LIMIT, BOOK_KEPT],
  );
  return { moved: rows[0].moved, seconds: (Date.now() - started) / 1000 };
}
