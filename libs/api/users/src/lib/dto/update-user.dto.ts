import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES, UserAccountChange } from '@crm/shared/domain';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class UpdateUserDto implements UserAccountChange {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'A new role ends the user’s sessions' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version that was read' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The account manager who takes over the customers of an account manager being deactivated or given another role (needed when they manage any)',
  })
  @IsOptional()
  @IsUUID()
  takeOverManagerId?: string;

  @ApiPropertyOptional({ description: 'Reason recorded on each customer’s timeline for the takeover' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  takeOverReason?: string;
}
