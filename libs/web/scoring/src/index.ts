export * from './lib/scoring.api';
export * from './lib/scoring.routes';
export * from './lib/customer-tab';
export { fieldLabelKey } from './lib/model-form';
