export * from './lib/work-orders.module';
export * from './lib/work-orders.service';
export * from './lib/work-orders-sql';
export * from './lib/work-order-view';
export * from './lib/work-orders-reference.repository';
