/**
 * For set-wise statements (a bulk handover, an import): an INSERT that appends one change-history row
 * per row of `source`, a CTE or table with the columns `entity_id`, `customer_id` and `changes` (a jsonb
 * array of `{field, from, to}`). The other values are SQL expressions, usually parameters such as `$3`.
 * Embed it as a data-modifying CTE: `WITH moved AS (UPDATE ... RETURNING ...), logged AS (${...})`.
 */
export function changeHistoryInsertFrom(
  source: string,
  values: { actorId: string; requestId: string; entityType: string; action: string },
): string {
  return `INSERT INTO change_history (actor_id, request_id, entity_type, entity_id, customer_id, action, changes)
          SELECT ${values.actorId}::uuid, ${values.requestId}::text, ${values.entityType}::text, s.entity_id::text,
                 s.customer_id, ${values.action}::text, s.changes
            FROM ${source} s`;
}
