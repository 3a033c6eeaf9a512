export * from './lib/monthly-report.module';
export * from './lib/monthly-reports.service';
