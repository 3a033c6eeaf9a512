import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { NotFoundError } from '@crm/shared/domain';
import { JobsService } from '@crm/api/jobs';
import { DataSource, EntityManager } from 'typeorm';
import { MESSAGE_SENDER, MessageSender, OutgoingMessage } from './message-sender';

export const OUTBOX_JOB = 'outbox-send';

/** Tries before a message is given up as failed. */
export const MAX_ATTEMPTS = 3;

/** Messages sent per job run (the rest wait for the next minute). */
const BATCH = 100;

export interface CustomerMessage {
  id: number;
  kind: 'payment_reminder' | 'outage_notice';
  channel: 'sms';
  recipient: string;
  body: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/**
 * The outbox of messages to customers. Messages are queued in the transaction that decides them and
 * sent every minute by the job `outbox-send` through MESSAGE_SENDER; rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several API instances never send one twice.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
  ) {}

  onModuleInit(): void {
    this.jobs.every(OUTBOX_JOB, '* * * * *', () => this.sendPending());
  }

  async sendPending(): Promise<{ sent: number; failed: number }> {
    return this.dataSource.transaction(async (tx) => {
      const pending: (OutgoingMessage & { id: number; attempts: number })[] = await tx.query(
        `SELECT id, channel, recipient, body, attempts FROM outbox_messages WHERE state = 'pending'
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      let sent = 0;
      let failed = 0;
      for (const m of pending) {
        try {
          await this.sender.send({ channel: m.channel, recipient: m.recipient, body: m.body });
          await tx.query(
            `UPDATE outbox_messages SET state = 'sent', attempts = attempts + 1, sent_at = now() WHERE id = $1`,
            [m.id],
          );
          sent++;
        } catch (error) {
          const givenUp = m.attempts + 1 >= MAX_ATTEMPTS;
          await tx.query(
            `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, state = $3 WHERE id = $1`,
            [m.id, String(error), givenUp ? 'failed' : 'pending'],
          );
          if (givenUp) failed++;
        }
      }
      return { sent, failed };
    });
  }

  /**
   * A reminder to the first contact of each customer whose payment-reminder task shows today, for the
   * bill it is about while unpaid; once per task.
   */
  async queuePaymentReminders(tx: EntityManager, today: string): Promise<number> {
    const rows = await tx.query(
      `INSERT INTO outbox_messages (customer_id, kind, recipient, body, task_id)
       SELECT t.customer_id, 'payment_reminder', k.phone,
              format('【供电服务】%s：您 %s 的电费 %s 元将于 %s 到期，请及时缴纳。', c.name,
                     to_char(b.period, 'YYYY"年"MM"月"'), b.amount - b.paid_amount, to_char(b.due_date, 'MM"月"DD"日"')),
              t.id
         FROM service_tasks t
         JOIN customers c ON c.id = t.customer_id
         JOIN customer_contacts k ON k.customer_id = t.customer_id AND k.position = 0
         JOIN bills b ON b.customer_id = t.customer_id AND to_char(b.period, 'YYYY-MM') = t.period
        WHERE t.kind = 'payment_reminder' AND t.state = 'open' AND t.visible_from <= $1::date
          AND b.paid_amount < b.amount
       ON CONFLICT (task_id) DO NOTHING
       RETURNING id`,
      [today],
    );
    return rows.length;
  }

  /**
   * A planned outage's notice to the first contact of each of the customers. Every customer must be
   * the caller's to see: one that is not (or does not exist) is a 404 and nothing is queued.
   */
  async queueOutageNotices(
    scope: DataScope,
    customerIds: string[],
    notice: { startsAt: string; endsAt: string; reason: string },
  ): Promise<number> {
    const visibleParams: unknown[] = [customerIds];
    const visible: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM customers c WHERE id = ANY($1::uuid[]) AND ${scope.sql('c.account_manager_id', visibleParams)}`,
      visibleParams,
    );
    const missing = [...new Set(customerIds)].filter((id) => !visible.some((v) => v.id === id));
    if (missing.length) throw new NotFoundError('Customer', missing.join(', '));
    const params: unknown[] = [customerIds, notice.startsAt, notice.endsAt, notice.reason];
    const rows = await this.dataSource.query(
      `INSERT INTO outbox_messages (customer_id, kind, recipient, body)
       SELECT c.id, 'outage_notice', k.phone,
              format('【供电服务】%s：因%s，计划于 %s 至 %s 停电，请提前做好准备。', c.name, $4::text,
                     to_char($2::timestamptz AT TIME ZONE 'Asia/Shanghai', 'MM"月"DD"日" HH24:MI'),
                     to_char($3::timestamptz AT TIME ZONE 'Asia/Shanghai', 'MM"月"DD"日" HH24:MI'))
         FROM customers c JOIN customer_contacts k ON k.customer_id = c.id AND k.position = 0
        WHERE c.id = ANY($1::uuid[]) AND ${scope.sql('c.account_manager_id', params)}
       RETURNING id`,
      params,
    );
    return rows.length;
  }

  async ofCustomer(customerId: string): Promise<CustomerMessage[]> {
    const rows = await this.dataSource.query(
      `SELECT id, kind, channel, recipient, body, state, attempts, last_error, created_at, sent_at
         FROM outbox_messages WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [customerId],
    );
    return rows.map((r: Record<string, never>) => ({
      id: Number(r['id']),
      kind: r['kind'],
      channel: r['channel'],
      recipient: r['recipient'],
      body: r['body'],
      state: r['state'],
      attempts: r['attempts'],
      lastError: r['last_error'],
      createdAt: (r['created_at'] as Date).toISOString(),
      sentAt: r['sent_at'] ? (r['sent_at'] as Date).toISOString() : null,
    }));
  }
}
