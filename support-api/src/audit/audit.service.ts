import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';

import { AuditLogEntity } from '../database/entities';

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
