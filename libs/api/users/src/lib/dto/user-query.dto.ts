import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@crm/api/http';
import { Role, ROLES, USER_SORTS } from '@crm/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: USER_SORTS, default: 'username' })
  @IsOptional()
  @IsIn(USER_SORTS)
  sort = 'username';
}
