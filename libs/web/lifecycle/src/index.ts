export * from './lib/lifecycle.routes';
export * from './lib/components/customer-applications';
export * from './lib/components/calendar-reminder';
