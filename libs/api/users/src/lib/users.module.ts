import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { OwnershipModule } from '@crm/api/ownership';
import { UserAccountsService } from './user-accounts.service';
import { UsersController } from './users.controller';

/** The users administration (admins): list, create, change, deactivate, reset a password. */
@Module({
  imports: [OwnershipModule, ChangeHistoryModule],
  controllers: [UsersController],
  providers: [UserAccountsService],
})
export class UsersModule {}
