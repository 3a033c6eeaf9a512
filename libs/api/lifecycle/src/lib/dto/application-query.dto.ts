import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@crm/api/http';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationType,
  SLA_STATES,
  SlaState,
} from '@crm/shared/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
  @ApiPropertyOptional({ enum: SLA_STATES, description: 'SLA of the current step' })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: SlaState;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_TYPES }) @IsOptional() @IsIn(APPLICATION_TYPES) type?: ApplicationType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() managerId?: string;
}
