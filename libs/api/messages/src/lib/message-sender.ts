import { Injectable, Logger } from '@nestjs/common';

export interface OutgoingMessage {
  channel: 'sms';
  recipient: string;
  body: string;
}

/** Delivers a message to a customer; throws when the gateway refuses it. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** The sender the outbox uses (MessagesModule binds it; a deployment binds its SMS gateway's). */
export const MESSAGE_SENDER = Symbol('MESSAGE_SENDER');

/** For development and the demo: writes each message to the log instead of sending it. */
@Injectable()
export class LoggingSender implements MessageSender {
  private readonly logger = new Logger('LoggingSender');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log(`${message.channel} to ${message.recipient}: ${message.body}`);
  }
}
