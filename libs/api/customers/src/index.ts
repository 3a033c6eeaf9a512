export * from './lib/customers.module';
export * from './lib/customers.service';
export * from './lib/customers-sql';
export type { ApplicationChange, CustomerLifecycleFields } from './lib/customers.repository';
