import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataScope } from '@crm/api/auth';
import { NotFoundError } from '@crm/shared/domain';
import { JobsService } from '@crm/api/jobs';
import { DataSource, EntityManager } from 'typeorm';
import { MESSAGE_SENDER, MessageSender } from './message-sender';
import { OutboxMessageRow, OutboxRepository } from './outbox.repository';

export const OUTBOX_JOB = 'outbox-send';

/** Tries before a message is given up as failed. */
export const MAX_ATTEMPTS = 3;

/** Messages sent per job run (the rest wait for the next minute). */
const BATCH = 100;

/** A message of a customer's outbox as the API answers it. */
export interface CustomerMessage extends Omit<OutboxMessageRow, 'id' | 'createdAt' | 'sentAt'> {
  id: number;
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
    // Nest injects it; a test that builds the service with its own sender gets one over the same DataSource.
    private readonly outbox: OutboxRepository = new OutboxRepository(dataSource),
  ) {}

  onModuleInit(): void {
    this.jobs.every(OUTBOX_JOB, '* * * * *', () => this.sendPending());
  }

  async sendPending(): Promise<{ sent: number; failed: number }> {
    return this.dataSource.transaction(async (tx) => {
      const pending = await this.outbox.claimPending(tx, BATCH);
      let sent = 0;
      let failed = 0;
      for (const m of pending) {
        try {
          await this.sender.send({ channel: m.channel, recipient: m.recipient, body: m.body });
          await this.outbox.markSent(tx, m.id);
          sent++;
        } catch (error) {
          const givenUp = m.attempts + 1 >= MAX_ATTEMPTS;
          await this.outbox.markFailedTry(tx, m.id, String(error), givenUp);
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
  queuePaymentReminders(tx: EntityManager, today: string): Promise<number> {
    return this.outbox.insertPaymentReminders(tx, today);
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
    const visible = await this.outbox.visibleCustomerIds(scope, customerIds);
    const missing = [...new Set(customerIds)].filter((id) => !visible.includes(id));
    if (missing.length) throw new NotFoundError('Customer', missing.join(', '));
    return this.outbox.insertOutageNotices(scope, customerIds, notice);
  }

  async ofCustomer(customerId: string): Promise<CustomerMessage[]> {
    const rows = await this.outbox.ofCustomer(customerId);
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    }));
  }
}
