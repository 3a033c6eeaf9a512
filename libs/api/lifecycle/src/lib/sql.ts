import { chinaDateSql, TODAY_CN } from '@crm/api/database';

/** SLA of a step row `s` (columns due_date, warning_date, completed_at), as slaFromDeadlines computes it. */
export const STEP_SLA = `CASE
    WHEN s.due_date IS NULL THEN 'on_time'
    WHEN s.completed_at IS NOT NULL THEN CASE WHEN ${chinaDateSql('s.completed_at')} > s.due_date THEN 'overdue' ELSE 'on_time' END
    WHEN ${TODAY_CN} > s.due_date THEN 'overdue'
    WHEN ${TODAY_CN} >= s.warning_date THEN 'warning'
    ELSE 'on_time' END`;
