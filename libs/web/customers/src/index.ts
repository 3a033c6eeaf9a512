export * from './lib/customers.routes';
