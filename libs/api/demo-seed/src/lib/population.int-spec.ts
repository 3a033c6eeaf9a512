import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import { syncReferenceData } from '@crm/api/reference';
import { createTestDatabase } from '@crm/api/testing';
import { accountManagerIds } from './demo-seed.repository';
import { loadPopulation, POPULATION_BATCH } from './population';

/** Loads a population the way `npm run generate` does (foreign-key triggers off) and reads back a fingerprint. */
async function loadAndFingerprint(url: string, customers: number) {
  return withDataSource(url, async (ds) => {
    await syncReferenceData(ds.manager);
    await ds.transaction(async (manager) => {
      await UsersService.createUsers(
        manager,
        [...['manager1', 'manager2', 'manager3'], 'marketing'].map((username) => ({
          username,
          displayName: username,
          role: username === 'marketing' ? ('marketing' as const) : ('account_manager' as const),
          password: 'x-password-1',
        })),
      );
      await manager.query('SET LOCAL session_replication_role = replica');
      await loadPopulation(manager, {
        seed: 7,
        customers,
        months: 6,
        managerIds: await accountManagerIds(manager),
        now: new Date('2026-11-25T08:00:00Z'),
      });
    });
    const [fingerprint] = await ds.query(`
      SELECT (SELECT count(*) FROM customers)::int AS customers,
             (SELECT string_agg(account_no || name || credit_code || stage, ',' ORDER BY account_no) FROM customers) AS names,
             (SELECT sum(kwh)::text FROM consumption) AS kwh, (SELECT sum(amount)::text FROM bills) AS billed,
             (SELECT sum(amount)::text FROM payments) AS paid, (SELECT count(*) FROM application_steps)::int AS steps,
             (SELECT string_agg(area, '' ORDER BY account_no) FROM customers) AS areas,
             (SELECT string_agg(c.account_no || w.type || w.state || w.received_at || coalesce(w.satisfaction, 0), ','
                                ORDER BY c.account_no, w.received_at)
                FROM work_orders w JOIN customers c ON c.id = w.customer_id) AS orders,
             (SELECT count(*) FROM work_order_events)::int AS order_events,
             (SELECT count(*) FROM clocks WHERE owner_kind = 'work_order')::int AS order_clocks`);
    // Every reference the skipped triggers would have checked holds.
    const [orphans] = await ds.query(`
      SELECT (SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM bills b WHERE b.id = p.bill_id))::int AS payments,
             (SELECT count(*) FROM consumption x WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = x.customer_id))::int AS consumption,
             (SELECT count(*) FROM application_steps s WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = s.application_id))::int AS steps,
             (SELECT count(*) FROM customers c WHERE c.stage <> 'closed' AND NOT EXISTS
                (SELECT 1 FROM users u WHERE u.id = c.account_manager_id AND u.role = 'account_manager'))::int AS owners,
             (SELECT count(*) FROM work_order_events e WHERE NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = e.work_order_id))::int AS events,
             (SELECT count(*) FROM clocks k WHERE k.owner_kind = 'work_order'
                 AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.id = k.owner_id AND w.customer_id = k.customer_id))::int AS clocks,
             (SELECT count(*) FROM work_orders w WHERE NOT EXISTS
                (SELECT 1 FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'received'
                    AND e.details ? 'limits'))::int AS received`);
    // The orders are what the API would have made of them: closed by a callback from someone else than the
    // handler, with every clock stopped; a contact clock stopped when the customer was contacted; keeping the
    // outcomes of their contact and current resolution clocks as the API keeps them.
    const [orders] = await ds.query(`
      SELECT (SELECT count(*) FROM work_orders WHERE state = 'closed')::int AS closed,
             (SELECT count(*) FROM work_orders w WHERE w.state = 'closed' AND (w.handled_by IS NULL OR EXISTS
                (SELECT 1 FROM work_order_events e WHERE e.work_order_id = w.id AND e.kind = 'callback' AND e.by = w.handled_by)))::int AS self_callbacks,
             (SELECT count(*) FROM work_orders w JOIN clocks k ON k.owner_kind = 'work_order' AND k.owner_id = w.id
               WHERE w.state = 'closed' AND k.stopped_at IS NULL)::int AS running_after_close,
             (SELECT count(*) FROM work_orders w JOIN clocks k ON k.owner_kind = 'work_order' AND k.owner_id = w.id
                  AND k.clock_kind = 'contact'
               WHERE w.period = 1 AND k.stopped_at IS DISTINCT FROM w.contacted_at)::int AS contact_clock_off,
             (SELECT count(*) FROM work_orders w
                LEFT JOIN clocks kc ON kc.owner_kind = 'work_order' AND kc.owner_id = w.id AND kc.clock_kind = 'contact'
                LEFT JOIN clocks kr ON kr.owner_kind = 'work_order' AND kr.owner_id = w.id
                     AND kr.clock_kind = CASE WHEN w.period = 1 THEN 'resolution' ELSE 'resolution_' || w.period END
               WHERE (w.contact_due_at, w.contact_outcome, w.resolution_due_at, w.resolution_outcome)
                     IS DISTINCT FROM
                     (kc.due_at, CASE WHEN kc.stopped_at > kc.due_at THEN 'late' WHEN kc.stopped_at IS NOT NULL THEN 'met' END,
                      kr.due_at, CASE WHEN kr.stopped_at > kr.due_at THEN 'late' WHEN kr.stopped_at IS NOT NULL THEN 'met' END)
             )::int AS outcomes_off,
             (SELECT count(*) FROM work_orders WHERE contact_outcome = 'late' OR resolution_outcome = 'late')::int AS late,
             (SELECT count(*) FROM work_orders WHERE state <> 'closed')::int AS open,
             (SELECT count(*) FROM work_orders WHERE escalated_at IS NOT NULL)::int AS escalated`);
    // The bills' settlement written by the generator is what the triggers' settle_bills computes.
    const settlement = `SELECT string_agg(id || ':' || paid_amount || ':' || coalesce(last_paid_at::text, '-') || ':' ||
                                          coalesce(settled_on::text, '-'), ',' ORDER BY id) AS s FROM bills`;
    const [generated] = await ds.query(settlement);
    await ds.query('SELECT settle_bills(ARRAY(SELECT id FROM bills))');
    const [recomputed] = await ds.query(settlement);
    // Every customer has its segment facts, as the skipped triggers would have written them.
    const [{ facts }] = await ds.query(`
      SELECT count(*)::int AS facts FROM customers c JOIN segment_facts f ON f.customer_id = c.id
       WHERE (f.voltage_kv, f.industry, f.region, f.stage, f.tags, f.account_manager_id)
           = (c.voltage_kv, c.industry, c.region, c.stage, c.tags, c.account_manager_id)`);
    const [{ next }] = await ds.query(`SELECT nextval(pg_get_serial_sequence('bills', 'id'))::int AS next`);
    const [{ max }] = await ds.query('SELECT max(id)::int AS max FROM bills');
    return {
      fingerprint,
      orphans,
      orders,
      billSequenceAhead: next > max,
      facts,
      settlementAsTriggersMakeIt: generated.s === recomputed.s,
    };
  });
}

