import { ServiceTask } from '@crm/shared/domain';
import { overdueFirst, taskColour, taskDetail, tasksByDay } from './tasks';

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
  it("puts the overdue tasks first on the day's list, each part by due date", () => {
    const tasks = [
      task('a', '2026-06-02'),
      task('b', '2026-05-20', { overdue: true }),
      task('c', '2026-06-01'),
      task('d', '2026-04-20', { overdue: true }),
    ];
    expect(overdueFirst(tasks).map((t) => t.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(tasks.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
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
