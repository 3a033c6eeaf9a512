export * from './lib/users.module';
