import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

export class CalendarDayDto {
  @ApiProperty({ description: 'true: a working day (e.g. a make-up Saturday); false: a holiday' })
  @IsBoolean()
  working!: boolean;

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @MaxLength(50)
  name!: string;
}
