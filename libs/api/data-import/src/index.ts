export * from './lib/data-import.module';
export * from './lib/import.service';
export * from './lib/import-rows.repository';
