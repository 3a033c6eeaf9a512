export * from './lib/messages.module';
export * from './lib/message-sender';
export * from './lib/outbox.service';
export { outboxMessagesCopy } from './lib/outbox.repository';
