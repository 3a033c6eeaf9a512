import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedDatabase } from './embedded-database';

export interface SupervisorOptions {
  /** Wait before the first restart attempt, doubled after each failed one up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Keeps the embedded PostgreSQL running: when the postmaster dies (killed, crashed), starts it again on
 * the same cluster and port, retrying with backoff (a start fails while orphaned backends of the dead
 * postmaster still hold its shared memory; a stale `postmaster.pid` is removed by PostgreSQL itself).
 * The pools reconnect by themselves once it answers; crash recovery replays the WAL, so no committed
 * write is lost (fsync stays on). Does nothing after `stop()`.
 */
export function superviseEmbeddedDatabase(db: EmbeddedDatabase, options: SupervisorOptions = {}): void {
  const logger = new Logger('EmbeddedDatabase');
  const firstDelayMs = options.firstDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 10_000;

  const restart = async (died: number) => {
    for (let attempt = 1, wait = firstDelayMs; ; attempt++, wait = Math.min(wait * 2, maxDelayMs)) {
      await sleep(wait, undefined, { ref: false });
      if (db.stopped) return;
      try {
        await db.restart();
        logger.log(`The embedded PostgreSQL runs again, ${Date.now() - died} ms after it stopped (attempt ${attempt})`);
        return;
      } catch (error) {
        logger.warn(`Restarting the embedded PostgreSQL failed (attempt ${attempt}): ${(error as Error).message}`);
      }
    }
  };

  db.onExit((reason) => {
    logger.error(`The embedded PostgreSQL stopped (${reason}); restarting it`);
    void restart(Date.now());
  });
}
