export * from './lib/customer-tab';
