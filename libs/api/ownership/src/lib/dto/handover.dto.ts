import { ApiProperty } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { Handover } from '@crm/shared/domain';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class HandoverDto implements Handover {
  @ApiProperty({ format: 'uuid', description: 'The account manager who takes over' })
  @IsUUID()
  toManagerId!: string;

  @ApiProperty({ example: '客户经理调岗，工作量重新平衡' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({
    required: false,
    description: "The customer's version the caller read (one-customer handover); a stale one → 409 and nothing moves",
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number;
}
