import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Priority, TicketStatus } from '@quimbi/contracts';

import type {
  CalendarRecord,
  ClockState,
  DerivedTracking,
  PolicyRecord,
  SlaClockName,
  StoredPause,
} from './sla-clock';
import { rowsOf } from '../database/rows';

/** The ticket fields the SLA engine reads. */
export interface TicketRecord {
  readonly id: string;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly createdAt: Date;
  readonly assignedAgentId: string | null;
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
}

/** A tracking row with the ticket fields derivation needs. */
export interface TrackingRecord extends ClockState {
  readonly id: string;
  readonly ticketId: string;
  readonly priority: Priority;
  readonly ticketStatus: TicketStatus;
  readonly ticketCreatedAt: Date;
  readonly assignedAgentId: string | null;
  readonly firstResponseDeadline: Date;
  readonly firstResponseWarningAt: Date | null;
  readonly firstResponseWarnedAt: Date | null;
  readonly firstResponseBreachedAt: Date | null;
  readonly resolutionDeadline: Date;
  readonly resolutionWarningAt: Date | null;
  readonly resolutionWarnedAt: Date | null;
  readonly resolutionBreachedAt: Date | null;
  readonly isPaused: boolean;
  readonly pausedAt: Date | null;
  readonly totalPausedSeconds: number;
}

/** What to store for one ticket: its clock state and the fields derived from it. */
export interface TrackingWrite extends ClockState {
  readonly ticketId: string;
  readonly derived: DerivedTracking;
}

/** A warning or breach recorded by one conditional update. */
export interface MarkRecord {
  readonly ticketId: string;
  readonly clock: SlaClockName;
  readonly deadline: Date;
  readonly priority: Priority;
  readonly escalate: boolean;
}

export type MarkKind = 'warning' | 'breach';

export interface PolicyChange {
  readonly firstResponseTargetSeconds: number;
  readonly resolutionTargetSeconds: number;
  readonly warningThresholdPercent: number;
  readonly businessHoursOnly: boolean;
  readonly calendarId: string | null;
  readonly escalatePriorityOnBreach: boolean;
}

export interface CalendarChange {
  readonly name: string;
  readonly timeZone: string;
  readonly openingHours: Record<string, unknown>;
  readonly holidays: readonly string[];
}

interface TrackingRow {
  id: string;
  ticket_id: string;
  first_response_deadline: Date;
  first_response_warning_at: Date | null;
  first_response_at: Date | null;
  first_response_warned_at: Date | null;
  first_response_breached_at: Date | null;
  resolution_deadline: Date;
  resolution_warning_at: Date | null;
  resolved_at: Date | null;
  resolution_warned_at: Date | null;
  resolution_breached_at: Date | null;
  is_paused: boolean;
  paused_at: Date | null;
  total_paused_seconds: number;
  pauses: StoredPause[] | null;
  priority: Priority;
  ticket_status: TicketStatus;
  ticket_created_at: Date;
  assigned_agent_id: string | null;
}

interface PolicyRow {
  id: string;
  priority: Priority;
  first_response_target_seconds: number;
  resolution_target_seconds: number;
  warning_threshold_percent: number;
  business_hours_only: boolean;
  calendar_id: string | null;
  escalate_priority_on_breach: boolean;
  updated_at: Date;
  c_id: string | null;
  c_name: string | null;
  c_time_zone: string | null;
  c_weekly_hours: Record<string, { start: string; end: string }[]> | null;
  c_holidays: string[] | null;
  c_created_at: Date | null;
  c_updated_at: Date | null;
}

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  weekly_hours: Record<string, { start: string; end: string }[]>;
  holidays: string[];
  created_at: Date;
  updated_at: Date;
}

const TRACKING_COLUMNS = `
  s.id, s.ticket_id,
  s.first_response_deadline, s.first_response_warning_at, s.first_response_at,
  s.first_response_warned_at, s.first_response_breached_at,
  s.resolution_deadline, s.resolution_warning_at, s.resolved_at,
  s.resolution_warned_at, s.resolution_breached_at,
  s.is_paused, s.paused_at, s.total_paused_seconds, s.pauses,
  t.priority, t.status AS ticket_status, t.created_at AS ticket_created_at, t.assigned_agent_id`;

