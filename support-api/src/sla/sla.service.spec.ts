import type { DataSource, EntityManager } from 'typeorm';

import type { Priority, Role, TicketStatus } from '@quimbi/contracts';
import { DomainError } from '@quimbi/server-kit';

import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { AuthAgent } from '../common/authorize.decorator';
import type { PolicyRecord } from './sla-clock';
import type { SlaRepository, TicketRecord, TrackingRecord, TrackingWrite } from './sla.repository';
import { SlaService } from './sla.service';

const MIN = 60_000;
const CREATED = new Date('2026-03-02T10:00:00Z');

/** In-memory stand-in for the repository methods the lifecycle uses. */
class FakeRepository {
  readonly tickets = new Map<string, TicketRecord>();
  readonly tracking = new Map<string, TrackingRecord>();

  async findTicket(_m: unknown, id: string) {
    return this.tickets.get(id) ?? null;
  }
  async lockTracking(_m: unknown, id: string) {
    return this.tracking.get(id) ?? null;
  }
  async findTracking(_m: unknown, id: string) {
    return this.tracking.get(id) ?? null;
  }
  async findPolicy(): Promise<PolicyRecord | null> {
    return null; // the product defaults
  }
  async insertTracking(_m: unknown, row: TrackingWrite) {
    if (this.tracking.has(row.ticketId)) return false;
    this.put(row);
    return true;
  }
  async writeTracking(_m: unknown, rows: TrackingWrite[]) {
    rows.forEach((row) => this.put(row));
  }

  private put(row: TrackingWrite) {
    const ticket = this.tickets.get(row.ticketId);
    if (!ticket) throw new Error(`no ticket ${row.ticketId}`);
    const previous = this.tracking.get(row.ticketId);
    this.tracking.set(row.ticketId, {
      id: `trk_${row.ticketId}`,
      ticketId: row.ticketId,
      priority: ticket.priority,
      ticketStatus: ticket.status,
      ticketCreatedAt: ticket.createdAt,
      assignedAgentId: ticket.assignedAgentId,
      ...row.derived,
      pauses: row.pauses,
      firstResponseAt: row.firstResponseAt,
      resolvedAt: row.resolvedAt,
      firstResponseWarnedAt: previous?.firstResponseWarnedAt ?? null,
      firstResponseBreachedAt: previous?.firstResponseBreachedAt ?? null,
      resolutionWarnedAt: previous?.resolutionWarnedAt ?? null,
      resolutionBreachedAt: previous?.resolutionBreachedAt ?? null,
    });
  }
}

function setup() {
  const repo = new FakeRepository();
  const audits: AuditEntry[] = [];
  const manager = {} as EntityManager;
  const db = {
    manager,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(manager),
  } as unknown as DataSource;
  const audit = {
    record: async (entry: AuditEntry) => void audits.push(entry),
  } as unknown as AuditService;
  const service = new SlaService(db, repo as unknown as SlaRepository, audit);
  const addTicket = (id: string, patch: Partial<TicketRecord> = {}) => {
    const ticket: TicketRecord = {
      id,
      priority: 'urgent' as Priority,
      status: 'open' as TicketStatus,
      createdAt: CREATED,
      assignedAgentId: null,
      firstResponseAt: null,
      resolvedAt: null,
      ...patch,
    };
    repo.tickets.set(id, ticket);
    return ticket;
  };
  return { repo, audits, service, addTicket };
}

const agent = (id: string, role: Role = 'agent'): AuthAgent => ({
  id,
  role,
  email: `${id}@example.test`,
  name: id,
  teamId: null,
  sessionId: 's',
  mustChangePassword: false,
});

const at = (minutes: number) => new Date(CREATED.getTime() + minutes * MIN);

