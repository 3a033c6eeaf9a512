import { KpiCode } from '@crm/shared/domain';
import { AUDIT_FIGURES } from './audit';
import { CONNECTION_FIGURES } from './connections';
import { CREDIT_FIGURES } from './credit';
import { CUSTOMER_FIGURES } from './customers';
import { KpiFigure } from './kpi-figure';
import { REVENUE_FIGURES } from './revenue';
import { SERVICE_PLAN_FIGURES } from './service-plans';
import { SERVICE_QUALITY_FIGURES } from './service-quality';

export * from './kpi-figure';
export { IN_SERVICE_STAGES } from './customers';

/** Every KPI's SQL, by code (each section's file defines what its KPIs count; a figure of several KPIs under each). */
export const KPI_FIGURES: Record<KpiCode, KpiFigure> = Object.fromEntries(
  [
    ...CUSTOMER_FIGURES,
    ...CONNECTION_FIGURES,
    ...SERVICE_QUALITY_FIGURES,
    ...AUDIT_FIGURES,
    ...SERVICE_PLAN_FIGURES,
    ...CREDIT_FIGURES,
    ...REVENUE_FIGURES,
  ].flatMap((f) => (f.together ?? [f.code]).map((code) => [code, f])),
) as Record<KpiCode, KpiFigure>;
