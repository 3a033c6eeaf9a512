export * from './lib/demo-seed';
export * from './lib/population';
export * from './lib/demo-plans';
