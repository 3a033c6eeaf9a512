export * from './lib/service-plans.api';
export * from './lib/service-plans.routes';
export * from './lib/components/segment-plan-enrol';
