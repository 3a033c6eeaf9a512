import { ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_FORMATS, ExportFormat, IsOmittable, PageQueryDto } from '@crm/api/http';
import {
  CLOCK_OUTCOMES,
  CLOCK_STATES,
  ClockOutcome,
  ClockState,
  COMPLAINT_TOPICS,
  SATISFACTION_SCORES,
  SERVICE_REQUEST_TOPICS,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_SORTS,
  WORK_ORDER_STATES,
  WORK_ORDER_TYPES,
  WorkOrderChannel,
  WorkOrderState,
  WorkOrderTopic,
  WorkOrderType,
} from '@crm/shared/domain';
import { IsDateString, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

/** The filters of `GET /api/requests` and its export. */
export class WorkOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORK_ORDER_STATES })
  @IsOmittable()
  @IsIn(WORK_ORDER_STATES)
  state?: WorkOrderState;

  @ApiPropertyOptional({ enum: WORK_ORDER_TYPES })
  @IsOmittable()
  @IsIn(WORK_ORDER_TYPES)
  type?: WorkOrderType;

  @ApiPropertyOptional({ enum: WORK_ORDER_CHANNELS })
  @IsOmittable()
  @IsIn(WORK_ORDER_CHANNELS)
  channel?: WorkOrderChannel;

  @ApiPropertyOptional({ enum: [...COMPLAINT_TOPICS, ...SERVICE_REQUEST_TOPICS] })
  @IsOmittable()
  @IsIn([...COMPLAINT_TOPICS, ...SERVICE_REQUEST_TOPICS])
  topic?: WorkOrderTopic;

  @ApiPropertyOptional({ enum: CLOCK_STATES, description: "The order's sla (the worse of its clocks)" })
  @IsOmittable()
  @IsIn(CLOCK_STATES)
  sla?: ClockState;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() customerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The owner (the account manager, or the recorder)' })
  @IsOmittable()
  @IsUUID()
  managerId?: string;

  @ApiPropertyOptional({ description: 'Received from (inclusive): a time, or a date meaning its midnight in China' })
  @IsOmittable()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Received before (exclusive): a time, or a date meaning its midnight in China' })
  @IsOmittable()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Part of the summary or customer name, an account number or an external number' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: escalated orders only' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  escalated?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: orders with a contradicting callback only' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  contradicted?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: CLOCK_OUTCOMES,
    description: 'The contact clock: met (stopped in time), late (stopped late or running overdue), pending',
  })
  @IsOmittable()
  @IsIn(CLOCK_OUTCOMES)
  contactClock?: ClockOutcome;

  @ApiPropertyOptional({ enum: CLOCK_OUTCOMES, description: "The current period's resolution clock, as contactClock" })
  @IsOmittable()
  @IsIn(CLOCK_OUTCOMES)
  resolutionClock?: ClockOutcome;

  @ApiPropertyOptional({ enum: SATISFACTION_SCORES, description: "The last callback's satisfaction" })
  @IsOmittable()
  @IsIn(SATISFACTION_SCORES)
  satisfaction?: (typeof SATISFACTION_SCORES)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: orders with a callback satisfaction only' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  rated?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: orders urged at least once (repeat contacts)' })
  @IsOmittable()
  @IsIn(['true', 'false'])
  urged?: 'true' | 'false';

  @ApiPropertyOptional({ enum: WORK_ORDER_SORTS, default: '-receivedAt' })
  @IsOmittable()
  @IsIn(WORK_ORDER_SORTS)
  sort = '-receivedAt';
}

/** `GET /api/requests/export`: the list's filters, the file format and the language of headers and names. */
export class WorkOrderExportDto extends WorkOrderQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOmittable()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN' })
  @IsOmittable()
  @IsIn(['zh-CN', 'en'])
  lang: 'zh-CN' | 'en' = 'zh-CN';
}
