export * from './lib/data-import.module';
export * from './lib/import.service';
export * from './lib/import-rows.repository';
export { billsCopy, consumptionCopy, paymentsCopy } from './lib/import-kinds';
