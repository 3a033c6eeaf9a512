/**
 * npm run generate -- --customers 1000000 --months 24 [--seed 20261125] [--managers N] [--workers N]
 * Fills the database (DATABASE_URL, or the embedded one in DATA_DIR) with generated key accounts, their
 * applications and months of consumption, bills, payments, violations and disconnections, by COPY.
 * Adds to what is there: account numbers continue after the existing customers.
 */
import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import {
  accountManagerIds,
  addCounts,
  finishPopulation,
  PopulationBatch,
  PopulationCounts,
  POPULATION_BATCH,
  PopulationPlan,
  planPopulation,
  writePopulationBatch,
} from '@crm/api/demo-seed';
import { Role } from '@crm/shared/domain';
import demoDataset from '@crm/seeds/demo-dataset.json';
import demoUsers from '@crm/seeds/demo-users.json';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EntityManager } from 'typeorm';
import { openDatabase, parseArgs } from './database';

/** A utility's account manager looks after a few hundred key accounts. */
const CUSTOMERS_PER_MANAGER = 250;

function positiveInt(options: Record<string, string>, name: string, fallback: number): number {
  const value = options[name] === undefined ? fallback : Number(options[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** The demo logins, plus account managers manager9, manager10, … until there are `count`. */
async function ensureUsers(manager: EntityManager, count: number): Promise<void> {
  const managers = demoUsers.users.filter((u) => u.role === 'account_manager').length;
  const extra = Array.from({ length: Math.max(0, count - managers) }, (_, i) => ({
    username: `manager${managers + i + 1}`,
    displayName: `客户经理 ${managers + i + 1}`,
    role: 'account_manager' as Role,
  }));
  await UsersService.createUsers(
    manager,
    [...demoUsers.users.map((u) => ({ ...u, role: u.role as Role })), ...extra].map((u) => ({
      ...u,
      password: demoUsers.password,
    })),
  );
}

/**
 * Generates the plan's batches on `workers` threads while this thread COPYs finished ones (in order) into
 * the database, so generation and PostgreSQL work at the same time. At most two batches per worker wait.
 */
async function loadInParallel(
  tx: EntityManager,
  plan: PopulationPlan,
  workers: number,
  onBatch: (customers: number, rows: number) => void,
): Promise<PopulationCounts> {
  const pool = Array.from(
    { length: Math.min(workers, plan.batches) },
    () => new Worker(join(__dirname, 'generate-worker.ts'), { workerData: plan }),
  );
  const idle = [...pool];
  const ready = new Map<number, PopulationBatch>();
  const counts: PopulationCounts = {};
  let next = 0;
  let failure: unknown = null;
  let wake = () => undefined as void;
  const fill = () => {
    while (idle.length && next < plan.batches && ready.size < 2 * pool.length) {
      (idle.pop() as Worker).postMessage(next++);
    }
  };
  for (const worker of pool) {
    worker.on('message', ({ batch, ...result }: PopulationBatch & { batch: number }) => {
      ready.set(batch, result);
      idle.push(worker);
      fill();
      wake();
    });
    worker.on('error', (error) => {
      failure = error;
      wake();
    });
  }
  fill();
  try {
    for (let written = 0; written < plan.batches; ) {
      if (failure) throw failure;
      const batch = ready.get(written);
      if (!batch) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      ready.delete(written);
      fill();
      await writePopulationBatch(tx, batch);
      addCounts(counts, batch);
      written++;
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      onBatch(Math.min(written * POPULATION_BATCH, plan.customers), rows);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return counts;
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const customers = positiveInt(options, 'customers', demoDataset.customers);
  const months = positiveInt(options, 'months', demoDataset.months);
  const seed = positiveInt(options, 'seed', demoDataset.seed);
  const managers = positiveInt(options, 'managers', Math.max(8, Math.ceil(customers / CUSTOMERS_PER_MANAGER)));
  const workers = positiveInt(options, 'workers', Math.max(1, availableParallelism() - 1));
  const database = await openDatabase();
  const started = Date.now();
  try {
    await withDataSource(database.url, (ds) =>
      ds.transaction(async (manager) => {
        // Generated rows are consistent by construction; skipping the per-row foreign-key triggers is
        // what makes a million customers take minutes. Needs a superuser (the embedded server's is one).
        const [{ superuser }] = await manager.query(
          'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
        );
        if (superuser) await manager.query('SET LOCAL session_replication_role = replica');
        else console.error('Not a superuser: foreign keys are checked row by row, which is slower');
        await ensureUsers(manager, managers);
        const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM customers');
        console.error(`Generating ${customers} customers with ${months} months of history (seed ${seed}) …`);
        const plan = await planPopulation(manager, {
          seed,
          customers,
          months,
          firstIndex: n,
          managerIds: await accountManagerIds(manager),
          now: new Date(),
        });
        const counts = await loadInParallel(manager, plan, workers, (done, rows) => {
          const seconds = (Date.now() - started) / 1000;
          console.error(
            `${done} of ${customers} customers, ${rows} rows, ${seconds.toFixed(0)} s, ${Math.round(rows / seconds)} rows/s`,
          );
        });
        await finishPopulation(manager);
        console.error('Committing …');
        return counts;
      }),
    ).then((counts) => console.log(JSON.stringify(counts)));
    console.error('Analyzing …');
    await withDataSource(database.url, (ds) => ds.query('ANALYZE'));
    console.error(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
