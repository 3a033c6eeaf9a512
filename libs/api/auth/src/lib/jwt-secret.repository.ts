import { Db, execute, queryOne } from '@crm/api/database';

/**
 * The JWT secret every API instance on this database shares (table `jwt_secret`, one row): `candidate` becomes it
 * when there is none yet; whichever instance writes first wins, and all read the same one.
 */
export async function sharedJwtSecret(db: Db, candidate: string): Promise<string> {
  await execute(db, 'INSERT INTO jwt_secret (secret) VALUES ($1) ON CONFLICT (id) DO NOTHING', [candidate]);
  const row = await queryOne<{ secret: string }>(db, 'SELECT secret FROM jwt_secret');
  if (!row) throw new Error('jwt_secret has no row');
  return row.secret;
}
