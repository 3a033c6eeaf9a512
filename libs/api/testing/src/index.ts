export * from './lib/test-app';
export * from './lib/customer-fixtures';
