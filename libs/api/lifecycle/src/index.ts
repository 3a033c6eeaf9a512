export * from './lib/lifecycle.module';
export * from './lib/lifecycle-steps-reference.repository';
export { applicationsCopy, applicationStepsCopy } from './lib/applications.repository';
export { commitmentClockJoin, STEP_CLOCK, stepClockJoin } from './lib/lifecycle-clocks';
