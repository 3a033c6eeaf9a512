/**
 * The set-wise enrolment writer: enrols each row of `source` (a sub-query with the columns template_id,
 * customer_id, segment_id, enrolled_on, ends_on, created_by) unless the customer runs that plan already.
 * Append `RETURNING id` for the new enrolments.
 */
export function enrolmentsInsertFrom(source: string): string {
  return `INSERT INTO plan_enrolments (template_id, customer_id, segment_id, enrolled_on, ends_on, created_by)
          SELECT n.template_id, n.customer_id, n.segment_id, n.enrolled_on, n.ends_on, n.created_by FROM ${source} n
          ON CONFLICT (template_id, customer_id) WHERE unenrolled_on IS NULL DO NOTHING`;
}

/**
 * The set-wise task completion: marks done each task of `source` (a sub-query with the columns id, outcome,
 * notes, visited_on, completed_at, completed_by) that is still open. Append `RETURNING t.…` for the tasks done.
 */
export function tasksDoneFrom(source: string): string {
  return `UPDATE service_tasks t SET state = 'done', outcome = d.outcome, notes = d.notes, visited_on = d.visited_on,
                 completed_at = d.completed_at, completed_by = d.completed_by
            FROM ${source} d
           WHERE t.id = d.id AND t.state = 'open'`;
}
