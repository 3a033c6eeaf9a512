export * from './lib/scoring.api';
export * from './lib/scoring.routes';
export * from './lib/components/customer-scores';
export { fieldLabelKey } from './lib/model-form';
