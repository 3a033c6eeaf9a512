export * from './customer-tab';
