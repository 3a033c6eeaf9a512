import { TimelineEntry } from '@crm/shared/domain';
import { timelineLines } from './timeline-text';

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key);
const entry = (type: string, data: Record<string, unknown>): TimelineEntry => ({
  at: '2026-11-25T02:00:00.000Z',
  type,
  actor: null,
  summary: 'the summary',
  data,
});

describe('timelineLines', () => {
  it('lists each changed field with its value before and after', () => {
    const lines = timelineLines(
      entry('updated', {
        changes: [
          { field: 'address', before: '旧地址', after: '新地址' },
          { field: 'tags', before: [], after: ['重点用户', '光伏'] },
          { field: 'contacts', before: [{ name: '李' }], after: [{ name: '王' }] },
        ],
      }),
      t,
    );
    expect(lines).toEqual([
      'customer.address: 旧地址 → 新地址',
      'customer.tags: — → 重点用户、光伏',
      'customer.contacts: 李 → 王',
    ]);
  });

  it('says who handed the customer to whom and why', () => {
    const lines = timelineLines(
      entry('handover', { from: { displayName: 'A' }, to: { displayName: 'B' }, reason: '调岗' }),
      t,
    );
    expect(lines).toEqual(['timeline.handover{"from":"A","to":"B","reason":"调岗"}']);
  });

  it('names a completed service task, its outcome and visit day in words, with the notes', () => {
    const lines = timelineLines(
      entry('task_completed', {
        kind: 'visit',
        outcome: 'follow_up_needed',
        visitedOn: '2026-11-20',
        notes: '温升偏高',
      }),
      t,
    );
    expect(lines).toEqual([
      'timeline.taskCompleted{"kind":"servicePlans.kind.visit","outcome":"servicePlans.outcomeName.follow_up_needed","visitedOn":"2026-11-20"}',
      '温升偏高',
    ]);
  });

  it('falls back to the summary for other entries', () => {
    expect(timelineLines(entry('application_step', {}), t)).toEqual(['the summary']);
  });
});
