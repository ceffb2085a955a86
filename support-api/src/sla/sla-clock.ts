/**
 * The pure part of the SLA engine: how a ticket's lifecycle (status changes, replies, manual
 * pauses) changes its pause spans and completion instants, and how those become the stored
 * `sla_tracking` fields. No I/O and no clock reads: callers pass `now`.
 *
 * Deadlines always run from the ticket's creation with the policy of its current priority
 * (`computeSla` of `@quimbi/sla-time`); pauses are subtracted. While a pause is open the stored
 * deadlines are those that apply if the clock resumed at the instant they were derived.
 */
import type { Priority, TicketStatus } from '@quimbi/contracts';
import { PRIORITIES } from '@quimbi/contracts';
import {
  computeSla,
  DEFAULT_SLA_POLICIES,
  DEFAULT_WARNING_THRESHOLD_PERCENT,
  type BusinessCalendar,
  type FieldError,
  type OpeningHours,
  type SlaClock,
  type SlaPolicy,
  type SlaResult,
  type SlaStatus,
} from '@quimbi/sla-time';

/** Why a clock was stopped: by hand, automatically while waiting on the customer, or resolved. */
export const PAUSE_REASONS = ['manual', 'pending', 'resolved'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One element of `sla_tracking.pauses` (ISO instants; `to: null` while the pause is open). */
export interface StoredPause {
  readonly from: string;
  readonly to: string | null;
  readonly reason?: PauseReason;
}

/** What the lifecycle changes: pause spans and the two completion instants. */
export interface ClockState {
  readonly pauses: readonly StoredPause[];
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
}

export type SlaClockName = 'first_response' | 'resolution';
export const SLA_CLOCKS: readonly SlaClockName[] = ['first_response', 'resolution'];

export interface CalendarRecord {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly openingHours: Record<string, readonly { start: string; end: string }[]>;
  readonly holidays: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PolicyRecord {
  readonly id: string;
  readonly priority: Priority;
  readonly firstResponseTargetSeconds: number;
  readonly resolutionTargetSeconds: number;
  readonly warningThresholdPercent: number;
  readonly businessHoursOnly: boolean;
  readonly calendarId: string | null;
  readonly escalatePriorityOnBreach: boolean;
  readonly updatedAt: Date | null;
  readonly calendar: CalendarRecord | null;
}

/** The stored, derived part of an `sla_tracking` row. */
export interface DerivedTracking {
  readonly firstResponseStatus: SlaStatus;
  readonly firstResponseDeadline: Date;
  readonly firstResponseWarningAt: Date;
  readonly resolutionStatus: SlaStatus;
  readonly resolutionDeadline: Date;
  readonly resolutionWarningAt: Date;
  readonly isPaused: boolean;
  readonly pausedAt: Date | null;
  readonly totalPausedSeconds: number;
}

const DONE_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

export function isDoneStatus(status: TicketStatus): boolean {
  return DONE_STATUSES.includes(status);
}

/** The policy the product ships with for a priority, for a database without its row. */
export function defaultPolicyRecord(priority: Priority): PolicyRecord {
  const defaults = DEFAULT_SLA_POLICIES[priority];
  return {
    id: `default_${priority}`,
    priority,
    firstResponseTargetSeconds: defaults.firstResponseTargetSeconds,
    resolutionTargetSeconds: defaults.resolutionTargetSeconds,
    warningThresholdPercent: defaults.warningThresholdPercent ?? DEFAULT_WARNING_THRESHOLD_PERCENT,
    businessHoursOnly: defaults.businessHoursOnly,
    calendarId: null,
    escalatePriorityOnBreach: false,
    updatedAt: null,
    calendar: null,
  };
}

export function toBusinessCalendar(calendar: CalendarRecord): BusinessCalendar {
  return {
    timeZone: calendar.timeZone,
    openingHours: calendar.openingHours as OpeningHours,
    holidays: calendar.holidays,
  };
}

/**
 * The library policy of a stored one. A business-hours policy whose calendar is gone (it cannot
 * be deleted while in use, but a foreign key sets it null) counts wall-clock time instead, and
 * says so with `calendarMissing`.
 */
export function toSlaPolicy(record: PolicyRecord): { policy: SlaPolicy; calendarMissing: boolean } {
  const calendarMissing = record.businessHoursOnly && record.calendar === null;
  return {
    policy: {
      firstResponseTargetSeconds: record.firstResponseTargetSeconds,
      resolutionTargetSeconds: record.resolutionTargetSeconds,
      warningThresholdPercent: record.warningThresholdPercent,
      businessHoursOnly: record.businessHoursOnly && !calendarMissing,
      ...(record.calendar ? { calendar: toBusinessCalendar(record.calendar) } : {}),
    },
    calendarMissing,
  };
}

/** The open pause, if any (at most one is open at a time). */
export function openPauseOf(pauses: readonly StoredPause[]): StoredPause | null {
  for (let i = pauses.length - 1; i >= 0; i--) {
    const pause = pauses[i];
    if (pause && pause.to === null) return pause;
  }
  return null;
}

export function withPauseOpened(
  pauses: readonly StoredPause[],
  at: Date,
  reason: PauseReason,
): StoredPause[] {
  if (openPauseOf(pauses)) throw new Error('A pause is already open');
  return [...pauses, { from: at.toISOString(), to: null, reason }];
}

/** Closes the open pause at `at` (never before it started); unchanged when none is open. */
export function withPauseClosed(pauses: readonly StoredPause[], at: Date): StoredPause[] {
  return pauses.map((pause) => {
    if (pause.to !== null) return pause;
    const end = Math.max(at.getTime(), Date.parse(pause.from));
    return { ...pause, to: new Date(end).toISOString() };
  });
}

/**
 * A status change as a clock change:
 * - to `resolved`/`closed`: the resolution clock completes at `at` (once) and any open pause ends;
 * - from done to an active status (reopening): the completion is cleared and the time spent
 *   resolved becomes a closed pause, so the clock resumes where it stopped;
 * - to `pending`: an automatic pause opens unless the clock is already paused;
 * - to any other active status: an automatic (`pending`) pause closes; a manual pause stays.
 */
export function applyStatusChange(state: ClockState, to: TicketStatus, at: Date): ClockState {
  if (isDoneStatus(to)) {
    if (state.resolvedAt !== null) return state;
    return { ...state, pauses: withPauseClosed(state.pauses, at), resolvedAt: at };
  }
  let pauses = [...state.pauses];
  if (state.resolvedAt !== null) {
    const from = state.resolvedAt.getTime();
    if (at.getTime() > from) {
      pauses.push({
        from: state.resolvedAt.toISOString(),
        to: at.toISOString(),
        reason: 'resolved',
      });
    }
  }
  const open = openPauseOf(pauses);
  if (to === 'pending') {
    if (!open) pauses = withPauseOpened(pauses, at, 'pending');
  } else if (open?.reason === 'pending') {
    pauses = withPauseClosed(pauses, at);
  }
  return { ...state, pauses, resolvedAt: null };
}

/** Wall-clock seconds covered by closed pauses (overlaps counted once). */
export function closedPauseSeconds(pauses: readonly StoredPause[]): number {
  const spans = pauses
    .filter((p): p is StoredPause & { to: string } => p.to !== null)
    .map((p) => [Date.parse(p.from), Date.parse(p.to)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let totalMs = 0;
  let start = Number.NaN;
  let end = Number.NaN;
  for (const [from, to] of spans) {
    if (Number.isNaN(end) || from > end) {
      if (!Number.isNaN(end)) totalMs += end - start;
      start = from;
      end = to;
    } else {
      end = Math.max(end, to);
    }
  }
  if (!Number.isNaN(end)) totalMs += end - start;
  return Math.round(totalMs / 1000);
}

export interface ComputeInput extends ClockState {
  readonly createdAt: Date;
  readonly policy: SlaPolicy;
  readonly now: Date;
}

export function computeClocks(input: ComputeInput): SlaResult {
  return computeSla({
    createdAt: input.createdAt,
    policy: input.policy,
    pauses: input.pauses.map((p) => ({ from: p.from, to: p.to })),
    firstResponseAt: input.firstResponseAt,
    resolvedAt: input.resolvedAt,
    now: input.now,
  });
}

/** The stored fields of a tracking row, derived at `now`. */
export function deriveTracking(input: ComputeInput): DerivedTracking {
  const result = computeClocks(input);
  const open = openPauseOf(input.pauses);
  return {
    firstResponseStatus: result.firstResponse.status,
    firstResponseDeadline: result.firstResponse.deadline,
    firstResponseWarningAt: result.firstResponse.warningAt,
    resolutionStatus: result.resolution.status,
    resolutionDeadline: result.resolution.deadline,
    resolutionWarningAt: result.resolution.warningAt,
    isPaused: open !== null,
    pausedAt: open ? new Date(open.from) : null,
    totalPausedSeconds: closedPauseSeconds(input.pauses),
  };
}

/** One step up (`low` → `normal` → `high` → `urgent`); `null` for `urgent`. */
export function nextPriority(priority: Priority): Priority | null {
  const index = PRIORITIES.indexOf(priority);
  return index >= 0 && index < PRIORITIES.length - 1 ? (PRIORITIES[index + 1] ?? null) : null;
}

const POLICY_FIELDS: Record<string, string> = {
  firstResponseTargetSeconds: 'first_response_target_seconds',
  resolutionTargetSeconds: 'resolution_target_seconds',
  warningThresholdPercent: 'warning_threshold_percent',
  businessHoursOnly: 'business_hours_only',
  calendar: 'calendar_id',
};

const CALENDAR_FIELDS: Record<string, string> = {
  timeZone: 'time_zone',
  openingHours: 'opening_hours',
  holidays: 'holidays',
};

function renameField(field: string, names: Record<string, string>): string {
  const match = /^([A-Za-z]+)(.*)$/.exec(field);
  if (!match) return field;
  const head = match[1] ?? '';
  const renamed = names[head];
  if (renamed === undefined) return field;
  // Nested calendar problems of a policy belong to the calendar it references.
  return names === POLICY_FIELDS && head === 'calendar' ? renamed : `${renamed}${match[2] ?? ''}`;
}

/** Library field names mentioned in a message (e.g. "shorter than firstResponseTargetSeconds"). */
function renameInMessage(message: string, names: Record<string, string>): string {
  return Object.entries(names).reduce(
    (text, [from, to]) => (from === 'calendar' ? text : text.split(from).join(to)),
    message,
  );
}

/** Library field errors of a policy, named as the API's JSON fields. */
export function policyFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({
    field: renameField(e.field, POLICY_FIELDS),
    message: renameInMessage(e.message, POLICY_FIELDS),
  }));
}

/** Library field errors of a calendar, named as the API's JSON fields. */
export function calendarFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({
    field: renameField(e.field, CALENDAR_FIELDS),
    message: renameInMessage(e.message, CALENDAR_FIELDS),
  }));
}

export function clockOf(result: SlaResult, clock: SlaClockName): SlaClock {
  return clock === 'first_response' ? result.firstResponse : result.resolution;
}
