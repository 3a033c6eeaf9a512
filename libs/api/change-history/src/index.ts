export * from './lib/change-history.module';
export * from './lib/change-history.service';
export * from './lib/change-history-sql';
