export * from './lib/audit-log.page';
