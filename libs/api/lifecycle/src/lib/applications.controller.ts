import { Body, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, PostAction, Roles, UuidParam } from '@crm/api/http';
import { ApplicationListItem, ApplicationView, Page, ROLES_WORKING_APPLICATIONS } from '@crm/shared/domain';
import { ApplicationsService } from './applications.service';
import { AdvanceApplicationDto, CancelApplicationDto } from './dto/advance-application.dto';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { ApplicationViewDto } from './dto/application-view.dto';
import { CreateApplicationDto } from './dto/create-application.dto';

@ApiController('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('customers/:id/applications')
  @Roles(...ROLES_WORKING_APPLICATIONS)
  @ApiCreatedResponse({ type: ApplicationViewDto })
  @ApiConflictResponse({ description: 'The customer may not start this application now (the message says why)' })
  create(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') customerId: string,
    @Body() body: CreateApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.create(user, customerId, body);
  }

  @GetForAll('applications')
  @ApiOkResponse({ description: 'Open ones first, most urgent first' })
  list(@Scope() scope: DataScope, @Query() query: ApplicationQueryDto): Promise<Page<ApplicationListItem>> {
    return this.applications.list(scope, query);
  }

  @GetForAll('applications/:id')
  @ApiOkResponse({ type: ApplicationViewDto })
  @ApiNotFoundResponse({ description: 'No such application, or not yours' })
  get(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<ApplicationView> {
    return this.applications.get(scope, id);
  }

  @PostAction('applications/:id/advance', ...ROLES_WORKING_APPLICATIONS)
  @ApiOkResponse({ type: ApplicationViewDto })
  @ApiConflictResponse({ description: 'Finished, cancelled, or being changed by someone else right now' })
  advance(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: AdvanceApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.advance(user, id, body);
  }

  @PostAction('applications/:id/cancel', ...ROLES_WORKING_APPLICATIONS)
  @ApiOkResponse({ type: ApplicationViewDto })
  cancel(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CancelApplicationDto,
  ): Promise<ApplicationView> {
    return this.applications.cancel(user, id, body.reason);
  }
}
