export * from './lib/kpis.module';
export * from './lib/kpis.service';
export { allScopes, KPI_FIGURES } from './lib/figures';
export { KPI_WORK_MEM, kpiValueSql } from './lib/kpi-figures.repository';
