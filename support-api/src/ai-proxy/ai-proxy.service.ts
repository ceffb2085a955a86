import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { DataSource } from 'typeorm';

import { DraftLength, Tone } from '@quimbi/contracts';
import { DomainError, NotFoundError } from '@quimbi/server-kit';

import { AuthAgent } from '../common/authorize.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CustomerEntity, MessageEntity, TicketEntity } from '../database/entities';
import { assertVisible } from '../tickets/ticket-rules';
import { cacheKeys } from './cache-keys';
import { ActionsResult, AnalyzeResult, DraftResult } from './intelligence.types';
import { QuimbiClient, UpstreamError } from './quimbi-client';

const PAST_TICKETS = 5;

/**
 * Gathers context from support's own database, asks the intelligence API for drafts,
 * recommendations and customer intelligence, and caches the answers. When the intelligence API
 * is down, answers still come back: drafts marked as fallback, intelligence from the last known
 * figures.
 */
@Injectable()
export class AiProxyService {
  private readonly logger = new Logger(AiProxyService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quimbi: QuimbiClient,
  ) {}

  async draft(caller: AuthAgent, ticketId: string, tone: Tone = 'professional', length: DraftLength = 'medium', regenerate = false) {
    const ctx = await this.ticketContext(caller, ticketId);
    const latest = ctx.messages.at(-1)?.id ?? 'none';
    const key = cacheKeys.draft(ticketId, latest, tone, length);
    if (!regenerate) {
      const cached = await this.cacheGet<ReturnType<AiProxyService['draftView']>>(key);
      if (cached) return { ...cached, cached: true };
    }
    const intelligence = await this.intelligenceOrNull(ctx.customer.id);
    try {
      const result = await this.quimbi.post<DraftResult>('/api/generation/message', {
        channel: ctx.ticket.channel === 'form' ? 'email' : ctx.ticket.channel,
        tone,
        length,
        customer: { id: ctx.customer.id, name: ctx.customer.name, email: ctx.customer.email },
        customer_profile: intelligence ? this.profileFor(ctx.customer, intelligence) : undefined,
        ticket: {
          id: ctx.ticket.id,
          number: Number(ctx.ticket.number),
          subject: ctx.ticket.subject,
          intent: ctx.ticket.detectedIntent,
          sentiment: ctx.ticket.customerSentiment,
        },
        messages: ctx.messages
          .filter((m) => !m.isInternal)
          .map((m) => ({ from: m.fromAgent ? 'agent' : 'customer', content: m.content, at: m.createdAt.toISOString() })),
        past_tickets: ctx.pastTickets,
      });
      const view = this.draftView(ticketId, result, intelligence, false);
      await this.cacheSet(key, view, this.config.quimbi.ttl.draft);
      return { ...view, cached: false };
    } catch (err) {
      if (err instanceof UpstreamError && err.code !== 'upstream_unavailable') throw err;
      this.logger.warn(`Draft for ${ticketId} falls back: ${String(err)}`);
      return { ...this.fallbackDraft(ctx, tone), cached: false };
    }
  }

  async recommendation(caller: AuthAgent, ticketId: string) {
    const ctx = await this.ticketContext(caller, ticketId);
    const intelligence = await this.intelligenceOrNull(ctx.customer.id);
    try {
      const result = await this.quimbi.post<ActionsResult>('/api/generation/actions', {
        customer_id: ctx.customer.id,
        customer_profile: intelligence ? this.profileFor(ctx.customer, intelligence) : undefined,
        ticket: { id: ctx.ticket.id, subject: ctx.ticket.subject, intent: ctx.ticket.detectedIntent },
        messages: ctx.messages
          .filter((m) => !m.isInternal)
          .map((m) => ({ from: m.fromAgent ? 'agent' : 'customer', content: m.content, at: m.createdAt.toISOString() })),
      });
      return { ticket_id: ticketId, ...result, fallback: false };
    } catch (err) {
      if (err instanceof UpstreamError && err.code !== 'upstream_unavailable') throw err;
      return {
        ticket_id: ticketId,
        actions: [],
        warnings: ['Recommendations are unavailable right now; the intelligence service is not answering'],
        talking_points: [],
        fallback: true,
      };
    }
  }

  /** Customer intelligence (cached 15 minutes); the last known figures when the service is down. */
  async customerIntelligence(customerId: string) {
    const customer = await this.db.getRepository(CustomerEntity).findOneBy({ id: customerId });
    if (!customer) throw new NotFoundError('Customer', customerId);
    try {
      const result = await this.analyze(customerId);
      return { ...result, fallback: false };
    } catch (err) {
      if (err instanceof UpstreamError && err.code === 'not_found') {
        throw new NotFoundError('Customer intelligence', customerId);
      }
      if (!(err instanceof DomainError)) throw err;
      return {
        customer_id: customerId,
        archetype: null,
        behavioral_metrics: { lifetime_value: customer.lifetimeValue, total_orders: customer.totalOrders },
        predictions: {
          churn_risk: customer.churnRisk,
          churn_risk_level: customer.churnRisk >= 0.6 ? 'high' : customer.churnRisk >= 0.3 ? 'medium' : 'low',
        },
        communication_guidance: [],
        figures_as_of: customer.figuresUpdatedAt?.toISOString() ?? null,
        fallback: true,
      };
    }
  }

