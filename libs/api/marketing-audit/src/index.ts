export * from './lib/marketing-audit.module';
