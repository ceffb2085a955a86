import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, MoreThanOrEqual, Repository } from 'typeorm';

import { AuditLogEntity } from '../database/entities';
import { AuditQuery } from './audit.dto';

export interface AuditEntry {
  actorAgentId: string | null;
  action: string;
  entityType: 'ticket' | 'assignment' | 'agent' | 'team' | 'sla_policy' | 'calendar' | 'session';
  entityId: string;
  ticketId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Writes who changed what, when, with before and after. Pass the transaction's manager when inside one. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  /** The whole log for admins, newest first, filtered and paged. */
  async list(q: AuditQuery) {
    const where: FindOptionsWhere<AuditLogEntity> = {};
    if (q.entity_type) where.entityType = q.entity_type;
    if (q.entity_id) where.entityId = q.entity_id;
    if (q.actor_agent_id) where.actorAgentId = q.actor_agent_id;
    if (q.action) where.action = q.action;
    if (q.since) where.createdAt = MoreThanOrEqual(new Date(q.since));
    const [rows, total] = await this.repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: q.limit,
      skip: (q.page - 1) * q.limit,
    });
    return {
      entries: rows.map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        actor_agent_id: e.actorAgentId,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        ticket_id: e.ticketId,
        before: e.before,
        after: e.after,
        metadata: e.metadata,
        request_id: e.requestId,
      })),
      pagination: {
        page: q.page,
        limit: q.limit,
        total,
        has_next: q.page * q.limit < total,
        has_prev: q.page > 1,
      },
    };
  }

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.repo;
    await repo.insert({
      actorAgentId: entry.actorAgentId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ticketId: entry.ticketId ?? null,
      before: (entry.before ?? null) as never,
      after: (entry.after ?? null) as never,
      metadata: (entry.metadata ?? null) as never,
      requestId: entry.requestId ?? null,
    });
  }
}
