export * from './lib/components/customer-history';
export * from './lib/pages/change-history.page';
