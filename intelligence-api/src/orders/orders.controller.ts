import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';

import { IngestOrdersDto, MAX_ORDERS_PER_BATCH } from './orders.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiSecurity('api-key')
@Controller('api/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    description:
      `Stores up to ${MAX_ORDERS_PER_BATCH} orders. Idempotent by order id (duplicates are counted, not stored ` +
      'again); customers are upserted. Each refused row is listed with its index and field errors ' +
      '(negative amounts, dates in the future, a currency different from the customer’s, …) while the good ' +
      'rows are stored: `{ accepted, duplicates, rejected: [{ index, order_id, errors: [{ field, message }] }] }`',
  })
  @ApiBadRequestResponse({ description: 'The envelope itself is wrong (no `orders` array, more than 1,000 orders)' })
  async ingest(@Body() body: IngestOrdersDto) {
    const { accepted, duplicates, rejected } = await this.orders.ingest(body.orders, { source: 'api' });
    return { accepted, duplicates, rejected };
  }
}
