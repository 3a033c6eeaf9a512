import { ServiceTask } from '@crm/shared/domain';
import { CodedText } from '@crm/web/core';

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
