export * from './lib/random';
export * from './lib/customers.generator';
