import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { IdParam, IsOmittable, PageQueryDto, Roles } from '@crm/api/http';
import { Notification, NotificationPage, ROLES } from '@crm/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { DataSource } from 'typeorm';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

function toNotification(r: Record<string, unknown>): Notification {
  return {
    id: Number(r['id']),
    kind: r['kind'] as string,
    summary: r['summary'] as string,
    customerId: (r['customer_id'] as string | null) ?? null,
    data: r['data'] as Record<string, unknown>,
    createdAt: (r['created_at'] as Date).toISOString(),
    read: r['read_at'] !== null,
  };
}

/** The caller's own in-app notifications (rating and tier changes, and later tasks and SLA warnings). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...ROLES)
  async list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto): Promise<NotificationPage> {
    const unread = query.unread ? 'AND read_at IS NULL' : '';
    const [{ total, unread: unreadCount }] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE TRUE ${unread})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [user.id],
    );
    const rows = await this.dataSource.query(
      `SELECT * FROM notifications WHERE user_id = $1 ${unread} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [user.id, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toNotification), total, unread: unreadCount, page: query.page, pageSize: query.pageSize };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ROLES)
  async read(@CurrentUser() user: AuthUser, @IdParam('id') id: number): Promise<void> {
    await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
      [id, user.id],
    );
  }

  @Post('read-all')
  @HttpCode(204)
  @Roles(...ROLES)
  async readAll(@CurrentUser() user: AuthUser): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
      user.id,
    ]);
  }
}
