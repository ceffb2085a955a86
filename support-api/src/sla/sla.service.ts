import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { hasPermission, Permission, PRIORITIES, Priority, TicketStatus } from '@quimbi/contracts';
import {
  ConflictError,
  DomainError,
  FieldError,
  NotFoundError,
  ValidationError,
} from '@quimbi/server-kit';
import { validateCalendar, validatePolicy } from '@quimbi/sla-time';

import { AuditService } from '../audit/audit.service';
import { AuthAgent } from '../common/authorize.decorator';
import {
  applyStatusChange,
  calendarFieldErrors,
  ClockState,
  defaultPolicyRecord,
  DerivedTracking,
  deriveTracking,
  isDoneStatus,
  nextPriority,
  openPauseOf,
  policyFieldErrors,
  PolicyRecord,
  SlaClockName,
  StoredPause,
  toBusinessCalendar,
  toSlaPolicy,
  withPauseClosed,
  withPauseOpened,
} from './sla-clock';
import {
  buildSummary,
  calendarAuditShape,
  policyAuditShape,
  toCalendarView,
  toPolicyView,
} from './sla-views';
import {
  CreateCalendarDto,
  SlaCalendarListView,
  SlaCalendarView,
  SlaPolicyListView,
  SlaPolicyUpdateView,
  SlaTicketSummaryView,
  UpdateCalendarDto,
  UpdateSlaPolicyDto,
} from './sla.dto';
import {
  CalendarChange,
  PolicyChange,
  SlaRepository,
  TicketRecord,
  TrackingRecord,
  TrackingWrite,
} from './sla.repository';

/** The ticket fields `startTracking` needs; the optional ones backfill an existing ticket. */
export interface TrackingStart {
  readonly id: string;
  readonly priority: Priority;
  readonly createdAt: Date;
  /** `pending` starts with the clock paused; `resolved`/`closed` with the resolution done. */
  readonly status?: TicketStatus;
  readonly firstResponseAt?: Date | null;
  readonly resolvedAt?: Date | null;
}

export interface SlaDeadlines {
  readonly firstResponseDeadline: Date;
  readonly firstResponseWarningAt: Date | null;
  readonly resolutionDeadline: Date;
  readonly resolutionWarningAt: Date | null;
}

/** Rows per transaction when re-deriving many tickets (policy or calendar change). */
export const REDERIVE_BATCH_SIZE = 500;

const PG_UNIQUE_VIOLATION = '23505';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === PG_UNIQUE_VIOLATION || e?.driverError?.code === PG_UNIQUE_VIOLATION;
}

function stateOf(record: ClockState): ClockState {
  return {
    pauses: record.pauses,
    firstResponseAt: record.firstResponseAt,
    resolvedAt: record.resolvedAt,
  };
}

function sameState(a: ClockState, b: ClockState): boolean {
  return (
    a.firstResponseAt?.getTime() === b.firstResponseAt?.getTime() &&
    a.resolvedAt?.getTime() === b.resolvedAt?.getTime() &&
    JSON.stringify(a.pauses) === JSON.stringify(b.pauses)
  );
}

/** Agents without "see every ticket" see unassigned tickets and their own; others do not exist. */
function visibleTicket(
  caller: AuthAgent | undefined,
  ticket: TicketRecord | null,
  ticketId: string,
): TicketRecord {
  if (
    !ticket ||
    (caller !== undefined &&
      !hasPermission(caller.role, Permission.TicketsReadAll) &&
      ticket.assignedAgentId !== null &&
      ticket.assignedAgentId !== caller.id)
  ) {
    throw new NotFoundError('Ticket', ticketId);
  }
  return ticket;
}

function changeOf(record: PolicyRecord): PolicyChange {
  return {
    firstResponseTargetSeconds: record.firstResponseTargetSeconds,
    resolutionTargetSeconds: record.resolutionTargetSeconds,
    warningThresholdPercent: record.warningThresholdPercent,
    businessHoursOnly: record.businessHoursOnly,
    calendarId: record.calendarId,
    escalatePriorityOnBreach: record.escalatePriorityOnBreach,
  };
}

/** Whether a policy change moves deadlines (escalation alone does not). */
function movesDeadlines(before: PolicyChange, after: PolicyChange): boolean {
  return (
    before.firstResponseTargetSeconds !== after.firstResponseTargetSeconds ||
    before.resolutionTargetSeconds !== after.resolutionTargetSeconds ||
    before.warningThresholdPercent !== after.warningThresholdPercent ||
    before.businessHoursOnly !== after.businessHoursOnly ||
    (after.businessHoursOnly && before.calendarId !== after.calendarId)
  );
}

