import { GeneratedCustomer } from './customers.generator';
import { Random } from './random';

/** A planned outage's notice in the outbox, as the sender job left it. */
export interface GeneratedOutageNotice {
  recipient: string;
  body: string;
  state: 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Month, day and time in China, as the notice states them: 01月10日 08:00. */
function chinaTime(instant: Date): string {
  const c = new Date(instant.getTime() + 8 * HOUR).toISOString();
  return `${c.slice(5, 7)}月${c.slice(8, 10)}日 ${c.slice(11, 16)}`;
}

/**
 * The planned-outage notices of the last 60 days before `now` to an active customer's first contact: a few
 * customers had one, sent through the gateway; a few of those the gateway refused three times (failed).
 * Deterministic for a seed.
 */
export function generateOutageNotices(r: Random, customer: GeneratedCustomer, now: Date): GeneratedOutageNotice[] {
  if (customer.stage !== 'active' || !customer.contacts.length || !r.chance(0.05)) return [];
  const createdAt = new Date(now.getTime() - r.int(1, 60) * DAY - r.int(0, 8 * 60) * 60_000);
  // The outage is a day from 08:00 to 18:00 China time, 3 to 7 days after the notice.
  const day = new Date(createdAt.getTime() + r.int(3, 7) * DAY).toISOString().slice(0, 10);
  const startsAt = new Date(`${day}T08:00:00+08:00`);
  const endsAt = new Date(`${day}T18:00:00+08:00`);
  const reason = r.pick(['线路检修', '设备检修', '变电站改造', '配网工程施工']);
  const failed = r.chance(0.15);
  return [
    {
      recipient: customer.contacts[0].phone,
      body: `【供电服务】${customer.name}：因${reason}，计划于 ${chinaTime(startsAt)} 至 ${chinaTime(endsAt)} 停电，请提前做好准备。`,
      state: failed ? 'failed' : 'sent',
      attempts: failed ? 3 : 1,
      lastError: failed ? 'Error: the SMS gateway refused the message' : null,
      createdAt,
      sentAt: failed ? null : new Date(createdAt.getTime() + 60_000),
    },
  ];
}
