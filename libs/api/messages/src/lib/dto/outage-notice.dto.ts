import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, IsUUID, Length } from 'class-validator';

export class OutageNoticeDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  customerIds!: string[];

  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) endsAt!: string;
  @ApiProperty({ description: 'Why, as the message says it, e.g. 线路检修' })
  @IsString()
  @Length(1, 100)
  reason!: string;
}
