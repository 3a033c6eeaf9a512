import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQueryDto } from '@crm/api/http';
import { Role, ROLES, USER_SORTS } from '@crm/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username or display name' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: Boolean })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: USER_SORTS, default: 'username' })
  @IsOmittable()
  @IsIn(USER_SORTS)
  sort = 'username';
}
