import { ServiceTask } from '@crm/shared/domain';
import { daysOverdue, groupTasks, taskColour, taskDetail, tasksByDay } from './tasks';

function task(id: string, dueOn: string, changes: Partial<ServiceTask> = {}): ServiceTask {
  return {
    id,
    kind: 'visit',
    customer: { id: `c-${id}`, accountNo: '3300000001', name: `Customer ${id}` },
    manager: null,
    plan: null,
    trigger: null,
    period: dueOn.slice(0, 7),
    dueOn,
    visibleFrom: dueOn,
    state: 'open',
    overdue: false,
    summary: '',
    summaryCode: null,
    summaryParams: null,
    outcome: null,
    notes: null,
    visitedOn: null,
    completedAt: null,
    ...changes,
  };
}

describe('tasks', () => {
  it("groups the day's tasks as overdue, today and this week (to Sunday), each by due date", () => {
    // 2026-06-03 is a Wednesday: this week ends on Sunday 2026-06-07.
    const tasks = [
      task('a', '2026-06-07'),
      task('b', '2026-05-20', { overdue: true }),
      task('c', '2026-06-03'),
      task('d', '2026-04-20', { overdue: true }),
      task('e', '2026-06-04'),
    ];
    const groups = groupTasks(tasks, '2026-06-03');
    expect(groups.map((g) => [g.key, g.tasks.map((t) => t.id)])).toEqual([
      ['overdue', ['d', 'b']],
      ['today', ['c']],
      ['thisWeek', ['e', 'a']],
    ]);
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the three groups when empty, and adds the later one only for tasks due after this week', () => {
    expect(groupTasks([], '2026-06-07').map((g) => [g.key, g.tasks.length])).toEqual([
      ['overdue', 0],
      ['today', 0],
      ['thisWeek', 0],
    ]);
    // On a Sunday, Monday's task is due next week.
    const groups = groupTasks([task('a', '2026-06-08')], '2026-06-07');
    expect(groups.map((g) => [g.key, g.tasks.map((t) => t.id)])).toEqual([
      ['overdue', []],
      ['today', []],
      ['thisWeek', []],
      ['later', ['a']],
    ]);
  });

  it('groups tasks by due date, keeping their order within a day', () => {
    const days = tasksByDay([task('a', '2026-06-01'), task('b', '2026-06-03'), task('c', '2026-06-01')]);
    expect([...days.keys()]).toEqual(['2026-06-01', '2026-06-03']);
    expect(days.get('2026-06-01')?.map((t) => t.id)).toEqual(['a', 'c']);
    expect(days.get('2026-06-02')).toBeUndefined();
  });

  it('colours a task by its state, overdue red', () => {
    expect(taskColour({ state: 'open', overdue: true })).toBe('red');
    expect(taskColour({ state: 'open', overdue: false })).toBe('blue');
    expect(taskColour({ state: 'done', overdue: false })).toBe('green');
    expect(taskColour({ state: 'cancelled', overdue: false })).toBe('default');
  });

  it("shows a task's summary unless it only repeats the plan's name", () => {
    const plan = { id: 'p', name: 'VIP 年度服务计划' };
    const uncoded = { summaryCode: null, summaryParams: null };
    expect(taskDetail({ plan, summary: 'VIP 年度服务计划', ...uncoded })).toBeNull();
    expect(
      taskDetail({
        plan: null,
        summary: 'credit rating AA → B',
        summaryCode: 'trigger.ratingFall',
        summaryParams: { from: 'AA', to: 'B' },
      }),
    ).toEqual({ message: 'credit rating AA → B', code: 'trigger.ratingFall', params: { from: 'AA', to: 'B' } });
    expect(taskDetail({ plan, summary: '', ...uncoded })).toBeNull();
  });
});

describe('daysOverdue', () => {
  it('counts the calendar days an open task is past its due date, across months and years', () => {
    expect(daysOverdue(task('a', '2026-11-25'), '2026-11-26')).toBe(1);
    expect(daysOverdue(task('a', '2026-12-30'), '2027-01-02')).toBe(3);
    expect(daysOverdue(task('a', '2026-02-27'), '2026-03-01')).toBe(2);
  });

  it('is null for a task due today or later, or one no longer open', () => {
    expect(daysOverdue(task('a', '2026-11-26'), '2026-11-26')).toBeNull();
    expect(daysOverdue(task('a', '2026-12-01'), '2026-11-26')).toBeNull();
    expect(daysOverdue(task('a', '2026-11-01', { state: 'done' }), '2026-11-26')).toBeNull();
  });
});
