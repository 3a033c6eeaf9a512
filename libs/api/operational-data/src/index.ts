export * from './lib/operational-data.module';
