import { TimelineEntry } from '@crm/shared/domain';

type Translate = (key: string, params?: Record<string, unknown>) => string;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return (
      value
        .map((v) => (typeof v === 'object' && v ? ((v as { name?: string }).name ?? JSON.stringify(v)) : String(v)))
        .join('、') || '—'
    );
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The lines that describe a timeline entry in the user's language; entries of unknown types show their summary. */
export function timelineLines(entry: TimelineEntry, t: Translate): string[] {
  const data = entry.data as Record<string, unknown>;
  switch (entry.type) {
    case 'created':
      return [t('timeline.created')];
    case 'updated': {
      const changes = (data['changes'] as { field: string; before: unknown; after: unknown }[]) ?? [];
      return changes.map((c) => `${t('customer.' + c.field)}: ${show(c.before)} → ${show(c.after)}`);
    }
    case 'handover': {
      const from = (data['from'] as { displayName?: string } | null)?.displayName ?? '—';
      const to = (data['to'] as { displayName?: string } | null)?.displayName ?? '—';
      return [t('timeline.handover', { from, to, reason: data['reason'] })];
    }
    case 'task_completed':
      return [
        t('timeline.taskCompleted', {
          kind: t('servicePlans.kind.' + data['kind']),
          outcome: t('servicePlans.outcomeName.' + data['outcome']),
          visitedOn: data['visitedOn'],
        }),
        ...(data['notes'] ? [String(data['notes'])] : []),
      ];
    default:
      return [entry.summary];
  }
}
