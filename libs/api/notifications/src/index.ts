export * from './lib/notifications.module';
export * from './lib/notifications.service';
export * from './lib/notifications-sql';
