/**
 * npm run import -- <customers|consumption|bills|payments> <file.csv> [--partial]
 * (Work orders need the user who records them: they are imported through POST /api/import/work-orders.)
 * Imports a CSV of the billing or metering system exactly as POST /api/import/<kind> does (same
 * validation, same report), straight into the database; prints progress and the report.
 */
import { ImportRowsRepository, ImportService } from '@crm/api/data-import';
import { IMPORT_KINDS, ImportKind } from '@crm/shared/domain';
import { createReadStream, statSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { openDatabase, parseArgs } from './database';

async function main(): Promise<number> {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const [kind, file] = positional;
  const kinds: readonly ImportKind[] = IMPORT_KINDS.filter((k) => k !== 'work-orders');
  if (!kinds.includes(kind as ImportKind) || !file) {
    console.error(`Usage: npm run import -- <${kinds.join('|')}> <file.csv> [--partial]`);
    return 2;
  }
  const size = statSync(file).size;
  const database = await openDatabase();
  const dataSource = new DataSource({ type: 'postgres', url: database.url });
  await dataSource.initialize();
  try {
    let shown = 0;
    const started = Date.now();
    const service = new ImportService(dataSource, new ImportRowsRepository());
    const { imported, report } = await service.run(kind as ImportKind, createReadStream(file), {
      partial: options['partial'] === 'true',
      actorId: null,
      onProgress: ({ phase, bytes, rows }) => {
        const now = Date.now();
        if (phase === 'loading' && now - shown < 500) return;
        shown = now;
        const percent = size ? Math.round((bytes / size) * 100) : 100;
        const at = `${((now - started) / 1000).toFixed(1)} s`;
        console.error(
          phase === 'loading'
            ? `${at} loading ${percent} % (${bytes} of ${size} bytes)`
            : `${at} ${phase} ${rows} rows`,
        );
      },
    });
    console.log(JSON.stringify(report, null, 2));
    console.error(
      imported
        ? `Imported: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ` +
            `${report.rejected} rejected, in ${report.durationMs} ms`
        : `Nothing was imported: ${report.rejected} row(s) are not valid (--partial imports the valid ones)`,
    );
    return imported ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
