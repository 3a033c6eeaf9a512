export * from './lib/random';
export * from './lib/customers.generator';
export * from './lib/applications.generator';
export * from './lib/operational.generator';
export * from './lib/work-orders.generator';
export * from './lib/outage-notices.generator';
