export * from './lib/roles';
export * from './lib/vocabulary';
export * from './lib/api-types';
export * from './lib/errors';
export * from './lib/credit-code';
export * from './lib/phone';
export * from './lib/customer';
