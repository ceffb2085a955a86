import { compileCalendar, localDayOf, openIntervalsOfDay, type CompiledCalendar } from './calendar';
import { SlaConfigError, toEpochMs } from './instant';
import type { BusinessCalendar, CountingMode, InstantInput, PauseSpan } from './types';

/** Count every second. */
export const WALL_CLOCK: CountingMode = Object.freeze({ kind: 'wall-clock' });

/** Count only seconds inside the calendar's opening hours. */
export function businessHours(calendar: BusinessCalendar): CountingMode {
  return { kind: 'business-hours', calendar };
}

/** A half-open span [start, end) in epoch milliseconds; `end` may be `Infinity`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Pauses → sorted, merged, non-empty spans. Open pauses (`to: null`) end at `openEndMs`
 * (`now` for an SLA computation, `Infinity` for the stand-alone counting functions).
 */
export function normalizePauses(pauses: readonly PauseSpan[], openEndMs: number): Span[] {
  const spans: Span[] = [];
  pauses.forEach((pause, index) => {
    const start = toEpochMs(pause.from, `pauses[${index}].from`);
    const end = pause.to === null ? openEndMs : toEpochMs(pause.to, `pauses[${index}].to`);
    if (end > start) spans.push({ start, end });
  });
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** Receives counted segments [start, end) in order; returns `true` to stop the walk. */
type SegmentVisitor = (start: number, end: number) => boolean;

/**
 * Walks the counted (open and not paused) segments from `fromMs` onwards, in order.
 * Business time is scanned by opening intervals, one local day at a time.
 */
function walkCounted(
  calendar: CompiledCalendar | null,
  fromMs: number,
  pauses: readonly Span[],
  visit: SegmentVisitor,
): void {
  if (calendar === null) {
    let cursor = fromMs;
    for (const pause of pauses) {
      if (pause.end <= cursor) continue;
      if (pause.start > cursor && visit(cursor, pause.start)) return;
      cursor = pause.end;
      if (cursor === Infinity) return;
    }
    visit(cursor, Infinity);
    return;
  }

  let cursor = fromMs;
  let pauseIndex = 0;
  // Start one day early: with a fold at midnight the previous local day can reach past `fromMs`.
  let day = localDayOf(calendar, cursor) - 1;
  let closedDays = 0;
  for (;;) {
    while (pauseIndex < pauses.length && (pauses[pauseIndex] as Span).end <= cursor) pauseIndex++;
    const current = pauses[pauseIndex];
    if (current && current.start <= cursor) {
      // Inside a pause: jump to its end instead of scanning the days it covers.
      if (current.end === Infinity) return;
      cursor = current.end;
      pauseIndex++;
      day = Math.max(day, localDayOf(calendar, cursor) - 1);
      continue;
    }

    const intervals = openIntervalsOfDay(calendar, day);
    let jumped = false;
    for (let i = 0; i < intervals.length; i += 2) {
      const intervalEnd = intervals[i + 1] as number;
      let segmentStart = Math.max(intervals[i] as number, cursor);
      let j = pauseIndex;
      while (segmentStart < intervalEnd) {
        while (j < pauses.length && (pauses[j] as Span).end <= segmentStart) j++;
        const pause = pauses[j];
        if (pause && pause.start <= segmentStart) {
          segmentStart = pause.end;
          jumped = true;
          j++;
          continue;
        }
        const segmentEnd = pause ? Math.min(intervalEnd, pause.start) : intervalEnd;
        if (visit(segmentStart, segmentEnd)) return;
        segmentStart = segmentEnd;
      }
      if (segmentStart > cursor) cursor = segmentStart;
      if (cursor === Infinity) return;
    }

    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > calendar.maxClosedDays) {
      throw new SlaConfigError('Business calendar never opens');
    }
    // A pause may have carried the cursor days ahead: resume from its day, not day by day.
    day = jumped ? Math.max(day + 1, localDayOf(calendar, cursor) - 1) : day + 1;
  }
}

/** The earliest instant at which `amountMs` counted milliseconds have elapsed, or `null`. */
export function addCountedMs(
  calendar: CompiledCalendar | null,
  fromMs: number,
  amountMs: number,
  pauses: readonly Span[],
): number | null {
  if (amountMs <= 0) return fromMs;
  let remaining = amountMs;
  let result: number | null = null;
  walkCounted(calendar, fromMs, pauses, (start, end) => {
    if (end - start >= remaining) {
      result = start + remaining;
      return true;
    }
    remaining -= end - start;
    return false;
  });
  return result;
}

/** Counted milliseconds in [fromMs, toMs); negative when `toMs` is before `fromMs`. */
export function countedMsBetween(
  calendar: CompiledCalendar | null,
  fromMs: number,
  toMs: number,
  pauses: readonly Span[],
): number {
  if (toMs < fromMs) return -countedMsBetween(calendar, toMs, fromMs, pauses);
  let total = 0;
  walkCounted(calendar, fromMs, pauses, (start, end) => {
    if (start >= toMs) return true;
    total += Math.min(end, toMs) - start;
    return end >= toMs;
  });
  return total;
}

export function compileMode(mode: CountingMode): CompiledCalendar | null {
  return mode.kind === 'business-hours' ? compileCalendar(mode.calendar) : null;
}

/**
 * The earliest instant at which `seconds` counted seconds have elapsed since `start`.
 * In business-hours mode counting begins at the next opening when `start` is closed, and a
 * target that is used up exactly at a closing time returns that closing time.
 * `seconds = 0` returns `start`. Pauses with `to: null` are open-ended; if one prevents the
 * amount from ever being reached, a `SlaConfigError` is thrown.
 */
export function addCountedSeconds(
  start: InstantInput,
  seconds: number,
  mode: CountingMode,
  pauses: readonly PauseSpan[] = [],
): Date {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new SlaConfigError('Invalid amount', [
      { field: 'seconds', message: 'must be a finite number ≥ 0' },
    ]);
  }
  const startMs = toEpochMs(start, 'start');
  const result = addCountedMs(
    compileMode(mode),
    startMs,
    Math.round(seconds * 1000),
    normalizePauses(pauses, Infinity),
  );
  if (result === null) {
    throw new SlaConfigError('Amount is never reached: an open-ended pause stops the clock');
  }
  return new Date(result);
}

/**
 * Counted seconds between two instants (wall-clock or business seconds, minus pauses).
 * Negative when `to` is before `from`. Pauses with `to: null` run indefinitely.
 */
export function countedSecondsBetween(
  from: InstantInput,
  to: InstantInput,
  mode: CountingMode,
  pauses: readonly PauseSpan[] = [],
): number {
  return (
    countedMsBetween(
      compileMode(mode),
      toEpochMs(from, 'from'),
      toEpochMs(to, 'to'),
      normalizePauses(pauses, Infinity),
    ) / 1000
  );
}
