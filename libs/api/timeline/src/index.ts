export * from './lib/timeline.module';
export * from './lib/timeline.service';
export * from './lib/timeline-sql';
