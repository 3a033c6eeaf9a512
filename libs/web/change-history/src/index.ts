export * from './lib/customer-tab';
export * from './lib/pages/change-history.page';
