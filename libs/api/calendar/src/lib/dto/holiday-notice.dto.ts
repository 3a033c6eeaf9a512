import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class HolidayNoticeDto {
  @ApiProperty({
    description:
      "The State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知) as text, or lines `YYYY-MM-DD holiday|workday [name]`",
    example: '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text!: string;
}
