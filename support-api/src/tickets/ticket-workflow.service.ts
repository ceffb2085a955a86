import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Channel, Priority, ScoreBreakdown, TicketStatus } from '@quimbi/contracts';
import { difficultyClassOf, scoreTicket, SlaRisk } from '@quimbi/scoring';
import { DomainError, NotFoundError, ValidationError } from '@quimbi/server-kit';

import { AssignmentService } from '../assignment/assignment.service';
import { AuditService } from '../audit/audit.service';
import { AuthAgent } from '../common/authorize.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  AgentEntity,
  AuditLogEntity,
  CustomerEntity,
  IdempotencyKeyEntity,
  MessageEntity,
  TicketAssignmentEntity,
  TicketEntity,
} from '../database/entities';
import { ScoringService } from '../scoring/scoring.service';
import { SlaService } from '../sla/sla.service';
import { TicketDerivations } from './ticket-derivations';
import { TicketEvents } from './ticket-events';
import { assertTransition, assertVisible } from './ticket-rules';
import { CreateMessageDto, CreateTicketDto, UpdateTicketDto } from './tickets.dto';

export interface CustomerMessageInput {
  content: string;
  fromName?: string | null;
  fromEmail?: string | null;
  at?: Date;
}

export interface NewTicketInput {
  customer: { email?: string | null; phone?: string | null; name?: string | null };
  channel: Channel;
  subject: string;
  message: string;
  priority?: Priority;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Statuses that count against an agent's capacity. */
const LIVE = new Set<TicketStatus>(['open', 'in_progress', 'pending']);

function messageView(m: MessageEntity) {
  return {
    id: m.id,
    ticket_id: m.ticketId,
    from_agent: m.fromAgent,
    author_agent_id: m.authorAgentId,
    is_internal: m.isInternal,
    content: m.content,
    from_name: m.fromName,
    from_email: m.fromEmail,
    created_at: m.createdAt.toISOString(),
    sentiment_score: m.sentimentScore,
    detected_intent: m.detectedIntent,
  };
}

function ticketView(t: TicketEntity) {
  return {
    id: t.id,
    number: Number(t.number),
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    customer_id: t.customerId,
    assigned_agent_id: t.assignedAgentId,
    team_id: t.teamId,
    version: t.version,
    detected_intent: t.detectedIntent,
    sentiment: t.customerSentiment,
    difficulty: t.estimatedDifficulty,
    stored_score: t.smartScore,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    first_response_at: iso(t.firstResponseAt),
    resolved_at: iso(t.resolvedAt),
  };
}

function auditShape(t: TicketEntity) {
  return { status: t.status, priority: t.priority, subject: t.subject, version: t.version };
}

/**
 * The ticket workflow: creation (idempotent), status/priority/subject changes with optimistic
 * versions, soft deletion, conversations, and what follows each change (text analysis, SLA,
 * rescoring, audit, live events). Every write happens in one transaction.
 */
@Injectable()
export class TicketWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly derivations: TicketDerivations,
    private readonly sla: SlaService,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly events: TicketEvents,
    private readonly assignment: AssignmentService,
  ) {}

  /** Creates a ticket; with an idempotency key, a retry returns the first answer instead of a copy. */
  async create(
    caller: AuthAgent | null,
    dto: CreateTicketDto | NewTicketInput,
    options: { idempotencyKey?: string; scope?: string; requestId?: string } = {},
  ): Promise<{ created: boolean; body: Awaited<ReturnType<TicketWorkflowService['detail']>> }> {
    if (!dto.customer.email && !dto.customer.phone) {
      throw new ValidationError([{ field: 'customer', message: 'needs an email or a phone number' }]);
    }
    const scope = options.scope ?? caller?.id ?? 'anonymous';
    const hash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    const outcome = await this.db.transaction(async (m) => {
      if (options.idempotencyKey) {
        const inserted = await m.query(
          `INSERT INTO idempotency_keys (key, scope, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING key`,
          [options.idempotencyKey, scope, hash],
        );
        if (inserted.length === 0) {
          const prior = await m.getRepository(IdempotencyKeyEntity).findOneByOrFail({
            key: options.idempotencyKey,
            scope,
          });
          if (prior.requestHash !== hash) {
            throw new DomainError('conflict', 'This Idempotency-Key was already used for a different request');
          }
          return { ticketId: String(prior.responseBody?.['ticket_id']), created: false };
        }
      }
      const now = new Date();
      const customer = await this.findOrCreateCustomer(m, dto.customer);
      const derived = this.derivations.derive({
        subject: dto.subject,
        messages: [{ text: dto.message, at: now, fromCustomer: true, isInternal: false }],
      });
      const ticket = await m.getRepository(TicketEntity).save(
        m.getRepository(TicketEntity).create({
          customerId: customer.id,
          subject: dto.subject,
          channel: dto.channel,
          priority: dto.priority ?? 'normal',
          status: 'open',
          lastCustomerMessageAt: now,
          customerSentiment: derived.sentiment,
          estimatedDifficulty: derived.difficulty,
          detectedIntent: derived.intent,
          searchText: derived.searchText,
        }),
      );
      await m.getRepository(MessageEntity).insert({
        ticketId: ticket.id,
        fromAgent: false,
        content: dto.message,
        fromName: customer.name,
        fromEmail: customer.email,
        sentimentScore: derived.messages[0]?.sentiment ?? null,
        detectedIntent: derived.messages[0]?.intent ?? null,
      });
      await this.sla.startTracking(
        { id: ticket.id, priority: ticket.priority, createdAt: ticket.createdAt },
        m,
      );
      await this.audit.record(
        {
          actorAgentId: caller?.id ?? null,
          action: 'ticket.created',
          entityType: 'ticket',
          entityId: ticket.id,
          ticketId: ticket.id,
          after: auditShape(ticket),
          metadata: { channel: ticket.channel, via: caller ? 'api' : scope },
          requestId: options.requestId,
        },
        m,
      );
      if (options.idempotencyKey) {
        await m.query(
          `UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE key = $1 AND scope = $2`,
          [options.idempotencyKey, scope, JSON.stringify({ ticket_id: ticket.id })],
        );
      }
      return { ticketId: ticket.id, created: true };
    });
    if (outcome.created) {
      await this.scoring.rescore({ ticketId: outcome.ticketId, reason: 'ticket_changed' });
      this.events.emit({ type: 'ticket.created', ticketId: outcome.ticketId, assignedAgentId: null });
    }
    return { created: outcome.created, body: await this.detail(null, outcome.ticketId) };
  }

  /** Ticket, conversation, customer, assignment and SLA in one answer. */
  async detail(caller: AuthAgent | null, id: string) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    if (caller) assertVisible(caller, ticket, id);
    else if (!ticket || ticket.deletedAt) throw new NotFoundError('Ticket', id);
    const [customer, messages, agent, sla] = await Promise.all([
      this.db.getRepository(CustomerEntity).findOneByOrFail({ id: ticket.customerId }),
      this.db.getRepository(MessageEntity).find({ where: { ticketId: id }, order: { createdAt: 'ASC' } }),
      ticket.assignedAgentId
        ? this.db.getRepository(AgentEntity).findOneBy({ id: ticket.assignedAgentId })
        : Promise.resolve(null),
      this.sla.summary(id).catch(() => null),
    ]);
    return {
      ticket: ticketView(ticket),
      customer: {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        lifetime_value: customer.lifetimeValue,
        churn_risk: customer.churnRisk,
        is_vip: customer.isVip,
        total_orders: customer.totalOrders,
        figures_updated_at: iso(customer.figuresUpdatedAt),
      },
      messages: messages.map(messageView),
      assignment: agent ? { agent_id: agent.id, agent_name: agent.name, agent_status: agent.status } : null,
      sla,
    };
  }

  async update(caller: AuthAgent, id: string, dto: UpdateTicketDto, requestId?: string) {
    if (dto.status === undefined && dto.priority === undefined && dto.subject === undefined) {
      throw new ValidationError([{ field: 'status', message: 'give at least one of status, priority, subject' }]);
    }
    const changed = await this.db.transaction(async (m) => {
      const repo = m.getRepository(TicketEntity);
      const ticket = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      assertVisible(caller, ticket, id);
      if (ticket.version !== dto.version) {
        throw new DomainError(
          'version_conflict',
          `This ticket changed since version ${dto.version}; it is now at version ${ticket.version}`,
          { current: ticketView(ticket) },
        );
      }
      const before = { ...ticket };
      if (dto.status !== undefined) assertTransition(ticket.status, dto.status);
      const now = new Date();
      const patch: Partial<TicketEntity> = {};
      if (dto.subject !== undefined) patch.subject = dto.subject;
      if (dto.priority !== undefined) patch.priority = dto.priority;
      if (dto.status !== undefined && dto.status !== ticket.status) {
        patch.status = dto.status;
        if (dto.status === 'resolved' || dto.status === 'closed') patch.resolvedAt = ticket.resolvedAt ?? now;
        if (dto.status === 'open' || dto.status === 'in_progress' || dto.status === 'pending') patch.resolvedAt = null;
      }
      if (Object.keys(patch).length === 0) return null;
      await repo.update({ id }, { ...patch, version: ticket.version + 1, updatedAt: now });
      const after = await repo.findOneByOrFail({ id });
      if (patch.status) await this.sla.onStatusChanged(id, before.status, patch.status, m, now);
      if (patch.priority && patch.priority !== before.priority) await this.sla.onPriorityChanged(id, m, now);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'ticket.updated',
          entityType: 'ticket',
          entityId: id,
          ticketId: id,
          before: auditShape(before),
          after: auditShape(after),
          requestId,
        },
        m,
      );
      return { after, freed: before.assignedAgentId !== null && LIVE.has(before.status) && !LIVE.has(after.status) };
    });
    if (changed) {
      await this.scoring.requestRescore(id, 'ticket_changed');
      this.events.emit({ type: 'ticket.updated', ticketId: id, assignedAgentId: changed.after.assignedAgentId });
      // A resolved or closed ticket frees a slot: the agent's team may have one waiting.
      if (changed.freed && changed.after.assignedAgentId) {
        await this.assignment.onCapacityFreed(changed.after.assignedAgentId).catch(() => null);
      }
    }
    return this.detail(caller, id);
  }

  async remove(caller: AuthAgent, id: string, requestId?: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(TicketEntity);
      const ticket = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ticket || ticket.deletedAt) throw new NotFoundError('Ticket', id);
      await repo.update({ id }, { deletedAt: new Date(), version: ticket.version + 1 });
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'ticket.deleted',
          entityType: 'ticket',
          entityId: id,
          ticketId: id,
          before: auditShape(ticket),
          after: { deleted: true },
          requestId,
        },
        m,
      );
      this.events.emit({ type: 'ticket.deleted', ticketId: id, assignedAgentId: ticket.assignedAgentId });
    });
  }

  async messages(caller: AuthAgent, id: string) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    assertVisible(caller, ticket, id);
    const all = await this.db.getRepository(MessageEntity).find({
      where: { ticketId: id },
      order: { createdAt: 'ASC' },
    });
    return {
      ticket_id: id,
      messages: all.filter((m) => !m.isInternal).map(messageView),
      internal_notes: all.filter((m) => m.isInternal).map(messageView),
    };
  }

  /** An agent's public reply (first response for the SLA) or internal note. */
  async addAgentMessage(caller: AuthAgent, id: string, dto: CreateMessageDto, requestId?: string) {
    const message = await this.db.transaction(async (m) => {
      const ticket = await m.getRepository(TicketEntity).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      assertVisible(caller, ticket, id);
      const now = new Date();
      const internal = dto.is_internal === true;
      const saved = await m.getRepository(MessageEntity).save(
        m.getRepository(MessageEntity).create({
          ticketId: id,
          fromAgent: true,
          authorAgentId: caller.id,
          isInternal: internal,
          content: dto.content,
          fromName: caller.name,
          fromEmail: caller.email,
          createdAt: now,
        }),
      );
      const patch: Partial<TicketEntity> = { updatedAt: now, version: ticket.version + 1 };
      if (!internal && !ticket.firstResponseAt) patch.firstResponseAt = now;
      await m.getRepository(TicketEntity).update({ id }, patch);
      if (!internal) await this.sla.onPublicAgentReply(id, now, m);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: internal ? 'note.created' : 'reply.created',
          entityType: 'ticket',
          entityId: id,
          ticketId: id,
          after: { message_id: saved.id, is_internal: internal, length: dto.content.length },
          requestId,
        },
        m,
      );
      return { saved, assignedAgentId: ticket.assignedAgentId };
    });
    await this.scoring.requestRescore(id, 'message');
    this.events.emit({
      type: 'message.created',
      ticketId: id,
      assignedAgentId: message.assignedAgentId,
      data: { message_id: message.saved.id, is_internal: message.saved.isInternal },
    });
    return messageView(message.saved);
  }

  /**
   * A customer's message on an existing ticket (inbound channels): re-analyses the conversation,
   * reopens a resolved ticket, ends a pending pause, and asks for a rescore.
   */
  async addCustomerMessage(id: string, input: CustomerMessageInput, requestId?: string) {
    const result = await this.db.transaction(async (m) => {
      const repo = m.getRepository(TicketEntity);
      const ticket = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ticket || ticket.deletedAt) throw new NotFoundError('Ticket', id);
      const at = input.at ?? new Date();
      const saved = await m.getRepository(MessageEntity).save(
        m.getRepository(MessageEntity).create({
          ticketId: id,
          fromAgent: false,
          content: input.content,
          fromName: input.fromName ?? null,
          fromEmail: input.fromEmail ?? null,
          createdAt: at,
        }),
      );
      const history = await m.getRepository(MessageEntity).find({
        where: { ticketId: id },
        order: { createdAt: 'ASC' },
      });
      const derived = this.derivations.derive({
        subject: ticket.subject,
        messages: history.map((x) => ({
          text: x.content,
          at: x.createdAt,
          fromCustomer: !x.fromAgent,
          isInternal: x.isInternal,
        })),
      });
      const own = derived.messages[history.findIndex((x) => x.id === saved.id)];
      await m.getRepository(MessageEntity).update(
        { id: saved.id },
        { sentimentScore: own?.sentiment ?? null, detectedIntent: own?.intent ?? null },
      );
      const reopen: TicketStatus | null =
        ticket.status === 'resolved' || ticket.status === 'closed' || ticket.status === 'pending' ? 'open' : null;
      await repo.update(
        { id },
        {
          customerSentiment: derived.sentiment,
          estimatedDifficulty: derived.difficulty,
          detectedIntent: derived.intent,
          searchText: derived.searchText,
          lastCustomerMessageAt: at,
          updatedAt: at,
          version: ticket.version + 1,
          ...(reopen ? { status: reopen, resolvedAt: null } : {}),
        },
      );
      await this.sla.onCustomerReply(id, at, m);
      if (reopen) await this.sla.onStatusChanged(id, ticket.status, reopen, m, at);
      await this.audit.record(
        {
          actorAgentId: null,
          action: 'customer_message.received',
          entityType: 'ticket',
          entityId: id,
          ticketId: id,
          before: reopen ? { status: ticket.status } : null,
          after: { message_id: saved.id, ...(reopen ? { status: reopen } : {}) },
          requestId,
        },
        m,
      );
      return { saved, assignedAgentId: ticket.assignedAgentId };
    });
    await this.scoring.requestRescore(id, 'message');
    this.events.emit({
      type: 'message.created',
      ticketId: id,
      assignedAgentId: result.assignedAgentId,
      data: { message_id: result.saved.id, from_customer: true },
    });
    return messageView(result.saved);
  }

  /** Every audited change of the ticket and its assignments, oldest first. */
  async history(caller: AuthAgent, id: string) {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    assertVisible(caller, ticket, id);
    const [entries, assignments] = await Promise.all([
      this.db.getRepository(AuditLogEntity).find({ where: { ticketId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.db.getRepository(TicketAssignmentEntity).find({ where: { ticketId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ticket_id: id,
      entries: entries.map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        actor_agent_id: e.actorAgentId,
        action: e.action,
        before: e.before,
        after: e.after,
        metadata: e.metadata,
      })),
      assignments: assignments.map((a) => ({
        at: a.createdAt.toISOString(),
        action: a.action,
        agent_id: a.agentId,
        previous_agent_id: a.previousAgentId,
        by_agent_id: a.assignedByAgentId,
        reason: a.reason,
      })),
    };
  }

  /** Why a ticket has its score: every component, in the seed's shape plus the SLA term. */
  async scoreBreakdown(caller: AuthAgent, id: string, alerts: string[], now = new Date()): Promise<ScoreBreakdown> {
    const ticket = await this.db.getRepository(TicketEntity).findOneBy({ id });
    assertVisible(caller, ticket, id);
    const customer = await this.db.getRepository(CustomerEntity).findOneByOrFail({ id: ticket.customerId });
    const [row] = await this.db.query<{ risk: number; matched: boolean }[]>(
      `SELECT
         CASE WHEN s.ticket_id IS NULL OR s.is_paused THEN 0
              WHEN (s.first_response_at IS NULL AND s.resolved_at IS NULL AND s.first_response_deadline <= $2)
                OR (s.resolved_at IS NULL AND s.resolution_deadline <= $2) THEN 2
              WHEN (s.first_response_at IS NULL AND s.resolved_at IS NULL AND s.first_response_warning_at <= $2)
                OR (s.resolved_at IS NULL AND s.resolution_warning_at <= $2) THEN 1
              ELSE 0 END AS risk,
         COALESCE(t.search_vector @@ (${alerts.map((_, i) => `phraseto_tsquery('simple', $${i + 3})`).join(' || ') || 'NULL::tsquery'}), false) AS matched
       FROM tickets t LEFT JOIN sla_tracking s ON s.ticket_id = t.id WHERE t.id = $1`,
      [id, now.toISOString(), ...alerts],
    );
    const slaRisk: SlaRisk = row?.risk === 2 ? 'breached' : row?.risk === 1 ? 'warning' : 'none';
    const ageHours = Math.max(0, (now.getTime() - ticket.createdAt.getTime()) / 3600_000);
    const w = this.config.scoring;
    const score = scoreTicket(
      {
        churnRisk: customer.churnRisk,
        lifetimeValue: customer.lifetimeValue,
        priority: ticket.priority,
        difficulty: difficultyClassOf(ticket.estimatedDifficulty),
        sentiment: ticket.customerSentiment,
        hoursWaiting: ageHours,
        slaRisk,
        matchesTopicAlert: row?.matched === true,
      },
      w,
    );
    return {
      total_score: score.total,
      components: score.components,
      customer: { ltv: customer.lifetimeValue, churn_risk: customer.churnRisk },
      ticket: { priority: ticket.priority, age_hours: Math.round(ageHours * 100) / 100 },
      weights: {
        churn_weight: w.churnWeight,
        value_weight: w.valueWeight,
        urgency_weight: w.urgencyWeight,
        topic_alert_boost: w.topicAlertBoost,
      },
    };
  }

  private async findOrCreateCustomer(
    m: EntityManager,
    ref: { email?: string | null; phone?: string | null; name?: string | null },
  ): Promise<CustomerEntity> {
    const repo = m.getRepository(CustomerEntity);
    const found = ref.email
      ? await repo.createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email: ref.email }).getOne()
      : await repo.findOne({ where: { phone: ref.phone ?? '' }, order: { updatedAt: 'DESC' } });
    if (found) {
      if (!found.name && ref.name) await repo.update({ id: found.id }, { name: ref.name });
      return found;
    }
    await m.query(
      `INSERT INTO customers (email, phone, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [ref.email ?? null, ref.phone ?? null, ref.name ?? null],
    );
    const created = ref.email
      ? await repo.createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email: ref.email }).getOne()
      : await repo.findOne({ where: { phone: ref.phone ?? '' }, order: { createdAt: 'DESC' } });
    if (!created) throw new Error('Customer could not be created');
    return created;
  }
}
