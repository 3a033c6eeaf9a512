export * from './lib/lifecycle.module';
export * from './lib/lifecycle-steps-reference.repository';
