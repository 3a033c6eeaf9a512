export * from './lib/pages/users.page';
