export * from './lib/pages/change-history.page';
