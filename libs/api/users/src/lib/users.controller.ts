import { Body, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { ApiController, Roles, UuidParam } from '@crm/api/http';
import { CreateUserDto } from './dto/create-user.dto';
import { SetPasswordDto } from './dto/set-password.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserAccountDto, UserAccountPageDto } from './dto/user-account.dto';
import { UserQueryDto } from './dto/user-query.dto';
import { UserAccountsService } from './user-accounts.service';

@ApiController('users', 'users')
@Roles('admin')
export class UsersController {
  constructor(private readonly accounts: UserAccountsService) {}

  @Get()
  @ApiOkResponse({ type: UserAccountPageDto })
  list(@Query() query: UserQueryDto): Promise<UserAccountPageDto> {
    return this.accounts.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserAccountDto })
  @ApiConflictResponse({ description: 'The username is taken' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<UserAccountDto> {
    return this.accounts.create(actor, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserAccountDto })
  @ApiConflictResponse({
    description: 'Stale version, a change to oneself, or an account manager with customers and no takeOverManagerId',
  })
  update(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserAccountDto> {
    return this.accounts.update(actor, id, body);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOkResponse({ type: UserAccountDto })
  setPassword(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: SetPasswordDto,
  ): Promise<UserAccountDto> {
    return this.accounts.setPassword(actor, id, body.password);
  }
}
