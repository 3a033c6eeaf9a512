export * from './lib/roles';
export * from './lib/vocabulary';
export * from './lib/api-types';
export * from './lib/errors';
