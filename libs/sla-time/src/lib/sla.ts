import { compileCalendar, type CompiledCalendar } from './calendar';
import { addCountedMs, countedMsBetween, normalizePauses, type Span } from './counting';
import { SlaConfigError, toEpochMs } from './instant';
import { DEFAULT_WARNING_THRESHOLD_PERCENT, policyErrors } from './policy';
import type { InstantInput, SlaClock, SlaInput, SlaResult, SlaStatus } from './types';

interface ClockContext {
  readonly calendar: CompiledCalendar | null;
  readonly createdMs: number;
  readonly nowMs: number;
  readonly pauses: readonly Span[];
  readonly pausedNow: boolean;
  readonly thresholdPercent: number;
}

function optionalInstant(value: InstantInput | null | undefined, field: string): number | null {
  return value === null || value === undefined ? null : toEpochMs(value, field);
}

function instantAfter(context: ClockContext, amountMs: number, field: string): number {
  const instant = addCountedMs(context.calendar, context.createdMs, amountMs, context.pauses);
  // Open pauses were closed at `now`, so only a never-opening calendar could leave this null.
  if (instant === null) throw new SlaConfigError(`Cannot compute ${field}`);
  return instant;
}

function computeClock(
  context: ClockContext,
  targetSeconds: number,
  completedMs: number | null,
): SlaClock {
  const targetMs = targetSeconds * 1000;
  const warningMs = Math.round((targetMs * context.thresholdPercent) / 100);
  const deadline = instantAfter(context, targetMs, 'deadline');
  const warningAt = instantAfter(context, warningMs, 'warningAt');

  const referenceMs = Math.max(completedMs ?? context.nowMs, context.createdMs);
  const elapsedMs = countedMsBetween(
    context.calendar,
    context.createdMs,
    referenceMs,
    context.pauses,
  );
  const paused = completedMs === null && context.pausedNow;

  let status: SlaStatus;
  if (completedMs !== null) {
    status = referenceMs <= deadline ? 'met' : 'breached';
  } else if (referenceMs > deadline) {
    status = 'breached';
  } else if (paused) {
    status = 'paused';
  } else if (elapsedMs >= warningMs) {
    status = 'warning';
  } else {
    status = 'pending';
  }

  return {
    status,
    targetSeconds,
    deadline: new Date(deadline),
    warningAt: new Date(warningAt),
    elapsedSeconds: elapsedMs / 1000,
    remainingSeconds: (targetMs - elapsedMs) / 1000,
    percentUsed: (elapsedMs / targetMs) * 100,
    paused,
    completedAt: completedMs === null ? null : new Date(completedMs),
  };
}

/**
 * Computes both SLA clocks of a ticket. Deadlines always run from `createdAt`: after a priority
 * change call it again with the new policy and the original `createdAt`.
 *
 * - Counting follows `policy.businessHoursOnly` with `policy.calendar ?? input.calendar`.
 * - Pauses are subtracted; an open pause runs to `now`, so while paused the deadline is computed
 *   as if the clock resumed at `now` (it moves later as the pause lasts).
 * - `status`: `met` / `breached` once completed (completion exactly at the deadline is met);
 *   while running `breached` when `now` is after the deadline, else `paused`, `warning`
 *   (counted time ≥ threshold) or `pending`. A deadline that falls on a closing time is breached
 *   from that instant on, even though no business time (so `remainingSeconds = 0`) passes while
 *   closed.
 *
 * Throws `SlaConfigError` for an invalid policy, calendar or instant.
 */
export function computeSla(input: SlaInput): SlaResult {
  const { policy } = input;
  const errors = policyErrors(policy, false);
  if (errors.length > 0) throw new SlaConfigError('Invalid SLA policy', errors);

  const calendarInput = policy.calendar ?? input.calendar;
  let calendar: CompiledCalendar | null = null;
  if (policy.businessHoursOnly) {
    if (!calendarInput) {
      throw new SlaConfigError('Invalid SLA policy', [
        { field: 'calendar', message: 'is required when businessHoursOnly is true' },
      ]);
    }
    calendar = compileCalendar(calendarInput);
  }

  const createdMs = toEpochMs(input.createdAt, 'createdAt');
  const nowMs = toEpochMs(input.now, 'now');
  const rawPauses = input.pauses ?? [];
  const pauses = normalizePauses(rawPauses, nowMs);
  const pausedNow = rawPauses.some(
    (pause, index) =>
      toEpochMs(pause.from, `pauses[${index}].from`) <= nowMs &&
      (pause.to === null || toEpochMs(pause.to, `pauses[${index}].to`) > nowMs),
  );

  const context: ClockContext = {
    calendar,
    createdMs,
    nowMs,
    pauses,
    pausedNow,
    thresholdPercent: policy.warningThresholdPercent ?? DEFAULT_WARNING_THRESHOLD_PERCENT,
  };
  const resolvedMs = optionalInstant(input.resolvedAt, 'resolvedAt');
  const firstResponseMs = optionalInstant(input.firstResponseAt, 'firstResponseAt') ?? resolvedMs;

  return {
    mode: calendar === null ? 'wall-clock' : 'business-hours',
    paused: pausedNow,
    firstResponse: computeClock(context, policy.firstResponseTargetSeconds, firstResponseMs),
    resolution: computeClock(context, policy.resolutionTargetSeconds, resolvedMs),
  };
}
