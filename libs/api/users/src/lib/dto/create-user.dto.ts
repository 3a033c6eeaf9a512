import { ApiProperty } from '@nestjs/swagger';
import { NewUserAccount, PASSWORD_MIN_LENGTH, Role, ROLES, USERNAME_PATTERN } from '@crm/shared/domain';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateUserDto implements NewUserAccount {
  @ApiProperty({ example: 'zhang.wei', description: '3 to 50 lowercase letters, digits, dots, dashes, underscores' })
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 3 to 50 lowercase letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: `At least ${PASSWORD_MIN_LENGTH} characters, not the username` })
  @IsString()
  @MaxLength(200)
  password!: string;
}
