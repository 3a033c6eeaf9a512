export * from './lib/scoring.api';
export * from './lib/scoring.routes';
export { fieldLabelKey } from './lib/model-form';