async function conflictOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe('SlaService lifecycle (in memory)', () => {
  it('starts tracking once, from creation', async () => {
    const { service, addTicket, repo } = setup();
    const ticket = addTicket('t1');
    const first = await service.startTracking(ticket, undefined, at(1));
    const again = await service.startTracking({ ...ticket, priority: 'low' }, undefined, at(2));
    expect(first.firstResponseDeadline).toEqual(at(30));
    expect(again.firstResponseDeadline).toEqual(at(30));
    expect(repo.tracking.size).toBe(1);
  });

  it.each<[string, TicketStatus, TicketStatus, { isPaused: boolean; resolved: boolean }]>([
    ['entering pending pauses', 'open', 'pending', { isPaused: true, resolved: false }],
    ['in_progress does not pause', 'open', 'in_progress', { isPaused: false, resolved: false }],
    ['resolving completes', 'open', 'resolved', { isPaused: false, resolved: true }],
    ['closing completes', 'in_progress', 'closed', { isPaused: false, resolved: true }],
  ])('%s', async (_name, from, to, expected) => {
    const { service, addTicket, repo } = setup();
    await service.startTracking(addTicket('t1'), undefined, at(0));
    await service.onStatusChanged('t1', from, to, undefined, at(10));
    const row = repo.tracking.get('t1');
    expect({ isPaused: row?.isPaused, resolved: row?.resolvedAt !== null }).toEqual(expected);
  });

  it('resumes an automatic pause on the customer reply, moving the deadline by the pause', async () => {
    const { service, addTicket, repo } = setup();
    await service.startTracking(addTicket('t1'), undefined, at(0));
    await service.onStatusChanged('t1', 'open', 'pending', undefined, at(10));
    await service.onCustomerReply('t1', at(25));
    expect(repo.tracking.get('t1')).toMatchObject({
      isPaused: false,
      firstResponseDeadline: at(45),
      totalPausedSeconds: 15 * 60,
    });
  });

  it('pauses and resumes by hand with 409 on repeats, and audits both', async () => {
    const { service, addTicket, audits } = setup();
    await service.startTracking(addTicket('t1'), undefined, at(0));
    const caller = agent('a1');
    const paused = await service.pause('t1', caller, 'req-1', at(5));
    expect(paused).toMatchObject({ is_paused: true, first_response: { status: 'paused' } });
    expect(await conflictOf(service.pause('t1', caller, undefined, at(6)))).toBe('conflict');
    const resumed = await service.resume('t1', caller, undefined, at(15));
    expect(resumed.first_response.deadline).toBe(at(40).toISOString());
    expect(await conflictOf(service.resume('t1', caller, undefined, at(16)))).toBe('conflict');
    expect(audits.map((a) => [a.action, a.actorAgentId, a.requestId])).toEqual([
      ['sla.paused', 'a1', 'req-1'],
      ['sla.resumed', 'a1', undefined],
    ]);
  });

  it('refuses to pause a resolved ticket', async () => {
    const { service, addTicket } = setup();
    await service.startTracking(addTicket('t1'), undefined, at(0));
    await service.onStatusChanged('t1', 'open', 'resolved', undefined, at(5));
    expect(await conflictOf(service.pause('t1', agent('a1'), undefined, at(6)))).toBe('conflict');
  });

  it.each<[string, Role, string | null, number | 'not_found']>([
    ['an agent, unassigned ticket', 'agent', null, 200],
    ['an agent, own ticket', 'agent', 'a1', 200],
    ['an agent, someone else’s ticket', 'agent', 'a2', 'not_found'],
    ['a senior agent, someone else’s ticket', 'senior_agent', 'a2', 200],
  ])('visibility: %s', async (_name, role, assignee, expected) => {
    const { service, addTicket } = setup();
    await service.startTracking(addTicket('t1', { assignedAgentId: assignee }), undefined, at(0));
    const result = await service.summary('t1', at(1), agent('a1', role)).then(
      () => 200,
      (err: DomainError) => err.code,
    );
    expect(result).toBe(expected);
  });

  it('records the first public reply once', async () => {
    const { service, addTicket, repo } = setup();
    await service.startTracking(addTicket('t1'), undefined, at(0));
    await service.onPublicAgentReply('t1', at(12));
    await service.onPublicAgentReply('t1', at(20));
    expect(repo.tracking.get('t1')).toMatchObject({
      firstResponseAt: at(12),
      firstResponseStatus: 'met',
    });
  });
});
