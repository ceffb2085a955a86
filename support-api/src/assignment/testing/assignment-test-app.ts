/**
 * Test helpers for the assignment module: the real support app (`startTestApp`) plus builders
 * for teams, agents and tickets with known scores.
 */
import * as bcrypt from 'bcrypt';
import { DataSource } from 'typeorm';

import { Intent, Role, TicketStatus } from '@quimbi/contracts';

import { AgentEntity, TeamEntity } from '../../database/entities';
import { ScoringService } from '../../scoring/scoring.service';
import { startTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

export { TEST_PASSWORD };

export type AssignmentTestApp = TestApp;

/** The real support app on a fresh database, without scheduled jobs (enqueued ones still run). */
export function startAssignmentTestApp(env: Record<string, string> = {}): Promise<AssignmentTestApp> {
  return startTestApp({
    env: {
      RATE_LIMIT_AGENT_PER_MINUTE: '100000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
      RUN_WORKERS: 'false',
      ...env,
    },
  });
}

let counter = 0;

export async function createTeam(
  db: DataSource,
  patch: Partial<TeamEntity> = {},
): Promise<TeamEntity> {
  counter += 1;
  const repo = db.getRepository(TeamEntity);
  return repo.save(repo.create({ name: `Team ${counter}-${Date.now()}`, ...patch }));
}

/** Inserts an agent with a known password (login sets the agent online). */
export async function createAgent(
  db: DataSource,
  patch: Partial<AgentEntity> & { role?: Role } = {},
): Promise<AgentEntity> {
  counter += 1;
  const repo = db.getRepository(AgentEntity);
  return repo.save(
    repo.create({
      email: `assign-agent${counter}-${Date.now()}@example.test`,
      name: `Agent ${counter}`,
      role: 'agent',
      hashedPassword: await bcrypt.hash(TEST_PASSWORD, 4),
      ...patch,
    }),
  );
}

export async function login(t: AssignmentTestApp, email: string): Promise<string> {
  const res = await t.http
    .post('/api/agents/login')
    .send({ email, password: TEST_PASSWORD })
    .expect(200);
  return (res.body as { access_token: string }).access_token;
}

export interface TicketSeed {
  /** The customer's churn risk: orders tickets by score (3 points per unit). */
  churn?: number;
  status?: TicketStatus;
  assignedAgentId?: string | null;
  teamId?: string | null;
  intent?: Intent | null;
}

export interface SeededTicket {
  id: string;
  number: number;
  score: number;
}

/**
 * Inserts a ticket (with its own customer) and computes its stored score the way the rescore
 * job does, so later rescoring leaves the order unchanged.
 */
export async function createTicket(
  t: AssignmentTestApp,
  seed: TicketSeed = {},
): Promise<SeededTicket> {
  counter += 1;
  const customers = await t.db.query<{ id: string }[]>(
    `INSERT INTO customers (email, name, churn_risk) VALUES ($1, $2, $3) RETURNING id`,
    [
      `assign-customer${counter}-${Date.now()}@example.test`,
      `Customer ${counter}`,
      seed.churn ?? 0,
    ],
  );
  const rows = await t.db.query<{ id: string; number: string }[]>(
    `INSERT INTO tickets (customer_id, subject, channel, status, assigned_agent_id, team_id,
                          detected_intent)
     VALUES ($1, $2, 'email', $3, $4, $5, $6)
     RETURNING id, number`,
    [
      customers[0]?.id,
      `Ticket ${counter}`,
      seed.status ?? 'open',
      seed.assignedAgentId ?? null,
      seed.teamId ?? null,
      seed.intent ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('ticket insert returned no row');
  const scored = await t.app
    .get(ScoringService)
    .rescore({ ticketId: row.id, reason: 'ticket_changed' });
  return { id: row.id, number: Number(row.number), score: scored?.score ?? 0 };
}

/** Several tickets with the same seed, the first with the highest churn (highest score). */
export async function createTickets(
  t: AssignmentTestApp,
  count: number,
  seed: TicketSeed = {},
): Promise<SeededTicket[]> {
  const out: SeededTicket[] = [];
  for (let i = 0; i < count; i++) {
    out.push(await createTicket(t, { ...seed, churn: seed.churn ?? (count - i) / (count + 1) }));
  }
  return out;
}
