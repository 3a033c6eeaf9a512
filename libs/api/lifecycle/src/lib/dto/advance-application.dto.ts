import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { IsDateString, IsString, MaxLength, MinLength } from 'class-validator';

export class AdvanceApplicationDto {
  @ApiPropertyOptional({ example: '现场勘查完成，供电方案已答复' })
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({
    description: 'When the step was completed (default now); never before it started nor in the future',
  })
  @IsOmittable()
  @IsDateString({ strict: true })
  completedAt?: string;

  @ApiPropertyOptional({
    description: 'Code of the step the caller means to complete; a different current step is a 409',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(50)
  step?: string;
}

export class CancelApplicationDto {
  @ApiProperty({ example: '客户撤回申请' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}
