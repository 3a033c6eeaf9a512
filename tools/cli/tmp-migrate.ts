import { runMigrations, startEmbeddedDatabase } from '@crm/api/database';
import { MIGRATIONS } from '../../apps/api/src/migrations';
async function main() {
  const db = await startEmbeddedDatabase({ dataDir: process.argv[2], database: 'bench' });
  const t = Date.now();
  try {
    const ran = await runMigrations(db.url, MIGRATIONS.filter((m) => !m.name.startsWith('CreateJwtSecret')));
    console.log('ran', ran, (Date.now() - t) / 1000, 's');
  } finally { await db.stop(); }
}
main();
