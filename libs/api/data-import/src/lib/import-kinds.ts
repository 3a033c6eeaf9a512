import { customerContactsUpsertFrom, customersInsertFrom, customersUpdateFrom } from '@crm/api/customers';
import { TODAY_CN } from '@crm/api/database';
import { timelineInsertFrom } from '@crm/api/timeline';
import { workOrdersInsertFrom } from '@crm/api/work-orders';
import {
  CREDIT_CODE_PROBLEMS,
  IMPORTANCE_CLASSES,
  ImportKind,
  PHONE_FORMAT_PROBLEM,
  PHONE_PATTERNS,
  STAGES_WITHOUT_CAPACITY,
  TARIFF_CATEGORIES,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import {
  col,
  dateField,
  FieldCase,
  FieldCheck,
  isBlank,
  numberField,
  oneOfField,
  periodDate,
  periodField,
  problem,
  sqlText,
  textField,
} from './field-checks';

/** Runs one SQL statement in the import's transaction: `rows` gives its rows, `execute` how many rows it wrote. */
export interface Sql {
  rows<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  execute(text: string, params?: unknown[]): Promise<number>;
}

/** Writers of other libraries an import kind calls in the import's transaction. */
export interface ImportWriters {
  /** What the intake of the work orders just inserted needs (`inserted`: a table with a column `id`). */
  receiveWorkOrders(inserted: string): Promise<void>;
}

export interface ImportKindDefinition {
  /** Joined to `import_rows r` for the checks. */
  joins: string;
  checks: FieldCheck[];
  /** The natural key: two rows of one file may not share it. */
  key: string[];
  /**
   * Writes the `accepted` rows left in `import_rows` (all valid, no key twice), changing only what differs; how many
   * rows it inserted and updated.
   */
  apply(
    sql: Sql,
    accepted: number,
    actorId: string | null,
    writers: ImportWriters,
  ): Promise<{ inserted: number; updated: number }>;
}

/** Scalar subqueries: computed once per statement, not once per row. */
const TODAY = `(SELECT ${TODAY_CN})`;
const THIS_MONTH = `(SELECT date_trunc('month', ${TODAY_CN})::date)`;

const accountNo: FieldCheck = {
  field: 'accountNo',
  cases: [
    [isBlank('accountNo'), problem('import.required', 'is required')],
    ['c.id IS NULL', problem('import.unknownAccountNo', 'is not the account number of any customer')],
  ],
};

const pastPeriod: FieldCase = [
  `${periodDate('period')} > ${THIS_MONTH}`,
  problem('import.inFuture', 'is in the future'),
];

/** What `upsertByPeriod` writes: rows of `source` into `table`, a history table keyed by customer and period. */
interface PeriodWrite {
  table: string;
  /** The columns an import sets on a row already there. */
  values: string[];
  /** A SELECT over `import_rows r` giving `customer_id`, `period` and `values`. */
  source: string;
}

/**
 * Writes `accepted` rows (no key twice) into a history table by one upsert that changes only what differs, and
 * tells inserted from updated by counting, before it, the keys already there: one index range of the file's
 * periods, so a new month costs nothing. (One upsert cannot tell them apart: a partitioned table returns no `xmax`,
 * and looking each written row up in the same statement scans a partition that was empty when planned, a new year,
 * once per row.) Imports into one table run one after another, so nothing adds keys between the count and the
 * upsert.
 */
async function upsertByPeriod(
  sql: Sql,
  accepted: number,
  { table, values, source }: PeriodWrite,
): Promise<{ inserted: number; updated: number }> {
  await sql.execute('SELECT pg_advisory_xact_lock(hashtext($1))', [`import into ${table}`]);
  const [{ existing }] = await sql.rows<{ existing: number }>(
    `WITH s AS MATERIALIZED (${source})
     SELECT count(*)::int AS existing FROM s
      WHERE EXISTS (SELECT 1 FROM ${table} t
                     WHERE t.customer_id = s.customer_id AND t.period = s.period
                       AND t.period BETWEEN (SELECT min(period) FROM s) AND (SELECT max(period) FROM s))`,
  );
  const written = await sql.execute(
    `INSERT INTO ${table} AS t (customer_id, period, ${values.join(', ')})
     SELECT customer_id, period, ${values.join(', ')} FROM (${source}) s
      ORDER BY customer_id, period -- in index order: the primary key is written page by page, not at random
     ON CONFLICT (customer_id, period) DO UPDATE SET (${values.join(', ')}) = (${values.map((v) => `EXCLUDED.${v}`).join(', ')})
      WHERE (${values.map((v) => `t.${v}`).join(', ')}) IS DISTINCT FROM (${values.map((v) => `EXCLUDED.${v}`).join(', ')})`,
  );
  const inserted = accepted - existing;
  return { inserted, updated: written - inserted };
}

const consumption: ImportKindDefinition = {
  joins: `LEFT JOIN customers c ON c.account_no = r."accountNo"`,
  checks: [
    accountNo,
    periodField('period', [pastPeriod]),
    numberField('kwh', { min: 0, max: 999_999_999_999 }),
    numberField('maxDemandKw', { min: 0, max: 9_999_999_999 }),
    numberField('powerFactor', { min: 0, minExclusive: true, max: 1 }),
  ],
  key: ['accountNo', 'period'],
  apply: (sql, accepted) =>
    upsertByPeriod(sql, accepted, {
      table: 'consumption',
      values: ['kwh', 'max_demand_kw', 'power_factor'],
      source: `SELECT c.id AS customer_id, ${periodDate('period')} AS period, r.kwh::numeric AS kwh,
                      r."maxDemandKw"::numeric AS max_demand_kw, r."powerFactor"::numeric AS power_factor
                 FROM import_rows r JOIN customers c ON c.account_no = r."accountNo"`,
    }),
};

const bills: ImportKindDefinition = {
  joins: `LEFT JOIN customers c ON c.account_no = r."accountNo"`,
  checks: [
    accountNo,
    periodField('period', [pastPeriod]),
    numberField('amount', { min: 0, max: 999_999_999_999, decimals: 2 }),
    dateField('dueDate', [
      [
        `${col('dueDate')}::date < ${periodDate('period')}`,
        problem('import.beforePeriod', 'is before the start of the period'),
      ],
    ]),
  ],
  key: ['accountNo', 'period'],
  apply: (sql, accepted) =>
    upsertByPeriod(sql, accepted, {
      table: 'bills',
      values: ['amount', 'due_date'],
      source: `SELECT c.id AS customer_id, ${periodDate('period')} AS period, r.amount::numeric AS amount,
                      r."dueDate"::date AS due_date
                 FROM import_rows r JOIN customers c ON c.account_no = r."accountNo"`,
    }),
};

const payments: ImportKindDefinition = {
  joins: `LEFT JOIN customers c ON c.account_no = r."accountNo"
          LEFT JOIN bills b ON b.customer_id = c.id AND b.period = ${periodDate('period')}`,
  checks: [
    accountNo,
    periodField('period', [
      ['b.id IS NULL AND c.id IS NOT NULL', problem('import.noBillToPay', 'has no bill of this customer to pay')],
    ]),
    dateField('paidAt', [[`${col('paidAt')}::date > ${TODAY}`, problem('import.inFuture', 'is in the future')]]),
    numberField('amount', { min: 0, minExclusive: true, max: 999_999_999_999, decimals: 2 }),
  ],
  key: ['accountNo', 'period', 'paidAt', 'amount'],
  // A payment is its key: a row already there is unchanged, never updated.
  apply: async (sql) => ({
    inserted: await sql.execute(
      `INSERT INTO payments (bill_id, bill_period, paid_at, amount)
       SELECT b.id, b.period, r."paidAt"::date, r.amount::numeric
         FROM import_rows r
         JOIN customers c ON c.account_no = r."accountNo"
         JOIN bills b ON b.customer_id = c.id AND b.period = ${periodDate('period')}
       ON CONFLICT (bill_id, bill_period, paid_at, amount) DO NOTHING`,
    ),
    updated: 0,
  }),
};

/** Imported customers come from the billing system, so they are connected already. */
const IMPORTED_STAGE = 'active';
const IMPORTED_CONTACT_ROLE = '联系人';

/** A customer column, how the file's text becomes its value, and the field name in API.md. */
const CUSTOMER_COLUMNS: { field: string; column: string; value: string }[] = [
  { field: 'name', column: 'name', value: 'r.name' },
  { field: 'creditCode', column: 'credit_code', value: 'r."creditCode"' },
  { field: 'industry', column: 'industry', value: 'r.industry' },
  { field: 'voltageKv', column: 'voltage_kv', value: 'r."voltageKv"::smallint' },
  {
    field: 'contractCapacityKva',
    column: 'contract_capacity_kva',
    value: `nullif(btrim(r."contractCapacityKva"), '')::numeric(12, 2)`,
  },
  { field: 'tariffCategory', column: 'tariff_category', value: 'r."tariffCategory"' },
  { field: 'region', column: 'region', value: 'r.region' },
  { field: 'address', column: 'address', value: 'r.address' },
];
/** A blank importance keeps the customer's class (`current`; new customers: none). */
const importance = (current: string) => `coalesce(nullif(btrim(r.importance), ''), ${current})`;

const creditCodeCases: FieldCase[] = (Object.keys(CREDIT_CODE_PROBLEMS) as (keyof typeof CREDIT_CODE_PROBLEMS)[]).map(
  (key) => [
    `credit_code_problem(${col('creditCode')}) = ${sqlText(key)}`,
    problem(`creditCode.${key}`, CREDIT_CODE_PROBLEMS[key]),
  ],
);

const customers: ImportKindDefinition = {
  joins: `LEFT JOIN customers c ON c.account_no = r."accountNo"
          LEFT JOIN industries i ON i.code = r.industry
          LEFT JOIN users u ON u.username = r."managerUsername" AND u.role = 'account_manager' AND u.active`,
  checks: [
    {
      field: 'accountNo',
      cases: [
        [isBlank('accountNo'), problem('import.required', 'is required')],
        [`${col('accountNo')} !~ '^[0-9]{6,20}$'`, problem('import.accountNoDigits', 'must be 6 to 20 digits')],
        [
          `c.stage = 'closed'`,
          problem('import.closedCustomer', 'belongs to a closed customer, which is kept read-only'),
        ],
      ],
    },
    textField('name', { minLength: 2, maxLength: 100 }),
    {
      field: 'creditCode',
      cases: [[isBlank('creditCode'), problem('import.required', 'is required')], ...creditCodeCases],
    },
    {
      field: 'industry',
      cases: [
        [isBlank('industry'), problem('import.required', 'is required')],
        ['i.code IS NULL', problem('import.unknownIndustry', 'is not a GB/T 4754-2017 industry code')],
      ],
    },
    oneOfField('voltageKv', VOLTAGE_LEVELS_KV),
    {
      // Blank only for a customer here already and not yet energised; imported new customers are connected.
      field: 'contractCapacityKva',
      cases: [
        [
          `${isBlank('contractCapacityKva')} AND (c.id IS NULL OR c.stage NOT IN (${STAGES_WITHOUT_CAPACITY.map(sqlText).join(', ')}))`,
          problem(
            'import.capacityRequired',
            'is required for a connected customer (a new customer is imported as connected)',
          ),
        ],
        ...numberField('contractCapacityKva', { required: false, min: 1, max: 10_000_000, decimals: 2 }).cases,
      ],
    },
    oneOfField('tariffCategory', TARIFF_CATEGORIES),
    textField('region', { maxLength: 50 }),
    textField('address', { maxLength: 200 }),
    oneOfField('importance', IMPORTANCE_CLASSES, false),
    textField('contactName', { maxLength: 50 }),
    {
      field: 'contactPhone',
      cases: [
        [isBlank('contactPhone'), problem('import.required', 'is required')],
        [
          PHONE_PATTERNS.map((p) => `${col('contactPhone')} !~ ${sqlText(p.source)}`).join(' AND '),
          problem('phone.format', PHONE_FORMAT_PROBLEM),
        ],
      ],
    },
    {
      field: 'managerUsername',
      cases: [
        [
          `${isBlank('managerUsername')} AND c.id IS NULL`,
          problem('import.managerRequired', 'is required for a new customer'),
        ],
        [isBlank('managerUsername'), null],
        ['u.id IS NULL', problem('import.notActiveManager', 'is not an active account manager')],
        [
          'c.id IS NOT NULL AND u.id IS DISTINCT FROM c.account_manager_id',
          problem(
            'import.notCurrentManager',
            'is not the current account manager; customers move to another manager by a handover',
          ),
        ],
      ],
    },
  ],
  key: ['accountNo'],
  async apply(sql, _accepted, actorId) {
    // What each existing customer would change, field by field (also the timeline's record of it).
    await sql.execute(`
      CREATE TEMP TABLE import_changes ON COMMIT DROP AS
      SELECT c.id AS customer_id,
             jsonb_agg(jsonb_build_object('field', f.field, 'before', f.old, 'after', f.new) ORDER BY f.field) AS changes
        FROM import_rows r
        JOIN customers c ON c.account_no = r."accountNo"
        LEFT JOIN customer_contacts k ON k.customer_id = c.id AND k.position = 0
       CROSS JOIN LATERAL (VALUES
         ${CUSTOMER_COLUMNS.map((x) => `(${sqlText(x.field)}, to_jsonb(c.${x.column}), to_jsonb(${x.value}))`).join(',\n')},
         ('importance', to_jsonb(c.importance), to_jsonb(${importance('c.importance')})),
         ('contactName', to_jsonb(k.name), to_jsonb(r."contactName")),
         ('contactPhone', to_jsonb(k.phone), to_jsonb(r."contactPhone"))
       ) AS f(field, old, new)
       WHERE f.old IS DISTINCT FROM f.new
       GROUP BY c.id`);
    await sql.execute(`
      CREATE TEMP TABLE import_new ON COMMIT DROP AS
      SELECT r."accountNo" AS account_no FROM import_rows r
       WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.account_no = r."accountNo")`);
    const columns = [...CUSTOMER_COLUMNS.map((x) => x.column), 'importance'];
    await sql.execute(
      customersUpdateFrom(
        `(SELECT c.id, ${CUSTOMER_COLUMNS.map((x) => `${x.value} AS ${x.column}`).join(', ')},
                 ${importance('c.importance')} AS importance
            FROM import_rows r JOIN customers c ON c.account_no = r."accountNo"
           WHERE c.id IN (SELECT customer_id FROM import_changes))`,
        columns,
      ),
    );
    await sql.execute(
      customersInsertFrom(
        `(SELECT r."accountNo" AS account_no, ${CUSTOMER_COLUMNS.map((x) => `${x.value} AS ${x.column}`).join(', ')},
                 ${importance("'none'")} AS importance, '${IMPORTED_STAGE}' AS stage, u.id AS account_manager_id
            FROM import_rows r
            JOIN import_new n ON n.account_no = r."accountNo"
            JOIN users u ON u.username = r."managerUsername")`,
        ['account_no', ...columns, 'stage', 'account_manager_id'],
      ),
    );
    await sql.execute(
      customerContactsUpsertFrom(`(
         SELECT c.id AS customer_id, 0 AS position, r."contactName" AS name, r."contactPhone" AS phone, $1::text AS role
           FROM import_rows r JOIN customers c ON c.account_no = r."accountNo"
          WHERE c.id IN (SELECT customer_id FROM import_changes)
             OR c.account_no IN (SELECT account_no FROM import_new))`),
      [IMPORTED_CONTACT_ROLE],
    );
    await sql.execute(
      timelineInsertFrom(`(
         SELECT c.id AS customer_id, 'created' AS type, $1::uuid AS actor_id,
                'Customer ' || c.account_no || ' imported' AS summary,
                jsonb_build_object('managerId', c.account_manager_id, 'source', 'import') AS data
           FROM customers c JOIN import_new n ON n.account_no = c.account_no
         UNION ALL
         SELECT x.customer_id, 'updated', $1::uuid,
                'Changed ' || (SELECT string_agg(e ->> 'field', ', ') FROM jsonb_array_elements(x.changes) e) || ' (import)',
                jsonb_build_object('changes', x.changes, 'source', 'import')
           FROM import_changes x)`),
      [actorId],
    );
    const [counts] = await sql.rows<{ inserted: number; updated: number }>(
      `SELECT (SELECT count(*) FROM import_new)::int AS inserted, (SELECT count(*) FROM import_changes)::int AS updated`,
    );
    return counts;
  },
};

/** A code, or the Chinese or English name (any case), of the reference row `t`. */
const codeOrName = (name: string, t: string) =>
  `lower(btrim(${col(name)})) IN (${t}.code, lower(${t}.name_zh), lower(${t}.name_en))`;
/** `YYYY-MM-DD HH:MM[:SS]` (China time) or with an offset (ISO 8601). */
const RECEIVED_AT_FORMAT =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)?$';
const HAS_OFFSET = '([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$';
const receivedAt = `(CASE WHEN btrim(${col('receivedAt')}) ~ '${HAS_OFFSET}' THEN btrim(${col('receivedAt')})::timestamptz
                          ELSE btrim(${col('receivedAt')})::timestamp AT TIME ZONE 'Asia/Shanghai' END)`;