  /** Analyze through the cache; fresh churn and LTV figures are cached for their own TTLs. */
  async analyze(customerId: string): Promise<AnalyzeResult> {
    const key = cacheKeys.intelligence(customerId);
    const cached = await this.cacheGet<AnalyzeResult>(key);
    if (cached) return cached;
    const result = await this.quimbi.post<AnalyzeResult>('/api/intelligence/analyze', {
      customer_id: customerId,
      context: await this.supportContext(customerId),
    });
    const { ttl } = this.config.quimbi;
    await Promise.all([
      this.cacheSet(key, result, ttl.intelligence),
      this.cacheSet(cacheKeys.churn(customerId), result.predictions.churn_risk, ttl.churn),
      this.cacheSet(cacheKeys.ltv(customerId), result.behavioral_metrics.lifetime_value, ttl.ltv),
    ]);
    return result;
  }

  private async intelligenceOrNull(customerId: string): Promise<AnalyzeResult | null> {
    try {
      return await this.analyze(customerId);
    } catch {
      return null;
    }
  }

  private async supportContext(customerId: string) {
    const [row] = await this.db.query<{ total: number; recent: number; open: number }[]>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE created_at > now() - interval '90 days')::int AS recent,
              count(*) FILTER (WHERE status IN ('open','in_progress','pending'))::int AS open
         FROM tickets WHERE customer_id = $1 AND deleted_at IS NULL`,
      [customerId],
    );
    return { support_tickets_total: row?.total ?? 0, support_tickets_90d: row?.recent ?? 0, open_tickets: row?.open ?? 0 };
  }

  private async ticketContext(caller: AuthAgent, ticketId: string) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id: ticketId });
    assertVisible(caller, ticket, ticketId);
    const [customer, messages, past] = await Promise.all([
      this.db.getRepository(CustomerEntity).findOneByOrFail({ id: ticket.customerId }),
      this.db.getRepository(MessageEntity).find({ where: { ticketId }, order: { createdAt: 'ASC' } }),
      this.db.query<{ subject: string; status: string; detected_intent: string | null; created_at: Date }[]>(
        `SELECT subject, status, detected_intent, created_at FROM tickets
          WHERE customer_id = $1 AND id <> $2 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT ${PAST_TICKETS}`,
        [ticket.customerId, ticketId],
      ),
    ]);
    return {
      ticket,
      customer,
      messages,
      pastTickets: past.map((p) => ({
        subject: p.subject,
        status: p.status,
        intent: p.detected_intent,
        created_at: p.created_at.toISOString(),
      })),
    };
  }

  private profileFor(customer: CustomerEntity, intel: AnalyzeResult) {
    return {
      lifetime_value: intel.behavioral_metrics.lifetime_value,
      total_orders: intel.behavioral_metrics.total_orders,
      churn_risk: intel.predictions.churn_risk,
      churn_risk_level: intel.predictions.churn_risk_level,
      predicted_ltv: intel.predictions.predicted_ltv?.value ?? null,
      is_vip: customer.isVip,
      archetype: intel.archetype,
      communication_guidance: intel.communication_guidance,
    };
  }

  private draftView(ticketId: string, r: DraftResult, intel: AnalyzeResult | null, fallback: boolean) {
    return {
      ticket_id: ticketId,
      draft_content: r.draft_content,
      tone: r.tone,
      length: r.length ?? null,
      channel: r.channel,
      writer: r.writer,
      reasoning: r.reasoning ?? null,
      personalization: r.personalization ?? {},
      personalization_applied: r.personalization_applied ?? [],
      order_referenced: r.order_referenced ?? null,
      customer_dna: intel?.archetype ?? null,
      churn_risk: intel?.predictions.churn_risk ?? null,
      fallback,
    };
  }

  /** A plain, safe draft written here when the intelligence API cannot be reached. */
  private fallbackDraft(ctx: Awaited<ReturnType<AiProxyService['ticketContext']>>, tone: Tone) {
    const first = (ctx.customer.name ?? '').split(' ')[0] || 'there';
    const ref = /#\d{3,}/.exec([ctx.ticket.subject, ...ctx.messages.map((m) => m.content)].join(' '))?.[0];
    const about = ref ? ` about order ${ref}` : '';
    const sms = ctx.ticket.channel === 'sms';
    const content = sms
      ? `Hi ${first}, thanks for your message${about}. We're looking into it and will reply shortly.`
      : ctx.ticket.channel === 'email' || ctx.ticket.channel === 'form'
        ? `Hi ${first},\n\nThank you for getting in touch${about}. I'm looking into this now and will get back to you with an update shortly.\n\nBest regards,\nThe support team`
        : `Hi ${first}, thanks for reaching out${about}. I'm checking this for you now.`;
    return {
      ticket_id: ctx.ticket.id,
      draft_content: content,
      tone,
      length: null,
      channel: ctx.ticket.channel,
      writer: 'fallback',
      reasoning: 'The intelligence service is unavailable; a neutral holding reply was prepared',
      personalization: {},
      personalization_applied: [],
      order_referenced: ref ?? null,
      customer_dna: null,
      churn_risk: ctx.customer.churnRisk,
      fallback: true,
    };
  }

  private async cacheGet<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.cache.get<T>(key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private async cacheSet(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    try {
      await this.cache.set(key, value, ttlSeconds * 1000);
    } catch (err) {
      this.logger.warn(`Cache write failed for ${key}: ${String(err)}`);
    }
  }
}
