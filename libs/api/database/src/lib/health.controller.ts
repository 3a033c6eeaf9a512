import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@crm/api/http';
import { execute, queryOne } from './query';
import { Readiness } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: Readiness,
  ) {}

  /** Liveness of the API and its database: answers while the instance is stopping too. */
  @Public()
  @Get()
  @ApiOkResponse({ description: 'The API is up and its database answers' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    await this.databaseAnswers();
    return { status: 'ok', database: 'up' };
  }

  /**
   * Readiness, for a load balancer or an orchestrator: the database answers, it holds every migration of this
   * build (an instance of a new version waits while another one migrates), and the instance is not stopping.
   */
  @Public()
  @Get('ready')
  @ApiOkResponse({ description: 'The instance takes requests: database up, every migration applied, not stopping' })
  @ApiServiceUnavailableResponse({
    description: 'The instance is stopping, its database does not answer, or migrations are still to be applied',
  })
  async ready(): Promise<{ status: 'ready'; database: 'up'; migrations: 'applied' }> {
    if (this.readiness.stopping) throw new ServiceUnavailableException('The instance is stopping');
    await this.databaseAnswers();
    const pending = await this.pendingMigrations();
    if (pending > 0)
      throw new ServiceUnavailableException(`${pending} migration(s) of this version are not applied yet`);
    return { status: 'ready', database: 'up', migrations: 'applied' };
  }

  private async databaseAnswers(): Promise<void> {
    try {
      await execute(this.dataSource, 'SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
  }

  /** How many of this build's migrations the database does not hold (all of them before the first migration). */
  private async pendingMigrations(): Promise<number> {
    const expected = this.readiness.migrations;
    if (expected.length === 0) return 0;
    try {
      const row = await queryOne<{ applied: number }>(
        this.dataSource,
        `SELECT count(*)::int AS applied FROM migrations WHERE name = ANY($1::text[])`,
        [expected],
      );
      return expected.length - (row?.applied ?? 0);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return expected.length; // no migrations table yet
      throw new ServiceUnavailableException('The database does not answer');
    }
  }
}