/**
 * Work orders from the 95598 system (or another channel's): new open orders, recorded by the importing
 * user and owned like any order by the customer's account manager. An order whose channel already has its
 * externalRef is skipped (reported unchanged), never updated: orders change here by their steps.
 */
const workOrders: ImportKindDefinition = {
  joins: `LEFT JOIN customers c ON c.account_no = r."accountNo"
          LEFT JOIN work_order_channels ch ON ${codeOrName('channel', 'ch')}
          LEFT JOIN work_order_types ty ON ${codeOrName('type', 'ty')}
          LEFT JOIN work_order_topics tp ON ${codeOrName('topic', 'tp')}`,
  checks: [
    {
      field: 'channel',
      cases: [
        [isBlank('channel'), problem('import.required', 'is required')],
        ['ch.code IS NULL', problem('import.unknownChannel', 'is not the code or name of a channel')],
      ],
    },
    textField('externalRef', { maxLength: 64 }),
    accountNo,
    {
      field: 'type',
      cases: [
        [isBlank('type'), problem('import.required', 'is required')],
        ['ty.code IS NULL', problem('import.unknownType', 'is not the code or name of a request type')],
      ],
    },
    {
      field: 'topic',
      cases: [
        [
          `${isBlank('topic')} AND ty.code = 'complaint'`,
          problem('import.topicRequired', 'is required for a complaint'),
        ],
        [isBlank('topic'), null],
        ['tp.code IS NULL', problem('import.unknownTopic', 'is not the code or name of a topic')],
        [
          'ty.code IS NOT NULL AND tp.type <> ty.code',
          problem(
            'import.topicNotOfType',
            'is not a topic of this type (only complaints and service requests have topics)',
          ),
        ],
      ],
    },
    textField('summary', { maxLength: 2000 }),
    {
      field: 'receivedAt',
      cases: [
        [isBlank('receivedAt'), problem('import.required', 'is required')],
        [
          `(btrim(${col('receivedAt')}) !~ ${sqlText(RECEIVED_AT_FORMAT)} OR NOT pg_input_is_valid(btrim(${col('receivedAt')}), 'timestamptz'))`,
          problem('import.moment', 'must be a moment (YYYY-MM-DD HH:MM[:SS] China time, or ISO 8601 with an offset)'),
        ],
        [`${receivedAt} > now() + interval '1 minute'`, problem('import.inFuture', 'is in the future')],
      ],
    },
    textField('contactName', { required: false, maxLength: 100 }),
    textField('contactPhone', { required: false, maxLength: 30 }),
  ],
  key: ['channel', 'externalRef'],
  async apply(sql, _accepted, actorId, writers) {
    await sql.execute('CREATE TEMP TABLE import_orders (id uuid PRIMARY KEY) ON COMMIT DROP');
    await sql.execute(
      `WITH inserted AS (${workOrdersInsertFrom(`(
         SELECT c.id AS customer_id, ch.code AS channel, ty.code AS type, tp.code AS topic, btrim(r.summary) AS summary,
                btrim(r."externalRef") AS external_ref, nullif(btrim(r."contactName"), '') AS contact_name,
                nullif(btrim(r."contactPhone"), '') AS contact_phone, ${receivedAt} AS received_at,
                $1::uuid AS recorded_by, 'open' AS state, 1 AS period, ${receivedAt} AS period_started_at,
                NULL::timestamptz AS contacted_at, NULL::uuid AS contacted_by, NULL::timestamptz AS handled_at,
                NULL::uuid AS handled_by, NULL::text AS result, NULL::text AS cause, NULL::text AS accountability,
                NULL::timestamptz AS closed_at, NULL::smallint AS satisfaction, 0 AS urges,
                '{}'::text[] AS escalation_reasons, NULL::timestamptz AS escalated_at,
                NULL::timestamptz AS contradicted_at
           FROM import_rows r
           JOIN customers c ON c.account_no = r."accountNo"
           JOIN work_order_channels ch ON ${codeOrName('channel', 'ch')}
           JOIN work_order_types ty ON ${codeOrName('type', 'ty')}
           LEFT JOIN work_order_topics tp ON ${codeOrName('topic', 'tp')}
          ORDER BY r.row_no)`)})
       INSERT INTO import_orders SELECT id FROM inserted`,
      [actorId],
    );
    await writers.receiveWorkOrders('import_orders');
    const [counts] = await sql.rows<{ inserted: number }>('SELECT count(*)::int AS inserted FROM import_orders');
    return { inserted: counts.inserted, updated: 0 };
  },
};

export const IMPORT_DEFINITIONS: Record<ImportKind, ImportKindDefinition> = {
  customers,
  consumption,
  bills,
  payments,
  'work-orders': workOrders,
};

/** The bulk loads of the demo population: `COPY … FROM STDIN` of CSV rows in these column orders. */
export const consumptionCopy =
  'COPY consumption (customer_id, period, kwh, max_demand_kw, power_factor) FROM STDIN (FORMAT csv)';
export const billsCopy =
  'COPY bills (id, customer_id, period, amount, due_date, paid_amount, last_paid_at, settled_on) FROM STDIN (FORMAT csv)';
export const paymentsCopy = 'COPY payments (bill_id, bill_period, paid_at, amount) FROM STDIN (FORMAT csv)';
