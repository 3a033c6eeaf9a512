/**
 * Whether this instance should be given requests (`GET /api/health/ready`): the migrations this build expects
 * (their names, as recorded in the `migrations` table) and whether it is stopping. main.ts calls `stop()` on
 * SIGTERM, so that a balancer's readiness check takes the instance out while it finishes its requests.
 */
export class Readiness {
  private stoppingSince: Date | null = null;

  constructor(readonly migrations: readonly string[]) {}

  stop(): void {
    this.stoppingSince ??= new Date();
  }

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }
}
