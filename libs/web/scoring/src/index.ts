export * from './lib/scoring.api';
