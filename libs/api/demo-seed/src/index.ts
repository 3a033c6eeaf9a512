export * from './lib/demo-seed';
export { accountManagerIds } from './lib/demo-seed.repository';
export * from './lib/population';
export * from './lib/demo-plans.repository';
