export * from './lib/lifecycle.routes';
