import { ServiceTask } from '@crm/shared/domain';
import { CodedText } from '@crm/shared/domain';
import { weekOf } from './dates';

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

/**
 * What the task's summary adds to its source, as a coded text (an event's reason by its message code, shown
 * with the `message` pipe): nothing when it only repeats the plan's name.
 */
export function taskDetail(
  task: Pick<ServiceTask, 'summary' | 'summaryCode' | 'summaryParams' | 'plan'>,
): CodedText | null {
  return task.summary && task.summary !== task.plan?.name
    ? { message: task.summary, code: task.summaryCode, params: task.summaryParams }
    : null;
}

/** Calendar days an open task is past its due date on the China date `today` (YYYY-MM-DD); null when it is not. */
export function daysOverdue(task: Pick<ServiceTask, 'state' | 'dueOn'>, today: string): number | null {
  if (task.state !== 'open' || task.dueOn >= today) return null;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.dueOn}T00:00:00Z`)) / 86_400_000);
}

/** My day's groups of open tasks: overdue, due today, due the rest of this week (to Sunday), due later. */
export type TaskGroupKey = 'overdue' | 'today' | 'thisWeek' | 'later';

export interface TaskGroup {
  key: TaskGroupKey;
  tasks: ServiceTask[];
}

/**
 * The day's open tasks by when they are due, as of `today` (China's date), each group by due date: overdue, today and
 * this week always (each shows its count, even 0), later only when it has tasks.
 */
export function groupTasks(tasks: readonly ServiceTask[], today: string): TaskGroup[] {
  const endOfWeek = weekOf(today).to;
  const keyOf = (t: ServiceTask): TaskGroupKey =>
    t.dueOn < today ? 'overdue' : t.dueOn === today ? 'today' : t.dueOn <= endOfWeek ? 'thisWeek' : 'later';
  const sorted = [...tasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const groups: TaskGroup[] = (['overdue', 'today', 'thisWeek', 'later'] as const).map((key) => ({
    key,
    tasks: sorted.filter((t) => keyOf(t) === key),
  }));
  return groups.filter((g) => g.key !== 'later' || g.tasks.length > 0);
}
