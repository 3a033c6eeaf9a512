export * from './lib/lifecycle.routes';
export * from './lib/customer-tab';
