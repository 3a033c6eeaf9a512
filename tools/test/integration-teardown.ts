import { rmSync } from 'node:fs';

/** Stops the embedded PostgreSQL started by integration-setup and removes its temporary cluster. */
export default async function teardown(): Promise<void> {
  const embedded = globalThis.__EMBEDDED_DB__;
  if (!embedded) return;
  await embedded.db.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
