import { HttpCode, Post, Query } from '@nestjs/common';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import {
  ApiController,
  GetForAll,
  IdParam,
  OptionalBooleanQuery,
  OptionalText,
  PageQueryDto,
  Roles,
} from '@crm/api/http';
import { NotificationPage, ROLES } from '@crm/shared/domain';
import { NotificationsService } from './notifications.service';

export class NotificationQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('Only the unread ones (a resolved notification is not unread)')
  unread?: boolean;

  @OptionalText(60, 'Only those of this kind (e.g. sla_warning)')
  kind?: string;
}

/** The caller's own in-app notifications (rating and tier changes, and later tasks and SLA warnings). */
@ApiController('notifications', 'notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @GetForAll()
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto): Promise<NotificationPage> {
    return this.notifications.list(user.id, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ROLES)
  read(@CurrentUser() user: AuthUser, @IdParam('id') id: number): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }

  @Post('read-all')
  @HttpCode(204)
  @Roles(...ROLES)
  readAll(@CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markAllRead(user.id);
  }
}
