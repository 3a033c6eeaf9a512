import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalText, OptionalUuid } from '@crm/api/http';
import { IsString, Matches } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month and region both KPI reads take. */
class KpiPeriodQueryDto {
  @ApiPropertyOptional({
    example: '2026-05',
    description: 'A month YYYY-MM (China time), not in the future; default: the current one',
  })
  @IsOmittable()
  @IsString()
  @Matches(PERIOD, { message: 'period must be a month YYYY-MM' })
  period?: string;

  @OptionalText(50, "The customers' region") region?: string;
}

/** `GET /api/kpis?period=YYYY-MM&region=&managerId=`. */
export class KpiQueryDto extends KpiPeriodQueryDto {
  @OptionalUuid("The customers' account manager") managerId?: string;
}

/** `GET /api/kpis/managers?period=&region=&managerId=&sort=`. */
export class KpiLeagueQueryDto extends KpiPeriodQueryDto {
  @OptionalUuid('Only this account manager (their row alone)') managerId?: string;

  @ApiPropertyOptional({
    description:
      'A column of the league (displayName, customers, workload, overdueWork, complianceRate, satisfaction, openFindings), after - for descending',
    default: 'displayName',
  })
  @OptionalText(20)
  sort?: string;
}

/** `POST /api/kpis/snapshots {period}`. */
export class KpiSnapshotDto {
  @ApiProperty({ example: '2026-05', description: 'A month YYYY-MM, not in the future (the current one: a refresh)' })
  @IsString()
  @Matches(PERIOD, { message: 'period must be a month YYYY-MM' })
  period!: string;
}
