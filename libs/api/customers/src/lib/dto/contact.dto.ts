import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { Contact } from '@crm/shared/domain';
import { IsEmail, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsMainlandPhone, IsNotBlank } from './validators';

export class ContactDto implements Contact {
  @ApiProperty({ example: '陈国强' })
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13857712345', description: 'Mainland mobile or landline with area code' })
  @IsMainlandPhone()
  phone!: string;

  @ApiPropertyOptional({ example: 'chen@example.com', nullable: true })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(100)
  email?: string | null;

  @ApiProperty({ example: '电气负责人' })
  @IsString()
  @IsNotBlank()
  @MaxLength(30)
  role!: string;
}
