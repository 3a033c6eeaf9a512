import { CUSTOMER_STAGES } from '@crm/shared/domain';
import { KpiFigure } from './kpi-figure';

/** The stages of the customers not closed, the breakdown of customers_by_stage. */
export const IN_SERVICE_STAGES = CUSTOMER_STAGES.filter((s) => s !== 'closed');

/**
 * Section "customers".
 * - customers_by_stage (stock, now): numerator = customers whose stage is not `closed`, breakdown = the same count per
 *   stage (applying, connecting, active, suspended, closing). The customers keep no history of their stage, so a past
 *   month's end cannot be computed: NULL for a closed month unless its snapshot was taken right after it closed.
 */
export const CUSTOMER_FIGURES: KpiFigure[] = [
  {
    code: 'customers_by_stage',
    sql: (scope, _p, m) =>
      m.asOf !== null
        ? null
        : `SELECT ${scope.columns}, count(*) AS numerator, NULL::int AS denominator,
                  jsonb_build_object(${IN_SERVICE_STAGES.map((s) => `'${s}', count(*) FILTER (WHERE c.stage = '${s}')`).join(', ')}) AS breakdown
             FROM customers c
            WHERE c.stage <> 'closed'${scope.where}
            ${scope.groupBy}`,
  },
];
