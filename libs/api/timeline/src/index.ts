export * from './lib/timeline.module';
export * from './lib/timeline.service';
