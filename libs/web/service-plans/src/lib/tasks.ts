import { ServiceTask } from '@crm/shared/domain';

/** The day's list: overdue tasks first, then by due date (the API's order is kept otherwise). */
export function overdueFirst(tasks: readonly ServiceTask[]): ServiceTask[] {
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
}

/** Tasks by their due date, for a calendar; each day's tasks in the order given. */
export function tasksByDay(tasks: readonly ServiceTask[]): Map<string, ServiceTask[]> {
  const days = new Map<string, ServiceTask[]>();
  for (const task of tasks) {
    const day = days.get(task.dueOn);
    if (day) day.push(task);
    else days.set(task.dueOn, [task]);
  }
  return days;
}

/** The colour a task is shown in: overdue red, open blue, done green, cancelled grey. */
export function taskColour(task: Pick<ServiceTask, 'state' | 'overdue'>): 'red' | 'blue' | 'green' | 'default' {
  if (task.overdue) return 'red';
  return task.state === 'open' ? 'blue' : task.state === 'done' ? 'green' : 'default';
}

/** What the task's summary adds to its source: nothing when it only repeats the plan's name. */
export function taskDetail(task: Pick<ServiceTask, 'summary' | 'plan'>): string | null {
  return task.summary && task.summary !== task.plan?.name ? task.summary : null;
}

/** Calendar days an open task is past its due date on the China date `today` (YYYY-MM-DD); null when it is not. */
export function daysOverdue(task: Pick<ServiceTask, 'state' | 'dueOn'>, today: string): number | null {
  if (task.state !== 'open' || task.dueOn >= today) return null;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.dueOn}T00:00:00Z`)) / 86_400_000);
}
