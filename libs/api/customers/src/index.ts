export * from './lib/customers.module';
export * from './lib/customers.service';
export * from './lib/customers-sql';
export type { ApplicationChange, CustomerLifecycleFields } from './lib/customers.repository';
export { customerPageStatement } from './lib/customers.repository';
export type { CustomerQueryDto } from './lib/dto/customer-query.dto';
