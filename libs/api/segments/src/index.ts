export * from './lib/segments.module';
export * from './lib/segment-members.repository';
export * from './lib/segment-snapshots.service';
export * from './lib/segment-sql';
export * from './lib/segment-facts.repository';
