export * from './lib/service-plans.module';
export * from './lib/service-plans-sql';
export * from './lib/task-generation.service';
export * from './lib/tasks.service';
export * from './lib/plan-templates-reference.repository';
