export * from './lib/reference.module';
export * from './lib/reference-data';
