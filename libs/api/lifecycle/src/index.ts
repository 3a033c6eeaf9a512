export * from './lib/lifecycle.module';
