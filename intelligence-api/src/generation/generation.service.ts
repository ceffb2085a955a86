import { Inject, Injectable, Logger, Optional } from '@nestjs/common';

import { DomainError } from '@quimbi/server-kit';

import { recommendActions } from './actions';
import { checkDraft, enforceChannelLimit } from './channel-rules';
import {
  DEFAULT_COMPENSATION_POLICY,
  describePolicy,
  formatPercent,
  narrowPolicy,
} from './compensation';
import { buildDraftFacts, DraftFacts } from './context';
import { ContextRepository } from './context.repository';
import type {
  ActionsView,
  CustomerProfileDto,
  DraftView,
  GenerateMessageDto,
  OrderDto,
  RecommendActionsDto,
} from './generation.dto';
import type { ContextSource, OrderInput, ProfileInput, TicketContext } from './generation.types';
import { mentionedOrderNumbers } from './intent';
import { detectPersonalization } from './personalization';
import { chooseTone, TemplateWriter } from './writers/template-writer';
import type { DraftSpec, DraftWriter, WrittenDraft } from './writers/writer';

/** The provider writer, or null when no Anthropic key is configured. */
export const ANTHROPIC_WRITER = Symbol('ANTHROPIC_WRITER');

const toDate = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);

function profileFromDto(p: CustomerProfileDto): ProfileInput {
  const archetype =
    typeof p.archetype === 'string'
      ? { id: p.archetype, name: null }
      : p.archetype
        ? { id: p.archetype.id, name: p.archetype.name ?? null }
        : null;
  const ltv = p.predicted_ltv;
  return {
    lifetimeValue: p.lifetime_value ?? null,
    totalOrders: p.total_orders ?? null,
    churnRisk: p.churn_risk ?? null,
    churnRiskLevel: p.churn_risk_level ?? null,
    pAlive: p.p_alive ?? null,
    predictedLtv: typeof ltv === 'number' ? ltv : ltv ? ltv.value : null,
    isVip: p.is_vip ?? false,
    archetype,
    communicationGuidance: p.communication_guidance ?? [],
  };
}

function orderFromDto(o: OrderDto): OrderInput {
  const f = o.fulfillment;
  return {
    orderNumber: o.order_number,
    placedAt: new Date(o.placed_at),
    total: o.total,
    currency: o.currency,
    financialStatus: o.financial_status,
    fulfillmentStatus: o.fulfillment_status,
    cancelledAt: toDate(o.cancelled_at),
    fulfillment: f
      ? {
          carrier: f.carrier ?? null,
          trackingNumber: f.tracking_number ?? null,
          trackingStatus: f.tracking_status ?? null,
          statusDetail: f.status_detail ?? null,
          shippedAt: toDate(f.shipped_at),
          estimatedDelivery: toDate(f.estimated_delivery),
          deliveredAt: toDate(f.delivered_at),
          lastEventAt: toDate(f.last_event_at),
        }
      : null,
    lineItems: (o.line_items ?? []).map((li) => ({
      title: li.title,
      sku: li.sku ?? null,
      variant: li.variant ?? null,
      quantity: li.quantity ?? 1,
      unitPrice: li.unit_price ?? null,
    })),
    refunds: (o.refunds ?? []).map((r) => ({
      amount: r.amount,
      status: r.status,
      reason: r.reason ?? null,
      createdAt: toDate(r.created_at),
    })),
    returns: (o.returns ?? []).map((r) => ({
      status: r.status,
      reason: r.reason ?? null,
      sku: r.sku ?? null,
      quantity: r.quantity ?? null,
      createdAt: toDate(r.created_at),
    })),
  };
}

/**
 * Drafts replies and recommends next actions from one ticket's context: what the caller sent,
 * completed from this API's own tables (profile, recent orders with tracking) when the customer
 * is known and the caller left them out.
 */
@Injectable()
export class GenerationService {
  private readonly logger = new Logger(GenerationService.name);

  constructor(
    private readonly repository: ContextRepository,
    private readonly builtIn: TemplateWriter,
    @Optional() @Inject(ANTHROPIC_WRITER) private readonly provider: DraftWriter | null = null,
  ) {}

  async draftMessage(dto: GenerateMessageDto, now = new Date()): Promise<DraftView> {
    const ctx = await this.gather(
      dto,
      dto.customer?.id ?? null,
      dto.customer?.name ?? null,
      dto.customer?.email ?? null,
    );
    const facts = buildDraftFacts(ctx, now);
    const spec: DraftSpec = {
      channel: dto.channel,
      tone: chooseTone(dto.tone ?? null, dto.channel, facts),
      length: dto.length ?? 'medium',
    };

    let writer: DraftWriter = this.provider ?? this.builtIn;
    let written: WrittenDraft;
    const notes: string[] = [];
    try {
      written = await writer.write(facts, spec);
    } catch (err) {
      if (writer === this.builtIn) throw err;
      this.logger.warn(
        `Provider draft for ticket ${ctx.ticket.id} failed, using the built-in writer: ${describeError(err)}`,
      );
      notes.push(`provider unavailable (${describeError(err)}); built-in writer used`);
      writer = this.builtIn;
      written = await writer.write(facts, spec);
    }

    // Every draft is checked after writing; nothing leaves over its channel's limit.
    const enforced = enforceChannelLimit(written.text, spec.channel, facts.firstName);
    let { personalization, chips } = written;
    if (enforced.shortened) {
      notes.push('shortened to the limit at a sentence boundary');
      ({ personalization, chips } = detectPersonalization(enforced.text, facts));
    }
    const checks = checkDraft(enforced.text, spec.channel);
    if (!checks.within_limit) {
      throw new DomainError(
        'internal_error',
        'The draft could not be brought within the channel limit',
        { ...checks },
      );
    }
    return {
      draft_content: enforced.text,
      channel: spec.channel,
      tone: spec.tone,
      length: spec.length,
      writer: writer.kind,
      reasoning: this.reasoning(
        facts,
        spec,
        ctx,
        [...written.notes, ...notes],
        checks.measured,
        checks.limit,
        checks.unit,
        writer,
      ),
      personalization,
      personalization_applied: chips,
      order_referenced: personalization.used_order_info && facts.order ? facts.order.number : null,
      checks,
      fallback: false,
    };
  }

