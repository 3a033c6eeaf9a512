import { isoSql } from './moments-sql';

/**
 * The number of the work order row `w` in the evidence: its external reference (e.g. the 95598 order number),
 * or else its id (generated ids share their leading characters).
 */
export function orderNoSql(w: string): string {
  return `coalesce(${w}.external_ref, ${w}.id::text)`;
}

/**
 * The fields the evidence of an order's urges or callback starts with, for the order row `w`: its id, number,
 * type and when it was received. A fragment of `jsonb_build_object(…)`.
 */
export function orderEvidenceSql(w: string): string {
  return `'orderId', ${w}.id::text, 'orderNo', ${orderNoSql(w)}, 'type', ${w}.type,
          'receivedAt', ${isoSql(`${w}.received_at`)}`;
}
