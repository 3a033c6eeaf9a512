export * from './lib/ownership.module';
export * from './lib/ownership.service';
