import { customersUpdateFrom } from '@crm/api/customers';
import { Pool, PoolClient } from 'pg';

/** No account manager owns more customers than this in a realistic population (issue 18). */
export const BOOK_LIMIT = 400;
/** What a manager over the limit keeps (its first customers by account number); the rest go to the others. */
export const BOOK_KEPT = 300;

/**
 * The one-off data fix of a bench database generated before the generator capped the books (the eight demo
 * managers had 19,000–47,000 customers each at 1,000,000, 341 managers more than 400): when some active account
 * manager owns more than BOOK_LIMIT customers, those over it keep BOOK_KEPT and hand the rest, in one statement,
 * to the managers with fewer than BOOK_KEPT, round-robin (each one's first free place, then each one's second, …),
 * so the books even out. Idempotent: nothing to do once no book is over the limit. segment_facts follows by its
 * trigger on customers; the customers' versions are bumped, as by a handover (customersUpdateFrom).
 *
 * At 1,000,000 customers it moves 566,715 of them: updated in place, each row would add an entry to each of the
 * 29 indexes of customers (an update that had not finished after 17 minutes). So, in the same transaction, the
 * indexes that back no constraint are dropped first and built again after the move, from their own definitions:
 * 919 s for the 566,715 customers on the 2-core machine under other load (load average ~16).
 */
export async function rebalanceBooks(pool: Pool): Promise<{ moved: number; seconds: number }> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const moved = (await surplus(client)) > 0 ? await withoutSecondaryIndexes(client, () => move(client)) : 0;
    await client.query('COMMIT');
    return { moved, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The books of the active account managers: each one's count of customers. */
const BOOKS = `SELECT u.id, count(c.id)::int AS n
                 FROM users u LEFT JOIN customers c ON c.account_manager_id = u.id
                WHERE u.role = 'account_manager' AND u.active
                GROUP BY u.id`;

async function surplus(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ over: number }>(
    `SELECT count(*)::int AS over FROM (${BOOKS}) b WHERE b.n > $1`,
    [BOOK_LIMIT],
  );
  return rows[0].over;
}

async function move(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ moved: number }>(
    `WITH books AS (${BOOKS}), surplus AS (
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
  return rows[0].moved;
}

/** Runs `work` with the indexes of customers that back no constraint dropped, and builds them again after it. */
async function withoutSecondaryIndexes<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = 'customers'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  const result = await work();
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  for (const index of rows) await client.query(index.definition);
  return result;
}
