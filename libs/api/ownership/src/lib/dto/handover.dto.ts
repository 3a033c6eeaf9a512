import { ApiProperty } from '@nestjs/swagger';
import { Handover } from '@crm/shared/domain';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class HandoverDto implements Handover {
  @ApiProperty({ format: 'uuid', description: 'The account manager who takes over' })
  @IsUUID()
  toManagerId!: string;

  @ApiProperty({ example: '客户经理调岗，工作量重新平衡' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}
