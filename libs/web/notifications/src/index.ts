export * from './lib/notification-bell';
export * from './lib/notification-text';
