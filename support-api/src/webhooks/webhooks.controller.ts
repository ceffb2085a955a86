import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Permission } from '@quimbi/contracts';

import { Authorize } from '../common/authorize.decorator';
import { WebhookOutbox } from './webhook-outbox.service';
import { DeliveriesQuery, DeliveriesView, DeliveryView } from './webhooks.dto';

@ApiTags('ops')
@Controller('api/ops/webhooks')
export class WebhooksController {
  constructor(private readonly outbox: WebhookOutbox) {}

  @Get()
  @Authorize(Permission.OpsRun)
  @ApiOkResponse({
    type: DeliveriesView,
    description: 'Outbound SLA webhook: whether configured, counts per status, recent deliveries',
  })
  list(@Query() query: DeliveriesQuery): Promise<DeliveriesView> {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authorize(Permission.OpsRun)
  @ApiOkResponse({ type: DeliveryView, description: 'The delivery, pending again' })
  @ApiNotFoundResponse({ description: 'No such delivery' })
  @ApiConflictResponse({ description: 'The delivery has not failed' })
  retry(@Param('id') id: string): Promise<DeliveryView> {
    return this.outbox.retry(id);
  }
}
