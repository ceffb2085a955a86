import { Module } from '@nestjs/common';

import { WebhookOutbox } from './webhook-outbox.service';
import { WebhooksController } from './webhooks.controller';

/** Outbound webhooks (SLA warnings and breaches): the outbox, its delivery job, ops endpoints. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhookOutbox],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
