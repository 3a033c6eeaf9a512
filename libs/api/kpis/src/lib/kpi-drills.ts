import { KpiCode, KpiDrill, KpiFilter, kpiPeriodRange } from '@crm/shared/domain';

/** The scope's query of every drill (the lists' region and managerId filters). */
function scopeQuery(filter: KpiFilter): Record<string, string> {
  return {
    ...(filter.region === undefined ? {} : { region: filter.region }),
    ...(filter.managerId === undefined ? {} : { managerId: filter.managerId }),
  };
}

function drill(path: string, api: string, query: Record<string, string>, filter: KpiFilter): KpiDrill {
  return { path, api, query: { ...query, ...scopeQuery(filter) } };
}

/**
 * The list behind a KPI that counts records, for the period and scope: the web list `path` with `query` and the API
 * list `api` with the same query return as many records as the KPI's value (for the average working days, as its
 * denominator: every completed new connection of a customer at 10 kV and above, which all customers are, with its
 * commitment clock stopped; for complaints per 10,000, as its numerator, the complaints). Undefined for the KPIs that
 * count no records, and for customers_by_stage, whose drills are per stage (breakdownDrill).
 */
export function kpiDrill(code: KpiCode, period: string, filter: KpiFilter): KpiDrill | undefined {
  const { from, to } = kpiPeriodRange(period);
  switch (code) {
    case 'new_connections_completed':
    case 'hv_connection_working_days':
      return drill(
        '/applications',
        '/api/applications',
        { type: 'new_connection', status: 'completed', completedFrom: from, completedTo: to },
        filter,
      );
    case 'open_applications_overdue':
      return drill('/applications', '/api/applications', { status: 'open', sla: 'overdue' }, filter);
    case 'complaints_per_10k':
      return drill('/requests', '/api/requests', { type: 'complaint', from, to }, filter);
    case 'open_escalations':
      return drill('/requests', '/api/requests', { escalated: 'true', open: 'true' }, filter);
    case 'open_audit_findings':
      return drill('/marketing-audit', '/api/marketing-audit/findings', { pending: 'true' }, filter);
    case 'overdue_tasks':
      return drill('/tasks', '/api/service-tasks', { overdue: 'true' }, filter);
    case 'blacklisted_customers':
      return drill('/customers', '/api/customers', { inService: 'true', blacklisted: 'true' }, filter);
    case 'c_rated_customers':
      return drill('/customers', '/api/customers', { inService: 'true', creditRating: 'C' }, filter);
    default:
      return undefined;
  }
}

/** The list behind one entry of a KPI's breakdown (customers_by_stage: the customers of the stage). */
export function breakdownDrill(code: KpiCode, key: string, filter: KpiFilter): KpiDrill | undefined {
  if (code === 'customers_by_stage') return drill('/customers', '/api/customers', { stage: key }, filter);
  return undefined;
}