describe('the population loader (demo seed and npm run generate)', () => {
  const customers = POPULATION_BATCH + 150; // two batches

  it('writes consistent data, the same for the same seed', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      const a = await loadAndFingerprint(first.url, customers);
      const b = await loadAndFingerprint(second.url, customers);
      expect(a.fingerprint.customers).toBe(customers);
      expect(a.orphans).toEqual({
        payments: 0,
        consumption: 0,
        steps: 0,
        owners: 0,
        events: 0,
        clocks: 0,
        received: 0,
      });
      expect(a.orders).toMatchObject({
        self_callbacks: 0,
        running_after_close: 0,
        contact_clock_off: 0,
        outcomes_off: 0,
      });
      expect(a.orders.late).toBeGreaterThan(0);
      expect(a.orders.closed).toBeGreaterThan(a.orders.open);
      expect(a.orders.open).toBeGreaterThan(0);
      expect(a.orders.escalated).toBeGreaterThan(0);
      expect(a.fingerprint.order_clocks).toBeGreaterThan(a.orders.closed);
      expect(a.billSequenceAhead).toBe(true);
      expect(a.facts).toBe(customers);
      expect(a.settlementAsTriggersMakeIt).toBe(true);
      expect(b.fingerprint).toEqual(a.fingerprint);
    } finally {
      await first.drop();
      await second.drop();
    }
  }, 300_000);
});
