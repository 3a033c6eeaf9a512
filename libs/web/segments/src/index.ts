export * from './lib/segments.api';
export * from './lib/segments.routes';
