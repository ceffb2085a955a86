/** Records → the API's snake_case JSON. Pure. */
import type { Priority } from '@quimbi/contracts';
import type { SlaClock } from '@quimbi/sla-time';

import {
  closedPauseSeconds,
  computeClocks,
  openPauseOf,
  toSlaPolicy,
  type CalendarRecord,
  type ClockState,
  type PolicyRecord,
} from './sla-clock';
import type { SlaCalendarView, SlaClockView, SlaPolicyView, SlaTicketSummaryView } from './sla.dto';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const round2 = (n: number) => Math.round(n * 100) / 100;

export function toPolicyView(record: PolicyRecord): SlaPolicyView {
  return {
    id: record.id,
    priority: record.priority,
    first_response_target_seconds: record.firstResponseTargetSeconds,
    resolution_target_seconds: record.resolutionTargetSeconds,
    warning_threshold_percent: record.warningThresholdPercent,
    business_hours_only: record.businessHoursOnly,
    calendar_id: record.calendarId,
    calendar: record.calendar
      ? { id: record.calendar.id, name: record.calendar.name, time_zone: record.calendar.timeZone }
      : null,
    escalate_priority_on_breach: record.escalatePriorityOnBreach,
    updated_at: iso(record.updatedAt),
  };
}

/** The audited shape of a policy (no timestamps, so before/after show only real changes). */
export function policyAuditShape(record: PolicyRecord): Record<string, unknown> {
  return {
    first_response_target_seconds: record.firstResponseTargetSeconds,
    resolution_target_seconds: record.resolutionTargetSeconds,
    warning_threshold_percent: record.warningThresholdPercent,
    business_hours_only: record.businessHoursOnly,
    calendar_id: record.calendarId,
    escalate_priority_on_breach: record.escalatePriorityOnBreach,
  };
}

export function toCalendarView(
  record: CalendarRecord,
  usedBy: readonly Priority[],
): SlaCalendarView {
  return {
    id: record.id,
    name: record.name,
    time_zone: record.timeZone,
    opening_hours: Object.fromEntries(
      Object.entries(record.openingHours).map(([day, intervals]) => [
        day,
        intervals.map((i) => ({ start: i.start, end: i.end })),
      ]),
    ),
    holidays: [...record.holidays],
    used_by_priorities: [...usedBy],
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  };
}

export function calendarAuditShape(record: CalendarRecord): Record<string, unknown> {
  return {
    name: record.name,
    time_zone: record.timeZone,
    opening_hours: record.openingHours,
    holidays: record.holidays,
  };
}

function toClockView(
  clock: SlaClock,
  marks: { warnedAt: Date | null; breachedAt: Date | null },
): SlaClockView {
  return {
    status: clock.status,
    target_seconds: clock.targetSeconds,
    deadline: clock.deadline.toISOString(),
    warning_at: clock.warningAt.toISOString(),
    elapsed_seconds: Math.round(clock.elapsedSeconds),
    remaining_seconds: Math.round(clock.remainingSeconds),
    percent_used: round2(clock.percentUsed),
    paused: clock.paused,
    completed_at: iso(clock.completedAt),
    warned_at: iso(marks.warnedAt),
    breached_at: iso(marks.breachedAt),
  };
}

export interface SummaryInput extends ClockState {
  readonly ticketId: string;
  readonly priority: Priority;
  readonly createdAt: Date;
  readonly policy: PolicyRecord;
  readonly marks: {
    readonly firstResponseWarnedAt: Date | null;
    readonly firstResponseBreachedAt: Date | null;
    readonly resolutionWarnedAt: Date | null;
    readonly resolutionBreachedAt: Date | null;
  };
  readonly now: Date;
}

/**
 * Both clocks computed live at `now` from creation, the current policy and the pauses; while
 * paused each deadline is the one that applies if the clock resumed now.
 */
export function buildSummary(input: SummaryInput): SlaTicketSummaryView {
  const { policy } = toSlaPolicy(input.policy);
  const result = computeClocks({ ...input, policy });
  const open = openPauseOf(input.pauses);
  const openSeconds = open ? Math.max(0, (input.now.getTime() - Date.parse(open.from)) / 1000) : 0;
  return {
    ticket_id: input.ticketId,
    priority: input.priority,
    mode: result.mode,
    is_paused: open !== null,
    paused_at: open ? new Date(open.from).toISOString() : null,
    total_paused_seconds: closedPauseSeconds(input.pauses) + Math.round(openSeconds),
    first_response: toClockView(result.firstResponse, {
      warnedAt: input.marks.firstResponseWarnedAt,
      breachedAt: input.marks.firstResponseBreachedAt,
    }),
    resolution: toClockView(result.resolution, {
      warnedAt: input.marks.resolutionWarnedAt,
      breachedAt: input.marks.resolutionBreachedAt,
    }),
    policy: toPolicyView(input.policy),
    pauses: input.pauses.map((p) => ({
      from: new Date(p.from).toISOString(),
      to: p.to === null ? null : new Date(p.to).toISOString(),
      reason: p.reason ?? 'manual',
    })),
  };
}
