import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { hasPermission, Permission } from '@quimbi/contracts';
import { NotFoundError } from '@quimbi/server-kit';

import { AuthAgent, Authorize, CurrentAgent } from '../common/authorize.decorator';
import { CustomerEntity } from '../database/entities';

interface TicketRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  detected_intent: string | null;
  created_at: Date;
  updated_at: Date;
  assigned_agent_id: string | null;
}

/** A customer as support knows them, with their tickets the caller may see (newest first). */
@ApiTags('customers')
@Controller('api/customers')
export class CustomersController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(':id')
  @Authorize(Permission.TicketsReadOwn)
  @ApiOkResponse({ description: 'The customer and their tickets' })
  @ApiNotFoundResponse({ description: 'Unknown customer' })
  async detail(@CurrentAgent() caller: AuthAgent, @Param('id') id: string) {
    const customer = await this.db.getRepository(CustomerEntity).findOneBy({ id });
    if (!customer) throw new NotFoundError('Customer', id);
    const seesAll = hasPermission(caller.role, Permission.TicketsReadAll);
    const tickets = await this.db.query<TicketRow[]>(
      `SELECT id, number, subject, status, priority, channel, detected_intent, created_at, updated_at,
              assigned_agent_id
         FROM tickets
        WHERE customer_id = $1 AND deleted_at IS NULL
          AND ($2::boolean OR assigned_agent_id IS NULL OR assigned_agent_id = $3)
        ORDER BY created_at DESC LIMIT 100`,
      [id, seesAll, caller.id],
    );
    return {
      customer: {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        lifetime_value: customer.lifetimeValue,
        churn_risk: customer.churnRisk,
        is_vip: customer.isVip,
        total_orders: customer.totalOrders,
        figures_updated_at: customer.figuresUpdatedAt?.toISOString() ?? null,
      },
      tickets: tickets.map((t) => ({
        id: t.id,
        number: Number(t.number),
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        channel: t.channel,
        detected_intent: t.detected_intent,
        assigned_agent_id: t.assigned_agent_id,
        created_at: t.created_at.toISOString(),
        updated_at: t.updated_at.toISOString(),
      })),
    };
  }
}
