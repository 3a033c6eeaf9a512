export * from './lib/monthly-report.routes';
