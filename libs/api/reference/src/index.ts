export * from './lib/reference.module';
export * from './lib/reference-data';
export * from './lib/industry.entity';
export * from './lib/calendar-data';
export * from './lib/work-orders-reference.repository';
