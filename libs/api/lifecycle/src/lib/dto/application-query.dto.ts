import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQueryDto } from '@crm/api/http';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationType,
  SLA_STATES,
  SlaState,
} from '@crm/shared/domain';
import { IsIn, IsUUID } from 'class-validator';

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOmittable()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
  @ApiPropertyOptional({ enum: SLA_STATES, description: 'SLA of the current step' })
  @IsOmittable()
  @IsIn(SLA_STATES)
  sla?: SlaState;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_TYPES }) @IsOmittable() @IsIn(APPLICATION_TYPES) type?: ApplicationType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() managerId?: string;
}
