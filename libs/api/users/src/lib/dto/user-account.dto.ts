import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES, UserAccount, UserAccountPage } from '@crm/shared/domain';

export class UserAccountDto implements UserAccount {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Customers (not closed) the user manages' }) customers!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UserAccountPageDto implements UserAccountPage {
  @ApiProperty({ type: [UserAccountDto] }) items!: UserAccountDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
