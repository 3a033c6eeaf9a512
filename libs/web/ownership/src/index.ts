export * from './lib/workload.page';