/**
 * The SLA engine: keeps each ticket's `sla_tracking` row (deadlines, warning instants, pauses)
 * consistent with its priority's policy and its lifecycle, and serves policies and calendars.
 *
 * Every lifecycle method takes the ticket's tracking row lock (`SELECT … FOR UPDATE`) in the
 * caller's transaction when a manager is passed, or in its own otherwise, then re-derives and
 * stores all fields at once. A ticket without a tracking row (created before tracking existed)
 * gets one on its first lifecycle event.
 */
@Injectable()
export class SlaService {
  private readonly logger = new Logger(SlaService.name);
  private readonly reportedMissingCalendars = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SlaRepository,
    private readonly audit: AuditService,
  ) {}

  // ---- lifecycle (called by the tickets code) -------------------------------------------------

  /**
   * Creates the ticket's tracking row: deadlines and warning instants from its priority's policy,
   * counted from `createdAt`. Does nothing (and returns the stored deadlines) when it exists.
   */
  async startTracking(
    ticket: TrackingStart,
    manager?: EntityManager,
    now = new Date(),
  ): Promise<SlaDeadlines> {
    return this.inTransaction(manager, async (m) => {
      const policy = await this.policyFor(m, ticket.priority);
      const done = ticket.status !== undefined && isDoneStatus(ticket.status);
      const state: ClockState = {
        firstResponseAt: ticket.firstResponseAt ?? null,
        resolvedAt: done ? (ticket.resolvedAt ?? now) : null,
        pauses: ticket.status === 'pending' ? withPauseOpened([], now, 'pending') : [],
      };
      const derived = this.derive(policy, ticket.createdAt, state, now);
      const inserted = await this.repo.insertTracking(m, {
        ticketId: ticket.id,
        ...state,
        derived,
      });
      if (inserted) return derived;
      const existing = await this.repo.findTracking(m, ticket.id);
      return existing ?? derived;
    });
  }

  /** Re-derives deadlines from creation with the ticket's current priority; pauses are kept. */
  async onPriorityChanged(
    ticketId: string,
    manager?: EntityManager,
    now = new Date(),
  ): Promise<void> {
    await this.inTransaction(manager, async (m) => {
      const record = await this.lockOrCreate(m, ticketId, now);
      if (record) await this.store(m, record, stateOf(record), now);
    });
  }

  /**
   * Entering `pending` pauses the clock, leaving it resumes (a manual pause stays);
   * `resolved`/`closed` completes the resolution clock; reopening clears the completion and
   * resumes the clock without counting the time spent resolved.
   */
  async onStatusChanged(
    ticketId: string,
    from: TicketStatus,
    to: TicketStatus,
    manager?: EntityManager,
    at = new Date(),
  ): Promise<void> {
    if (from === to) return;
    await this.inTransaction(manager, async (m) => {
      const record = await this.lockOrCreate(m, ticketId, at);
      if (!record) return;
      const before = stateOf(record);
      const after = applyStatusChange(before, to, at);
      if (!sameState(before, after)) await this.store(m, record, after, at);
    });
  }

  /** The first public (customer-visible) agent reply completes the first-response clock, once. */
  async onPublicAgentReply(
    ticketId: string,
    at = new Date(),
    manager?: EntityManager,
  ): Promise<void> {
    await this.inTransaction(manager, async (m) => {
      const record = await this.lockOrCreate(m, ticketId, at);
      if (!record || record.firstResponseAt !== null) return;
      await this.store(m, record, { ...stateOf(record), firstResponseAt: at }, at);
    });
  }

  /** A customer reply resumes a clock paused automatically because the ticket was pending. */
  async onCustomerReply(ticketId: string, at = new Date(), manager?: EntityManager): Promise<void> {
    await this.inTransaction(manager, async (m) => {
      const record = await this.lockOrCreate(m, ticketId, at);
      if (!record || openPauseOf(record.pauses)?.reason !== 'pending') return;
      await this.store(
        m,
        record,
        { ...stateOf(record), pauses: withPauseClosed(record.pauses, at) },
        at,
      );
    });
  }

  /** Pauses the clocks by hand (audited); 409 when already paused or the ticket is resolved. */
  async pause(
    ticketId: string,
    caller: AuthAgent,
    requestId?: string,
    now = new Date(),
  ): Promise<SlaTicketSummaryView> {
    await this.db.transaction(async (m) => {
      visibleTicket(caller, await this.repo.findTicket(m, ticketId), ticketId);
      const record = await this.lockOrCreate(m, ticketId, now);
      if (!record) throw new NotFoundError('Ticket', ticketId);
      if (record.resolvedAt !== null) {
        throw new ConflictError('The SLA clocks of a resolved ticket are stopped', {
          ticket_id: ticketId,
        });
      }
      const open = openPauseOf(record.pauses);
      if (open) {
        throw new ConflictError(
          `The SLA clock is already paused (since ${new Date(open.from).toISOString()})`,
          {
            ticket_id: ticketId,
            paused_at: new Date(open.from).toISOString(),
            reason: open.reason ?? 'manual',
          },
        );
      }
      await this.store(
        m,
        record,
        { ...stateOf(record), pauses: withPauseOpened(record.pauses, now, 'manual') },
        now,
      );
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'sla.paused',
          entityType: 'ticket',
          entityId: ticketId,
          ticketId,
          before: { is_paused: false },
          after: { is_paused: true, paused_at: now.toISOString() },
          requestId,
        },
        m,
      );
    });
    return this.summary(ticketId, now, caller);
  }

  /** Resumes paused clocks by hand (audited); 409 when they are running. */
  async resume(
    ticketId: string,
    caller: AuthAgent,
    requestId?: string,
    now = new Date(),
  ): Promise<SlaTicketSummaryView> {
    await this.db.transaction(async (m) => {
      visibleTicket(caller, await this.repo.findTicket(m, ticketId), ticketId);
      const record = await this.lockOrCreate(m, ticketId, now);
      if (!record) throw new NotFoundError('Ticket', ticketId);
      const open = openPauseOf(record.pauses);
      if (!open) {
        throw new ConflictError('The SLA clock is not paused', { ticket_id: ticketId });
      }
      await this.store(
        m,
        record,
        { ...stateOf(record), pauses: withPauseClosed(record.pauses, now) },
        now,
      );
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'sla.resumed',
          entityType: 'ticket',
          entityId: ticketId,
          ticketId,
          before: { is_paused: true, paused_at: new Date(open.from).toISOString() },
          after: { is_paused: false },
          metadata: {
            pause_reason: open.reason ?? 'manual',
            paused_seconds: Math.max(0, Math.round((now.getTime() - Date.parse(open.from)) / 1000)),
          },
          requestId,
        },
        m,
      );
    });
    return this.summary(ticketId, now, caller);
  }

  /**
   * Both clocks at `now`, the policy applied and the pauses. With `caller`, a ticket the caller
   * may not see is reported as not found.
   */
  async summary(
    ticketId: string,
    now = new Date(),
    caller?: AuthAgent,
  ): Promise<SlaTicketSummaryView> {
    const m = this.db.manager;
    const ticket = visibleTicket(caller, await this.repo.findTicket(m, ticketId), ticketId);
    const [record, policy] = await Promise.all([
      this.repo.findTracking(m, ticketId),
      this.policyFor(m, ticket.priority),
    ]);
    const untracked = {
      pauses: [] as StoredPause[],
      firstResponseAt: ticket.firstResponseAt,
      resolvedAt: isDoneStatus(ticket.status) ? (ticket.resolvedAt ?? now) : null,
    };
    return buildSummary({
      ticketId,
      priority: ticket.priority,
      createdAt: ticket.createdAt,
      policy,
      ...(record ? stateOf(record) : untracked),
      marks: {
        firstResponseWarnedAt: record?.firstResponseWarnedAt ?? null,
        firstResponseBreachedAt: record?.firstResponseBreachedAt ?? null,
        resolutionWarnedAt: record?.resolutionWarnedAt ?? null,
        resolutionBreachedAt: record?.resolutionBreachedAt ?? null,
      },
      now,
    });
  }

  /**
   * Raises a breached ticket's priority one step (audited), then re-derives its deadlines.
   * A concurrent priority change wins: nothing happens when the priority is no longer `from`.
   */
  async escalatePriority(
    ticketId: string,
    from: Priority,
    clock: SlaClockName,
    now = new Date(),
  ): Promise<Priority | null> {
    const to = nextPriority(from);
    if (!to) return null;
    return this.db.transaction(async (m) => {
      if (!(await this.repo.raiseTicketPriority(m, ticketId, from, to))) return null;
      await this.audit.record(
        {
          actorAgentId: null,
          action: 'ticket.priority_escalated',
          entityType: 'ticket',
          entityId: ticketId,
          ticketId,
          before: { priority: from },
          after: { priority: to },
          metadata: { reason: 'sla_breached', clock },
        },
        m,
      );
      await this.onPriorityChanged(ticketId, m, now);
      return to;
    });
  }

  /**
   * Re-derives the running clocks of live tickets with these priorities, in batches of
   * `REDERIVE_BATCH_SIZE` rows, each batch in its own transaction. Returns how many.
   */
  async rederiveRunning(priorities: readonly Priority[], now = new Date()): Promise<number> {
    if (priorities.length === 0) return 0;
    let after = '';
    let total = 0;
    for (;;) {
      const count = await this.db.transaction(async (m) => {
        const rows = await this.repo.lockRunningBatch(m, priorities, after, REDERIVE_BATCH_SIZE);
        await this.storeMany(m, rows, now);
        after = rows[rows.length - 1]?.ticketId ?? after;
        return rows.length;
      });
      total += count;
      if (count < REDERIVE_BATCH_SIZE) return total;
    }
  }

  /**
   * Brings the stored deadlines of paused clocks up to "if resumed now" for rows last derived
   * before `staleBefore` (the breach check calls it each run). Returns how many were refreshed.
   */
  async refreshPausedDeadlines(
    staleBefore: Date,
    now = new Date(),
    maxBatches = 10,
  ): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const count = await this.db.transaction(async (m) => {
        const rows = await this.repo.lockStalePaused(m, staleBefore, REDERIVE_BATCH_SIZE);
        await this.storeMany(m, rows, now);
        return rows.length;
      });
      total += count;
      if (count < REDERIVE_BATCH_SIZE) break;
    }
    return total;
  }

  // ---- policies -------------------------------------------------------------------------------

  async listPolicies(): Promise<SlaPolicyListView> {
    const stored = await this.repo.listPolicies(this.db.manager);
    const byPriority = new Map(stored.map((p) => [p.priority, p]));
    return {
      policies: PRIORITIES.map((p) => toPolicyView(byPriority.get(p) ?? defaultPolicyRecord(p))),
    };
  }

  /**
   * Applies a partial change, validated as a whole (each bad field named), audits before and
   * after, then re-derives the deadlines of that priority's open tickets.
   */
  async updatePolicy(
    priority: Priority,
    dto: UpdateSlaPolicyDto,
    caller: AuthAgent,
    requestId?: string,
    now = new Date(),
  ): Promise<SlaPolicyUpdateView> {
    const { before, after } = await this.db.transaction(async (m) => {
      let current = await this.repo.lockPolicy(m, priority);
      if (!current) {
        await this.repo.insertPolicyIfMissing(m, priority, changeOf(defaultPolicyRecord(priority)));
        current = await this.repo.lockPolicy(m, priority);
      }
      if (!current) throw new Error(`SLA policy ${priority} could not be created`);
      const old = changeOf(current);
      const merged: PolicyChange = {
        firstResponseTargetSeconds:
          dto.first_response_target_seconds ?? old.firstResponseTargetSeconds,
        resolutionTargetSeconds: dto.resolution_target_seconds ?? old.resolutionTargetSeconds,
        warningThresholdPercent: dto.warning_threshold_percent ?? old.warningThresholdPercent,
        businessHoursOnly: dto.business_hours_only ?? old.businessHoursOnly,
        calendarId: dto.calendar_id !== undefined ? dto.calendar_id : old.calendarId,
        escalatePriorityOnBreach: dto.escalate_priority_on_breach ?? old.escalatePriorityOnBreach,
      };
      await this.validatePolicyChange(m, merged);
      if (JSON.stringify(merged) === JSON.stringify(old))
        return { before: current, after: current };
      await this.repo.updatePolicy(m, priority, merged);
      const updated = await this.repo.findPolicy(m, priority);
      if (!updated) throw new Error(`SLA policy ${priority} vanished`);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'sla_policy.updated',
          entityType: 'sla_policy',
          entityId: updated.id,
          before: policyAuditShape(current),
          after: policyAuditShape(updated),
          metadata: { priority },
          requestId,
        },
        m,
      );
      return { before: current, after: updated };
    });
    const rederived = movesDeadlines(changeOf(before), changeOf(after))
      ? await this.rederiveRunning([priority], now)
      : 0;
    return { ...toPolicyView(after), rederived_tickets: rederived };
  }

  // ---- calendars ------------------------------------------------------------------------------

  async listCalendars(): Promise<SlaCalendarListView> {
    const m = this.db.manager;
    const [calendars, usage] = await Promise.all([
      this.repo.listCalendars(m),
      this.repo.calendarUsage(m),
    ]);
    return { calendars: calendars.map((c) => toCalendarView(c, usage.get(c.id) ?? [])) };
  }

  async getCalendar(id: string): Promise<SlaCalendarView> {
    const m = this.db.manager;
    const calendar = await this.repo.findCalendar(m, id);
    if (!calendar) throw new NotFoundError('Calendar', id);
    return toCalendarView(calendar, await this.repo.prioritiesUsingCalendar(m, id));
  }

  async createCalendar(
    dto: CreateCalendarDto,
    caller: AuthAgent,
    requestId?: string,
  ): Promise<SlaCalendarView> {
    const values: CalendarChange = {
      name: dto.name.trim(),
      timeZone: dto.time_zone,
      openingHours: dto.opening_hours,
      holidays: dto.holidays ?? [],
    };
    this.validateCalendarChange(values);
    try {
      const created = await this.db.transaction(async (m) => {
        const calendar = await this.repo.insertCalendar(m, values);
        await this.audit.record(
          {
            actorAgentId: caller.id,
            action: 'calendar.created',
            entityType: 'calendar',
            entityId: calendar.id,
            after: calendarAuditShape(calendar),
            requestId,
          },
          m,
        );
        return calendar;
      });
      return toCalendarView(created, []);
    } catch (err) {
      throw this.nameConflict(err, values.name);
    }
  }

  /** Changes a calendar (validated as a whole) and re-derives the tickets whose policy uses it. */
  async updateCalendar(
    id: string,
    dto: UpdateCalendarDto,
    caller: AuthAgent,
    requestId?: string,
    now = new Date(),
  ): Promise<SlaCalendarView> {
    let result: { view: SlaCalendarView; businessPriorities: Priority[] };
    try {
      result = await this.db.transaction(async (m) => {
        const current = await this.repo.lockCalendar(m, id);
        if (!current) throw new NotFoundError('Calendar', id);
        const values: CalendarChange = {
          name: dto.name?.trim() ?? current.name,
          timeZone: dto.time_zone ?? current.timeZone,
          openingHours: dto.opening_hours ?? current.openingHours,
          holidays: dto.holidays ?? current.holidays,
        };
        this.validateCalendarChange(values);
        const updated = await this.repo.updateCalendar(m, id, values);
        if (!updated) throw new NotFoundError('Calendar', id);
        await this.audit.record(
          {
            actorAgentId: caller.id,
            action: 'calendar.updated',
            entityType: 'calendar',
            entityId: id,
            before: calendarAuditShape(current),
            after: calendarAuditShape(updated),
            requestId,
          },
          m,
        );
        const usedBy = await this.repo.prioritiesUsingCalendar(m, id);
        const policies = await this.repo.listPolicies(m);
        const businessPriorities = policies
          .filter((p) => p.calendarId === id && p.businessHoursOnly)
          .map((p) => p.priority);
        return { view: toCalendarView(updated, usedBy), businessPriorities };
      });
    } catch (err) {
      throw this.nameConflict(err, dto.name?.trim() ?? '');
    }
    await this.rederiveRunning(result.businessPriorities, now);
    return result.view;
  }

  /** Deletes an unused calendar; 409 naming the priorities whose policy still uses it. */
  async deleteCalendar(id: string, caller: AuthAgent, requestId?: string): Promise<void> {
    await this.db.transaction(async (m) => {
      // The row lock keeps policies from starting to reference it until the delete commits.
      const current = await this.repo.lockCalendar(m, id);
      if (!current) throw new NotFoundError('Calendar', id);
      const usedBy = await this.repo.prioritiesUsingCalendar(m, id);
      if (usedBy.length > 0) {
        throw new ConflictError(
          `Calendar ${id} is used by the SLA policies of priority ${usedBy.join(', ')}; ` +
            'point them at another calendar first',
          { used_by_priorities: usedBy },
        );
      }
      await this.repo.deleteCalendar(m, id);
      await this.audit.record(
        {
          actorAgentId: caller.id,
          action: 'calendar.deleted',
          entityType: 'calendar',
          entityId: id,
          before: calendarAuditShape(current),
          requestId,
        },
        m,
      );
    });
  }

  // ---- internals ------------------------------------------------------------------------------

  private inTransaction<T>(
    manager: EntityManager | undefined,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return manager ? work(manager) : this.db.transaction(work);
  }

  private async policyFor(m: EntityManager, priority: Priority): Promise<PolicyRecord> {
    return (await this.repo.findPolicy(m, priority)) ?? defaultPolicyRecord(priority);
  }

  private derive(
    policy: PolicyRecord,
    createdAt: Date,
    state: ClockState,
    now: Date,
  ): DerivedTracking {
    const { policy: slaPolicy, calendarMissing } = toSlaPolicy(policy);
    if (calendarMissing && !this.reportedMissingCalendars.has(policy.priority)) {
      this.reportedMissingCalendars.add(policy.priority);
      this.logger.warn(
        `SLA policy ${policy.priority} counts business hours but has no calendar; counting wall-clock time`,
      );
    }
    return deriveTracking({ createdAt, policy: slaPolicy, ...state, now });
  }

  /** The locked tracking row; one is created first for a live ticket that has none. */
  private async lockOrCreate(
    m: EntityManager,
    ticketId: string,
    now: Date,
  ): Promise<TrackingRecord | null> {
    const locked = await this.repo.lockTracking(m, ticketId);
    if (locked) return locked;
    const ticket = await this.repo.findTicket(m, ticketId);
    if (!ticket) return null;
    await this.startTracking(
      {
        id: ticket.id,
        priority: ticket.priority,
        createdAt: ticket.createdAt,
        status: ticket.status,
        firstResponseAt: ticket.firstResponseAt,
        resolvedAt: ticket.resolvedAt,
      },
      m,
      now,
    );
    return this.repo.lockTracking(m, ticketId);
  }

  private async store(
    m: EntityManager,
    record: TrackingRecord,
    state: ClockState,
    now: Date,
  ): Promise<void> {
    const policy = await this.policyFor(m, record.priority);
    const derived = this.derive(policy, record.ticketCreatedAt, state, now);
    await this.repo.writeTracking(m, [{ ticketId: record.ticketId, ...state, derived }], now);
  }

  private async storeMany(
    m: EntityManager,
    records: readonly TrackingRecord[],
    now: Date,
  ): Promise<void> {
    if (records.length === 0) return;
    const policies = new Map<Priority, PolicyRecord>();
    for (const priority of new Set(records.map((r) => r.priority))) {
      policies.set(priority, await this.policyFor(m, priority));
    }
    const writes: TrackingWrite[] = records.map((r) => {
      const state = stateOf(r);
      const policy = policies.get(r.priority) ?? defaultPolicyRecord(r.priority);
      return {
        ticketId: r.ticketId,
        ...state,
        derived: this.derive(policy, r.ticketCreatedAt, state, now),
      };
    });
    await this.repo.writeTracking(m, writes, now);
  }

  private async validatePolicyChange(m: EntityManager, change: PolicyChange): Promise<void> {
    const errors: FieldError[] = [];
    let calendar = null;
    if (change.calendarId !== null) {
      calendar = await this.repo.findCalendar(m, change.calendarId);
      if (!calendar)
        errors.push({ field: 'calendar_id', message: `unknown calendar "${change.calendarId}"` });
    } else if (change.businessHoursOnly) {
      errors.push({
        field: 'calendar_id',
        message: 'is required when business_hours_only is true',
      });
    }
    const libraryErrors = validatePolicy({
      firstResponseTargetSeconds: change.firstResponseTargetSeconds,
      resolutionTargetSeconds: change.resolutionTargetSeconds,
      warningThresholdPercent: change.warningThresholdPercent,
      businessHoursOnly: change.businessHoursOnly,
      ...(calendar ? { calendar: toBusinessCalendar(calendar) } : {}),
    });
    errors.unshift(...policyFieldErrors(libraryErrors));
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private validateCalendarChange(values: CalendarChange): void {
    const errors = calendarFieldErrors(
      validateCalendar({
        timeZone: values.timeZone,
        openingHours: values.openingHours,
        holidays: values.holidays,
      }),
    );
    if (errors.length > 0) throw new ValidationError(errors);
  }

  private nameConflict(err: unknown, name: string): unknown {
    if (err instanceof DomainError || !isUniqueViolation(err)) return err;
    return new ConflictError(`A calendar named "${name}" already exists`, { name });
  }
}