const POLICY_SELECT = `
  SELECT p.id, p.priority, p.first_response_target_seconds, p.resolution_target_seconds,
         p.warning_threshold_percent, p.business_hours_only, p.calendar_id,
         p.escalate_priority_on_breach, p.updated_at,
         c.id AS c_id, c.name AS c_name, c.time_zone AS c_time_zone,
         c.weekly_hours AS c_weekly_hours, c.holidays AS c_holidays,
         c.created_at AS c_created_at, c.updated_at AS c_updated_at
    FROM sla_policies p
    LEFT JOIN business_calendars c ON c.id = p.calendar_id`;

const CALENDAR_COLUMNS = 'id, name, time_zone, weekly_hours, holidays, created_at, updated_at';

/** SQL fragments per clock: column prefix and "still running" condition on alias `s`. */
const CLOCK_SQL: Record<SlaClockName, { prefix: string; running: (alias: string) => string }> = {
  // Resolution without a reply also completes the first-response clock.
  first_response: {
    prefix: 'first_response',
    running: (a) => `${a}.first_response_at IS NULL AND ${a}.resolved_at IS NULL`,
  },
  resolution: { prefix: 'resolution', running: (a) => `${a}.resolved_at IS NULL` },
};

function toTracking(row: TrackingRow): TrackingRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    priority: row.priority,
    ticketStatus: row.ticket_status,
    ticketCreatedAt: row.ticket_created_at,
    assignedAgentId: row.assigned_agent_id,
    firstResponseDeadline: row.first_response_deadline,
    firstResponseWarningAt: row.first_response_warning_at,
    firstResponseAt: row.first_response_at,
    firstResponseWarnedAt: row.first_response_warned_at,
    firstResponseBreachedAt: row.first_response_breached_at,
    resolutionDeadline: row.resolution_deadline,
    resolutionWarningAt: row.resolution_warning_at,
    resolvedAt: row.resolved_at,
    resolutionWarnedAt: row.resolution_warned_at,
    resolutionBreachedAt: row.resolution_breached_at,
    isPaused: row.is_paused,
    pausedAt: row.paused_at,
    totalPausedSeconds: row.total_paused_seconds,
    pauses: row.pauses ?? [],
  };
}

