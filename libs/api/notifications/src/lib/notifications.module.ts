import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** In-app notifications of each user. Jobs write them set-wise in SQL; users read and dismiss their own. */
@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}
