import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES, UserSummary } from '@crm/shared/domain';

export class UserDto implements UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}
