export * from './lib/work-orders.routes';
export * from './lib/components/requests-due';
