export * from './lib/error-details';
export * from './lib/test-app';
export * from './lib/customer-fixtures';
export * from './lib/work-order-fixtures.repository';
export * from './lib/china-time';
export * from './lib/csv-files';
