export * from './lib/customer-behaviour';
