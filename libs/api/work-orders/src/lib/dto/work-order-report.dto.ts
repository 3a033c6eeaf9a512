import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { IsDateString, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /api/requests/report?from=&to=`: China dates, orders received from `from` to before `to`. */
export class WorkOrderReportDto {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD), default the first of the month eleven months ago' })
  @IsOmittable()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Day after the last (YYYY-MM-DD), default tomorrow' })
  @IsOmittable()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  to?: string;
}
