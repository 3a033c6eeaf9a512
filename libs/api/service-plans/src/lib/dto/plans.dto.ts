import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalBooleanQuery, OptionalIn, OptionalText, OptionalUuid, PageQueryDto } from '@crm/api/http';
import {
  PlanService,
  SERVICE_TASK_SORTS,
  TASK_OUTCOMES,
  TASK_STATES,
  TaskOutcome,
  TaskState,
} from '@crm/shared/domain';
import {
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class PlanTemplateDto {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({ type: String }) @IsOmittable() @IsString() @MaxLength(1000) description = '';
  @ApiProperty({
    description: '[{key, kind, recurrence: {every: month|quarter|year|bill, …}, leadDays}]',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  services!: PlanService[];
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 120,
    description: 'Months an enrolment lasts; null: until unenrolled',
  })
  @ValidateIf((o) => o.durationMonths !== null && o.durationMonths !== undefined)
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths: number | null = null;
}

export class EnrolCustomerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() customerId!: string;
}

export class EnrolSegmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() segmentId!: string;
}

export class TaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date' }) @IsOmittable() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOmittable() @IsDateString({ strict: true }) to?: string;
  @OptionalIn(TASK_STATES) state?: TaskState;
  @OptionalBooleanQuery("true: the open tasks on today's list (visible, due or overdue)")
  today?: boolean;
  @OptionalUuid() customerId?: string;
  @OptionalUuid("The customer's account manager") managerId?: string;
  @OptionalText(50, "The customer's region") region?: string;
  @OptionalBooleanQuery('true: open tasks past their due date; false: the others')
  overdue?: boolean;
  @OptionalIn(SERVICE_TASK_SORTS, {
    default: 'dueOn',
    description:
      'a field or -field for descending: dueOn (earliest first), customer (name), manager (display name), kind; ' +
      'then by due date',
  })
  sort = 'dueOn';
}

export class CompleteTaskDto {
  @ApiProperty({ enum: TASK_OUTCOMES }) @IsIn(TASK_OUTCOMES) outcome!: TaskOutcome;
  @OptionalText(2000) notes?: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) visitedOn!: string;
}