  async recommend(dto: RecommendActionsDto, now = new Date()): Promise<ActionsView> {
    const ctx = await this.gather(dto, dto.customer_id ?? null, null, null);
    return recommendActions(buildDraftFacts(ctx, now));
  }

  /** The request's context, with profile and orders read from this API's tables when absent. */
  private async gather(
    dto: GenerateMessageDto | RecommendActionsDto,
    customerId: string | null,
    name: string | null,
    email: string | null,
  ): Promise<TicketContext> {
    let profile: ProfileInput | null = dto.customer_profile
      ? profileFromDto(dto.customer_profile)
      : null;
    let orders: OrderInput[] = (dto.orders ?? []).map(orderFromDto);
    const sources: { profile: ContextSource; orders: ContextSource } = {
      profile: dto.customer_profile ? 'request' : 'none',
      orders: dto.orders ? 'request' : 'none',
    };
    const needsProfile = !dto.customer_profile;
    const needsOrders = !dto.orders;
    if (customerId && (needsProfile || needsOrders || !name)) {
      const stored = await this.repository.findCustomer(customerId);
      if (stored) {
        name = name ?? stored.name;
        email = email ?? stored.email;
        if (needsProfile && stored.profile) {
          profile = stored.profile;
          sources.profile = 'database';
        }
        if (needsOrders) {
          const text = [
            dto.ticket.subject,
            ...dto.messages.filter((m) => m.from === 'customer').map((m) => m.content),
          ].join('\n');
          orders = await this.repository.recentOrders(customerId, mentionedOrderNumbers(text));
          sources.orders = orders.length > 0 ? 'database' : 'none';
        }
      }
    }
    return {
      customer: { id: customerId, name, email },
      profile,
      ticket: {
        id: dto.ticket.id,
        number: dto.ticket.number ?? null,
        subject: dto.ticket.subject,
        intent: dto.ticket.intent ?? null,
        sentiment: dto.ticket.sentiment ?? null,
      },
      messages: dto.messages.map((m) => ({ from: m.from, content: m.content, at: new Date(m.at) })),
      orders,
      pastTickets: (dto.past_tickets ?? []).map((t) => ({
        subject: t.subject,
        status: t.status,
        intent: t.intent ?? null,
        createdAt: new Date(t.created_at),
      })),
      policy: narrowPolicy(DEFAULT_COMPENSATION_POLICY, dto.compensation_policy),
      sources,
    };
  }

  private reasoning(
    f: DraftFacts,
    spec: DraftSpec,
    ctx: TicketContext,
    notes: string[],
    measured: number,
    limit: number,
    unit: string,
    writer: DraftWriter,
  ): string {
    const parts: string[] = [];
    parts.push(
      `${writer.label}: ${spec.tone} ${spec.channel} reply, ${spec.length} length (${measured}/${limit} ${unit})`,
    );
    parts.push(
      `intent ${f.intent} (${f.intentSource === 'ticket' ? 'from the ticket' : `detected from ${f.intentSource}`})`,
    );
    if (f.order) {
      parts.push(
        `order ${f.order.number} (${f.orderSource === 'mentioned' ? 'mentioned by the customer' : 'most recent relevant order'})`,
      );
    } else if (f.unmatchedOrderNumber) {
      parts.push(`order ${f.unmatchedOrderNumber} not found on the account`);
    }
    if (f.failure) parts.push(`service failure: ${f.failure.description}`);
    const risk =
      f.profile.churnRisk !== null
        ? `${Math.round(f.profile.churnRisk * 100)}%`
        : f.profile.churnLevel;
    if (f.vip) parts.push('VIP customer');
    if (risk) parts.push(`churn risk ${risk}${f.profile.highChurn ? ' (high)' : ''}`);
    const comp = f.compensation;
    parts.push(
      comp
        ? `compensation within policy: ${[comp.goodwillPercent > 0 ? `up to ${formatPercent(comp.goodwillPercent)} goodwill credit` : null, comp.expedited ? 'free expedited shipping' : null].filter(Boolean).join(', ')}`
        : `no compensation (policy: ${describePolicy(f.policy)})`,
    );
    parts.push(`profile from ${ctx.sources.profile}, orders from ${ctx.sources.orders}`);
    return [parts.join('; '), ...notes].join('. ') + '.';
  }
}

function describeError(err: unknown): string {
  if (err && typeof err === 'object') {
    const status = (err as { status?: unknown }).status;
    const name = (err as { name?: unknown }).name;
    const message = (err as { message?: unknown }).message;
    return [
      typeof name === 'string' ? name : null,
      typeof status === 'number' ? `status ${status}` : null,
      typeof message === 'string' ? message.slice(0, 200) : null,
    ]
      .filter(Boolean)
      .join(': ');
  }
  return String(err);
}
