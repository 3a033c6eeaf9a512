import { Injectable } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { Db, execute, Params, query } from '@crm/api/database';
import { DataSource } from 'typeorm';
import { OutgoingMessage } from './message-sender';

/** A pending message as the sender needs it, with how often it has been tried. */
export interface PendingMessageRow extends OutgoingMessage {
  id: number;
  attempts: number;
}

/** A message of a customer's outbox (its bigint id as text). */
export interface OutboxMessageRow {
  id: string;
  kind: 'payment_reminder' | 'outage_notice';
  channel: 'sms';
  recipient: string;
  body: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The outbox as a bulk load writes it (the demo population's messages already sent or given up). */
export const outboxMessagesCopy = `COPY outbox_messages (customer_id, kind, channel, recipient, body, state, attempts, last_error,
                       created_at, sent_at) FROM STDIN (FORMAT csv)`;

/** The rows of outbox_messages: queued set-wise, claimed and marked by the sender job, listed per customer. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` pending messages, oldest first, locked until `tx` ends; rows another transaction holds
   * are skipped, so several API instances never claim one message twice.
   */
  claimPending(tx: Db, limit: number): Promise<PendingMessageRow[]> {
    return query<PendingMessageRow>(
      tx,
      `SELECT id, channel, recipient, body, attempts FROM outbox_messages WHERE state = 'pending'
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(tx: Db, id: number): Promise<void> {
    await execute(
      tx,
      `UPDATE outbox_messages SET state = 'sent', attempts = attempts + 1, sent_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Counts a failed try; the message stays pending unless `givenUp`. */
  async markFailedTry(tx: Db, id: number, error: string, givenUp: boolean): Promise<void> {
    await execute(tx, `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, state = $3 WHERE id = $1`, [
      id,
      error,
      givenUp ? 'failed' : 'pending',
    ]);
  }

  /**
   * Queues a reminder to the first contact of each customer whose payment-reminder task shows on `today`,
   * for the bill it is about while unpaid; once per task. Returns how many were queued.
   */
  insertPaymentReminders(tx: Db, today: string): Promise<number> {
    return execute(
      tx,
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
       ON CONFLICT (task_id) DO NOTHING`,
      [today],
    );
  }

  /** Which of the customers exist and are within the caller's scope. */
  async visibleCustomerIds(scope: DataScope, customerIds: string[]): Promise<string[]> {
    const params = new Params(customerIds);
    const rows = await query<{ id: string }>(
      this.dataSource,
      `SELECT id FROM customers c WHERE id = ANY($1::uuid[]) AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Queues a planned outage's notice to the first contact of each customer in scope; returns how many. */
  insertOutageNotices(
    scope: DataScope,
    customerIds: string[],
    notice: { startsAt: string; endsAt: string; reason: string },
  ): Promise<number> {
    const params = new Params(customerIds, notice.startsAt, notice.endsAt, notice.reason);
    return execute(
      this.dataSource,
      `INSERT INTO outbox_messages (customer_id, kind, recipient, body)
       SELECT c.id, 'outage_notice', k.phone,
              format('【供电服务】%s：因%s，计划于 %s 至 %s 停电，请提前做好准备。', c.name, $4::text,
                     to_char($2::timestamptz AT TIME ZONE 'Asia/Shanghai', 'MM"月"DD"日" HH24:MI'),
                     to_char($3::timestamptz AT TIME ZONE 'Asia/Shanghai', 'MM"月"DD"日" HH24:MI'))
         FROM customers c JOIN customer_contacts k ON k.customer_id = c.id AND k.position = 0
        WHERE c.id = ANY($1::uuid[]) AND ${scope.sql('c.account_manager_id', params)}`,
      params,
    );
  }

  /** The customer's latest 100 messages, newest first. */
  ofCustomer(customerId: string): Promise<OutboxMessageRow[]> {
    return query<OutboxMessageRow>(
      this.dataSource,
      `SELECT id, kind, channel, recipient, body, state, attempts, last_error AS "lastError", created_at AS "createdAt",
              sent_at AS "sentAt"
         FROM outbox_messages WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 100`,
      [customerId],
    );
  }
}
