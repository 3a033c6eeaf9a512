import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalIn } from '@crm/api/http';
import { Role, ROLES, UserAccountChange } from '@crm/shared/domain';
import { IsBoolean, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class UpdateUserDto implements UserAccountChange {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @OptionalIn(ROLES, { description: 'A new role ends the user’s sessions' })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions at once' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version that was read' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The account manager who takes over the customers of an account manager being deactivated or given another role (needed when they manage any)',
  })
  @IsOmittable()
  @IsUUID()
  takeOverManagerId?: string;

  @ApiPropertyOptional({ description: 'Reason recorded on each customer’s timeline for the takeover' })
  @IsOmittable()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  takeOverReason?: string;
}
