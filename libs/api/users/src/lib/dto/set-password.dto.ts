import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MIN_LENGTH } from '@crm/shared/domain';
import { IsString, MaxLength } from 'class-validator';

export class SetPasswordDto {
  @ApiProperty({ description: `At least ${PASSWORD_MIN_LENGTH} characters, not the username` })
  @IsString()
  @MaxLength(200)
  password!: string;
}
