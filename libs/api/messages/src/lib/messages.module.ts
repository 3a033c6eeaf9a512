import { Module } from '@nestjs/common';
import { CustomersModule } from '@crm/api/customers';
import { LoggingSender, MESSAGE_SENDER } from './message-sender';
import { MessagesController } from './messages.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** Messages to customers through the outbox; the sender is the logging one until a gateway is configured. */
@Module({
  imports: [CustomersModule],
  controllers: [MessagesController],
  providers: [OutboxService, OutboxRepository, { provide: MESSAGE_SENDER, useClass: LoggingSender }],
  exports: [OutboxService],
})
export class MessagesModule {}
