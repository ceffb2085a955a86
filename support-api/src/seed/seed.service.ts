import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcrypt';
import { DataSource, EntityManager } from 'typeorm';

import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, demoAnchor, DemoStore, generateDemoStore } from '@quimbi/demo-data';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  AgentEntity,
  CustomerEntity,
  MessageEntity,
  TeamEntity,
  TicketAssignmentEntity,
  TicketEntity,
} from '../database/entities';
import { ScoringService } from '../scoring/scoring.service';
import { SlaService } from '../sla/sla.service';
import { TicketDerivations } from '../tickets/ticket-derivations';

const CHUNK = 500;

async function insertChunks<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.getRepository(entity).insert(rows.slice(i, i + CHUNK) as never);
  }
}

/**
 * Loads the deterministic demo store into an empty database: teams, agents of every role,
 * customers, and tickets with their conversations, analysed and scored as live ones would be.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly derivations: TicketDerivations,
    private readonly scoring: ScoringService,
    private readonly sla: SlaService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;
    const agents = await this.db.getRepository(AgentEntity).count();
    if (agents > 0) return;
    await this.seed();
  }

  /** Seeds when the database has no agents; returns false when it already had data. */
  async seed(options: { now?: Date; seed?: number } = {}): Promise<boolean> {
    const started = Date.now();
    const store = generateDemoStore({ seed: options.seed ?? 42, now: options.now ?? demoAnchor() });
    const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const seeded = await this.db.transaction(async (manager) => {
      if ((await manager.getRepository(AgentEntity).count()) > 0) return false;
      await this.insertStaff(manager, store, hash);
      await this.insertCustomers(manager, store);
      await this.insertTickets(manager, store);
      return true;
    });
    if (!seeded) return false;
    for (const ticket of store.tickets) {
      await this.scoring.rescore({ ticketId: ticket.id, reason: 'ticket_changed' });
    }
    this.logger.log(
      `Demo data loaded in ${Date.now() - started} ms: ${store.agents.length} agents, ` +
        `${store.customers.length} customers, ${store.tickets.length} tickets`,
    );
    this.logger.log(`Log in as ${DEMO_ADMIN_EMAIL} with password ${DEMO_PASSWORD}`);
    return true;
  }

  private async insertStaff(manager: EntityManager, store: DemoStore, hash: string) {
    await insertChunks(
      manager,
      TeamEntity,
      store.teams.map((t) => ({ id: t.id, name: t.name, leadAgentId: null })),
    );
    await insertChunks(
      manager,
      AgentEntity,
      store.agents.map((a) => ({
        id: a.id,
        email: a.email,
        hashedPassword: hash,
        name: a.name,
        role: a.role,
        status: a.status,
        department: a.department,
        teamId: a.teamId,
        specializations: a.specializations,
        maxConcurrentTickets: a.maxConcurrentTickets,
      })),
    );
    for (const team of store.teams) {
      await manager.getRepository(TeamEntity).update({ id: team.id }, { leadAgentId: team.leadAgentId });
    }
  }

  private async insertCustomers(manager: EntityManager, store: DemoStore) {
    await insertChunks(
      manager,
      CustomerEntity,
      store.customers.map((c) => ({
        id: c.id,
        email: c.email,
        phone: c.phone,
        name: `${c.firstName} ${c.lastName}`,
        isVip: c.tags.includes('vip'),
        totalOrders: c.ordersCount,
        createdAt: c.createdAt,
      })),
    );
  }

  private async insertTickets(manager: EntityManager, store: DemoStore) {
    for (const t of store.tickets) {
      const customerMessages = t.messages.filter((m) => m.fromCustomer);
      const derived = this.derivations.derive({
        subject: t.subject,
        messages: t.messages.map((m) => ({
          text: m.body,
          at: m.createdAt,
          fromCustomer: m.fromCustomer,
          isInternal: m.isInternal,
        })),
      });
      await manager.getRepository(TicketEntity).insert({
        id: t.id,
        customerId: t.customerId,
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        channel: t.channel,
        assignedAgentId: t.assignedAgentId,
        teamId: t.teamId,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        firstResponseAt: t.firstResponseAt,
        resolvedAt: t.resolvedAt ?? t.closedAt,
        lastCustomerMessageAt: customerMessages.at(-1)?.createdAt ?? t.createdAt,
        customerSentiment: derived.sentiment,
        estimatedDifficulty: derived.difficulty,
        detectedIntent: derived.intent,
        searchText: derived.searchText,
      });
      await insertChunks(
        manager,
        MessageEntity,
        t.messages.map((m, i) => ({
          id: m.id,
          ticketId: t.id,
          fromAgent: !m.fromCustomer,
          authorAgentId: m.authorAgentId,
          isInternal: m.isInternal,
          content: m.body,
          createdAt: m.createdAt,
          sentimentScore: m.fromCustomer ? (derived.messages[i]?.sentiment ?? null) : null,
          detectedIntent: m.fromCustomer ? (derived.messages[i]?.intent ?? null) : null,
        })),
      );
      await this.sla.startTracking(
        {
          id: t.id,
          priority: t.priority,
          createdAt: t.createdAt,
          status: t.status,
          firstResponseAt: t.firstResponseAt,
          resolvedAt: t.resolvedAt ?? t.closedAt,
        },
        manager,
        store.now,
      );
      if (t.assignedAgentId) {
        await manager.getRepository(TicketAssignmentEntity).insert({
          ticketId: t.id,
          agentId: t.assignedAgentId,
          action: 'assign',
          reason: 'Imported with demo data',
          createdAt: t.createdAt,
        });
      }
    }
  }
}
