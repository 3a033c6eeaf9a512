export * from './lib/lifecycle.module';
export * from './lib/sla-scan.service';
