export * from './lib/notification-bell';
