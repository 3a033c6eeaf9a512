export * from './lib/scoring.module';
export * from './lib/scoring-run.service';
export { RUN_WORK_MEM } from './lib/scoring-runs.repository';
export * from './lib/scoring-sql';
export * from './lib/metrics-refresh.service';
export * from './lib/scoring-models-reference.repository';
