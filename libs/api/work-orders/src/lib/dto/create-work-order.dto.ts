import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import {
  COMPLAINT_TOPICS,
  SERVICE_REQUEST_TOPICS,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_TYPES,
  WorkOrderChannel,
  WorkOrderTopic,
  WorkOrderType,
} from '@crm/shared/domain';
import { IsDateString, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

const TOPICS = [...COMPLAINT_TOPICS, ...SERVICE_REQUEST_TOPICS];

/** `POST /api/customers/:id/requests`: the recorder is the caller. */
export class CreateWorkOrderDto {
  @ApiProperty({ enum: WORK_ORDER_CHANNELS })
  @IsIn(WORK_ORDER_CHANNELS)
  channel!: WorkOrderChannel;

  @ApiProperty({ enum: WORK_ORDER_TYPES })
  @IsIn(WORK_ORDER_TYPES)
  type!: WorkOrderType;

  @ApiPropertyOptional({
    enum: TOPICS,
    nullable: true,
    description: 'Required for a complaint (one of the twelve); a service request may name meter_test or reading_check',
  })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsIn(TOPICS)
  topic?: WorkOrderTopic | null;

  @ApiProperty({ example: '客户反映增容申请受理后五天未联系' })
  @IsString()
  @Matches(/\S/, { message: 'summary must not be blank' })
  @MinLength(2)
  @MaxLength(2000)
  summary!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the order was received (default now); not in the future',
  })
  @IsOmittable()
  @IsDateString({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026112600123',
    description: "The channel's own number (e.g. the 95598 order number): unique per channel",
  })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/\S/, { message: 'externalRef must not be blank' })
  @MaxLength(64)
  externalRef?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '王先生' })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13800138000' })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(30)
  contactPhone?: string | null;
}
