export * from './lib/service-quality.page';
