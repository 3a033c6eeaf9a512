export * from './lib/lifecycle.routes';
export * from './lib/components/customer-applications';