function toCalendar(row: CalendarRow): CalendarRecord {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    openingHours: row.weekly_hours,
    holidays: row.holidays ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPolicy(row: PolicyRow): PolicyRecord {
  return {
    id: row.id,
    priority: row.priority,
    firstResponseTargetSeconds: row.first_response_target_seconds,
    resolutionTargetSeconds: row.resolution_target_seconds,
    warningThresholdPercent: row.warning_threshold_percent,
    businessHoursOnly: row.business_hours_only,
    calendarId: row.calendar_id,
    escalatePriorityOnBreach: row.escalate_priority_on_breach,
    updatedAt: row.updated_at,
    calendar:
      row.c_id === null
        ? null
        : toCalendar({
            id: row.c_id,
            name: row.c_name ?? '',
            time_zone: row.c_time_zone ?? 'UTC',
            weekly_hours: row.c_weekly_hours ?? {},
            holidays: row.c_holidays ?? [],
            created_at: row.c_created_at ?? new Date(0),
            updated_at: row.c_updated_at ?? new Date(0),
          }),
  };
}

/** Rows for `jsonb_to_recordset`: one statement writes a whole batch. */
function toWriteJson(rows: readonly TrackingWrite[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      ticket_id: r.ticketId,
      first_response_status: r.derived.firstResponseStatus,
      first_response_deadline: r.derived.firstResponseDeadline.toISOString(),
      first_response_warning_at: r.derived.firstResponseWarningAt.toISOString(),
      first_response_at: r.firstResponseAt?.toISOString() ?? null,
      resolution_status: r.derived.resolutionStatus,
      resolution_deadline: r.derived.resolutionDeadline.toISOString(),
      resolution_warning_at: r.derived.resolutionWarningAt.toISOString(),
      resolved_at: r.resolvedAt?.toISOString() ?? null,
      is_paused: r.derived.isPaused,
      paused_at: r.derived.pausedAt?.toISOString() ?? null,
      total_paused_seconds: r.derived.totalPausedSeconds,
      pauses: r.pauses,
    })),
  );
}

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS v(
  ticket_id varchar, first_response_status varchar, first_response_deadline timestamptz,
  first_response_warning_at timestamptz, first_response_at timestamptz,
  resolution_status varchar, resolution_deadline timestamptz, resolution_warning_at timestamptz,
  resolved_at timestamptz, is_paused boolean, paused_at timestamptz, total_paused_seconds int,
  pauses jsonb)`;

/** All SQL of the SLA engine. Every method takes the manager of the surrounding transaction. */
@Injectable()
export class SlaRepository {
  // ---- tickets --------------------------------------------------------------------------------

  async findTicket(m: EntityManager, ticketId: string): Promise<TicketRecord | null> {
    const rows = await m.query<
      {
        id: string;
        priority: Priority;
        status: TicketStatus;
        created_at: Date;
        assigned_agent_id: string | null;
        first_response_at: Date | null;
        resolved_at: Date | null;
      }[]
    >(
      `SELECT id, priority, status, created_at, assigned_agent_id, first_response_at, resolved_at
         FROM tickets WHERE id = $1 AND deleted_at IS NULL`,
      [ticketId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          priority: row.priority,
          status: row.status,
          createdAt: row.created_at,
          assignedAgentId: row.assigned_agent_id,
          firstResponseAt: row.first_response_at,
          resolvedAt: row.resolved_at,
        }
      : null;
  }

  /** Raises a ticket's priority only if it still has `from` (a concurrent change wins). */
  async raiseTicketPriority(
    m: EntityManager,
    ticketId: string,
    from: Priority,
    to: Priority,
  ): Promise<boolean> {
    const rows = await m.query<{ id: string }[]>(
      `UPDATE tickets SET priority = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND priority = $2 AND deleted_at IS NULL
        RETURNING id`,
      [ticketId, from, to],
    );
    return rowsOf(rows).length === 1;
  }

  // ---- tracking -------------------------------------------------------------------------------

  async findTracking(m: EntityManager, ticketId: string): Promise<TrackingRecord | null> {
    const rows = await m.query<TrackingRow[]>(
      `SELECT ${TRACKING_COLUMNS}
         FROM sla_tracking s JOIN tickets t ON t.id = s.ticket_id
        WHERE s.ticket_id = $1`,
      [ticketId],
    );
    return rows[0] ? toTracking(rows[0]) : null;
  }

  /** Locks one ticket's tracking row until the transaction ends. */
  async lockTracking(m: EntityManager, ticketId: string): Promise<TrackingRecord | null> {
    const rows = await m.query<TrackingRow[]>(
      `SELECT ${TRACKING_COLUMNS}
         FROM sla_tracking s JOIN tickets t ON t.id = s.ticket_id
        WHERE s.ticket_id = $1 AND t.deleted_at IS NULL
          FOR UPDATE OF s`,
      [ticketId],
    );
    return rows[0] ? toTracking(rows[0]) : null;
  }

  /** Inserts a ticket's tracking row unless it has one; `true` when inserted. */
  async insertTracking(m: EntityManager, row: TrackingWrite): Promise<boolean> {
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO sla_tracking (
         ticket_id, first_response_status, first_response_deadline, first_response_warning_at,
         first_response_at, resolution_status, resolution_deadline, resolution_warning_at,
         resolved_at, is_paused, paused_at, total_paused_seconds, pauses)
       SELECT v.ticket_id, v.first_response_status, v.first_response_deadline,
              v.first_response_warning_at, v.first_response_at, v.resolution_status,
              v.resolution_deadline, v.resolution_warning_at, v.resolved_at, v.is_paused,
              v.paused_at, v.total_paused_seconds, v.pauses
         FROM ${RECORDSET}
       ON CONFLICT (ticket_id) DO NOTHING
       RETURNING id`,
      [toWriteJson([row])],
    );
    return rows.length === 1;
  }

  /**
   * Stores derived tracking for locked rows in one statement. A recorded warning or breach is
   * cleared when its new instant lies after `now` (the deadline moved later, e.g. a lower
   * priority or a longer target), so the new deadline is watched and recorded once again.
   */
  async writeTracking(m: EntityManager, rows: readonly TrackingWrite[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE sla_tracking s SET
         first_response_status = v.first_response_status,
         first_response_deadline = v.first_response_deadline,
         first_response_warning_at = v.first_response_warning_at,
         first_response_at = v.first_response_at,
         first_response_warned_at = CASE WHEN v.first_response_warning_at > $2 THEN NULL
                                         ELSE s.first_response_warned_at END,
         first_response_breached_at = CASE WHEN v.first_response_deadline > $2 THEN NULL
                                          ELSE s.first_response_breached_at END,
         resolution_status = v.resolution_status,
         resolution_deadline = v.resolution_deadline,
         resolution_warning_at = v.resolution_warning_at,
         resolved_at = v.resolved_at,
         resolution_warned_at = CASE WHEN v.resolution_warning_at > $2 THEN NULL
                                     ELSE s.resolution_warned_at END,
         resolution_breached_at = CASE WHEN v.resolution_deadline > $2 THEN NULL
                                      ELSE s.resolution_breached_at END,
         is_paused = v.is_paused,
         paused_at = v.paused_at,
         total_paused_seconds = v.total_paused_seconds,
         pauses = v.pauses,
         updated_at = now()
       FROM ${RECORDSET}
       WHERE s.ticket_id = v.ticket_id`,
      [toWriteJson(rows), now.toISOString()],
    );
  }

  /**
   * Locks the next batch (by ticket id) of running tracking rows of live tickets with one of the
   * priorities, or, with `calendarPriorities`, of those whose policy counts business hours.
   */
  async lockRunningBatch(
    m: EntityManager,
    priorities: readonly Priority[],
    afterTicketId: string,
    limit: number,
  ): Promise<TrackingRecord[]> {
    const rows = await m.query<TrackingRow[]>(
      `SELECT ${TRACKING_COLUMNS}
         FROM sla_tracking s JOIN tickets t ON t.id = s.ticket_id
        WHERE t.priority = ANY($1::varchar[]) AND t.deleted_at IS NULL
          AND s.resolved_at IS NULL AND s.ticket_id > $2
        ORDER BY s.ticket_id
        LIMIT $3
          FOR UPDATE OF s`,
      [priorities, afterTicketId, limit],
    );
    return rows.map(toTracking);
  }

  /** Paused running clocks whose stored deadlines were derived before `staleBefore`. */
  async lockStalePaused(
    m: EntityManager,
    staleBefore: Date,
    limit: number,
  ): Promise<TrackingRecord[]> {
    const rows = await m.query<TrackingRow[]>(
      `SELECT ${TRACKING_COLUMNS}
         FROM sla_tracking s JOIN tickets t ON t.id = s.ticket_id
        WHERE s.is_paused AND s.resolved_at IS NULL AND t.deleted_at IS NULL
          AND s.updated_at <= $1
        ORDER BY s.updated_at
        LIMIT $2
          FOR UPDATE OF s SKIP LOCKED`,
      [staleBefore.toISOString(), limit],
    );
    return rows.map(toTracking);
  }

  /**
   * Records due warnings or breaches of one clock with a single conditional UPDATE: a row is
   * taken only while its mark is still empty, so however many workers run, each mark is set
   * (and returned) exactly once. `SKIP LOCKED` lets concurrent workers share the batch. The
   * locking query is a CTE, evaluated once: as a subquery joined in the UPDATE, PostgreSQL may
   * rescan it, and each rescan skips the rows just updated and locks the next ones, so the
   * batch would run past its LIMIT.
   * A breach also consumes the warning, so a clock found already past its deadline is not
   * reported as a warning afterwards.
   */
  async recordMarks(
    m: EntityManager,
    clock: SlaClockName,
    kind: MarkKind,
    now: Date,
    limit: number,
  ): Promise<MarkRecord[]> {
    const { prefix, running } = CLOCK_SQL[clock];
    const due =
      kind === 'breach'
        ? `s2.${prefix}_breached_at IS NULL AND s2.${prefix}_deadline <= $1`
        : `s2.${prefix}_warned_at IS NULL AND s2.${prefix}_warning_at <= $1
           AND s2.${prefix}_deadline > $1`;
    const set =
      kind === 'breach'
        ? `${prefix}_breached_at = $1, ${prefix}_warned_at = COALESCE(s.${prefix}_warned_at, $1),
           ${prefix}_status = 'breached'`
        : `${prefix}_warned_at = $1, ${prefix}_status = 'warning'`;
    const stillEmpty =
      kind === 'breach' ? `s.${prefix}_breached_at IS NULL` : `s.${prefix}_warned_at IS NULL`;
    const result = await m.query<
      { ticket_id: string; deadline: Date; priority: Priority; escalate: boolean }[]
    >(
      `WITH due AS (
         SELECT s2.id, t.priority, COALESCE(pol.escalate_priority_on_breach, false) AS escalate
           FROM sla_tracking s2
           JOIN tickets t ON t.id = s2.ticket_id
           LEFT JOIN sla_policies pol ON pol.priority = t.priority
          WHERE ${running('s2')} AND NOT s2.is_paused AND t.deleted_at IS NULL AND ${due}
          ORDER BY s2.${prefix}_deadline
          LIMIT $2
            FOR UPDATE OF s2 SKIP LOCKED)
       UPDATE sla_tracking s
          SET ${set}, updated_at = now()
         FROM due
        WHERE s.id = due.id AND ${stillEmpty} AND NOT s.is_paused AND ${running('s')}
        RETURNING s.ticket_id, s.${prefix}_deadline AS deadline, due.priority, due.escalate`,
      [now.toISOString(), limit],
    );
    return rowsOf(result).map((r) => ({
      ticketId: r.ticket_id,
      clock,
      deadline: r.deadline,
      priority: r.priority,
      escalate: r.escalate,
    }));
  }

  // ---- policies -------------------------------------------------------------------------------

  async listPolicies(m: EntityManager): Promise<PolicyRecord[]> {
    const rows = await m.query<PolicyRow[]>(POLICY_SELECT);
    return rows.map(toPolicy);
  }

  async findPolicy(m: EntityManager, priority: Priority): Promise<PolicyRecord | null> {
    const rows = await m.query<PolicyRow[]>(`${POLICY_SELECT} WHERE p.priority = $1`, [priority]);
    return rows[0] ? toPolicy(rows[0]) : null;
  }

  async lockPolicy(m: EntityManager, priority: Priority): Promise<PolicyRecord | null> {
    const rows = await m.query<PolicyRow[]>(
      `${POLICY_SELECT} WHERE p.priority = $1 FOR UPDATE OF p`,
      [priority],
    );
    return rows[0] ? toPolicy(rows[0]) : null;
  }

  async insertPolicyIfMissing(
    m: EntityManager,
    priority: Priority,
    values: PolicyChange,
  ): Promise<void> {
    await m.query(
      `INSERT INTO sla_policies (id, priority, first_response_target_seconds,
         resolution_target_seconds, warning_threshold_percent, business_hours_only, calendar_id,
         escalate_priority_on_breach)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (priority) DO NOTHING`,
      [
        `sla_${priority}`,
        priority,
        values.firstResponseTargetSeconds,
        values.resolutionTargetSeconds,
        values.warningThresholdPercent,
        values.businessHoursOnly,
        values.calendarId,
        values.escalatePriorityOnBreach,
      ],
    );
  }

  async updatePolicy(m: EntityManager, priority: Priority, values: PolicyChange): Promise<void> {
    await m.query(
      `UPDATE sla_policies SET first_response_target_seconds = $2, resolution_target_seconds = $3,
         warning_threshold_percent = $4, business_hours_only = $5, calendar_id = $6,
         escalate_priority_on_breach = $7, updated_at = now()
       WHERE priority = $1`,
      [
        priority,
        values.firstResponseTargetSeconds,
        values.resolutionTargetSeconds,
        values.warningThresholdPercent,
        values.businessHoursOnly,
        values.calendarId,
        values.escalatePriorityOnBreach,
      ],
    );
  }

  /** Priorities whose policy references the calendar. */
  async prioritiesUsingCalendar(m: EntityManager, calendarId: string): Promise<Priority[]> {
    const rows = await m.query<{ priority: Priority }[]>(
      `SELECT priority FROM sla_policies WHERE calendar_id = $1`,
      [calendarId],
    );
    return rows.map((r) => r.priority);
  }

  /** Calendar id → priorities using it, for all calendars. */
  async calendarUsage(m: EntityManager): Promise<Map<string, Priority[]>> {
    const rows = await m.query<{ calendar_id: string; priority: Priority }[]>(
      `SELECT calendar_id, priority FROM sla_policies WHERE calendar_id IS NOT NULL`,
    );
    const usage = new Map<string, Priority[]>();
    for (const row of rows)
      usage.set(row.calendar_id, [...(usage.get(row.calendar_id) ?? []), row.priority]);
    return usage;
  }

  // ---- calendars ------------------------------------------------------------------------------

  async listCalendars(m: EntityManager): Promise<CalendarRecord[]> {
    const rows = await m.query<CalendarRow[]>(
      `SELECT ${CALENDAR_COLUMNS} FROM business_calendars ORDER BY name, id`,
    );
    return rows.map(toCalendar);
  }

  async findCalendar(m: EntityManager, id: string): Promise<CalendarRecord | null> {
    const rows = await m.query<CalendarRow[]>(
      `SELECT ${CALENDAR_COLUMNS} FROM business_calendars WHERE id = $1`,
      [id],
    );
    return rows[0] ? toCalendar(rows[0]) : null;
  }

  /** Locks a calendar row: policies cannot start referencing it until the transaction ends. */
  async lockCalendar(m: EntityManager, id: string): Promise<CalendarRecord | null> {
    const rows = await m.query<CalendarRow[]>(
      `SELECT ${CALENDAR_COLUMNS} FROM business_calendars WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toCalendar(rows[0]) : null;
  }

  async insertCalendar(m: EntityManager, values: CalendarChange): Promise<CalendarRecord> {
    const rows = await m.query<CalendarRow[]>(
      `INSERT INTO business_calendars (name, time_zone, weekly_hours, holidays)
       VALUES ($1, $2, $3::jsonb, $4::jsonb)
       RETURNING ${CALENDAR_COLUMNS}`,
      [
        values.name,
        values.timeZone,
        JSON.stringify(values.openingHours),
        JSON.stringify(values.holidays),
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('Calendar insert returned no row');
    return toCalendar(row);
  }

  async updateCalendar(
    m: EntityManager,
    id: string,
    values: CalendarChange,
  ): Promise<CalendarRecord | null> {
    const result = await m.query<CalendarRow[]>(
      `UPDATE business_calendars
          SET name = $2, time_zone = $3, weekly_hours = $4::jsonb, holidays = $5::jsonb,
              updated_at = now()
        WHERE id = $1
        RETURNING ${CALENDAR_COLUMNS}`,
      [
        id,
        values.name,
        values.timeZone,
        JSON.stringify(values.openingHours),
        JSON.stringify(values.holidays),
      ],
    );
    const row = rowsOf(result)[0];
    return row ? toCalendar(row) : null;
  }

  async deleteCalendar(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM business_calendars WHERE id = $1`, [id]);
  }
}
