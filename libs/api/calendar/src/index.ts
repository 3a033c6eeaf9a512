export * from './lib/calendar.module';
export * from './lib/calendar.service';
