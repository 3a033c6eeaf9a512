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

  /** Logs never carry a customer's phone number or what was said to them: the number masked, the text's length. */
  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log(`${message.channel} to ${maskPhone(message.recipient)}: ${[...message.body].length} characters`);
  }
}

/** `13857712345` → `138****2345`: enough to tell messages apart in a log, not enough to call anyone. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
