export * from './lib/ownership.module';
