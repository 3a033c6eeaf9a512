export * from './lib/time-limits.module';
export * from './lib/time-limits.service';
export * from './lib/time-limits.repository';
export * from './lib/clock-scan.service';
export * from './lib/clock-sql';
