export * from './lib/embedded-database';
export * from './lib/embedded-supervisor';
export * from './lib/database.module';
export * from './lib/health.controller';
export * from './lib/migrate';
export * from './lib/sql';
export * from './lib/export-streams';
export * from './lib/query';
