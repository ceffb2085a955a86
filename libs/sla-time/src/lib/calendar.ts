import { IANAZone } from 'luxon';

import { SlaConfigError, toEpochMs } from './instant';
import type { BusinessCalendar, FieldError, InstantInput, IsoWeekday } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 'HH:mm' → minutes after local midnight, or `null` when malformed. */
function parseTime(value: unknown, allow24: boolean): number | null {
  if (typeof value !== 'string') return null;
  const match = (allow24 ? END_TIME : START_TIME).exec(value);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/** 'YYYY-MM-DD' → days since 1970-01-01 of that local date, or `null` when not a real date. */
function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function formatMinutes(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Validates an untrusted calendar (e.g. a request body). Returns an empty list when valid.
 * Checks: known IANA zone, `HH:mm` times (`24:00` allowed as an end), end after start,
 * no overlapping intervals on a day, weekdays 1–7, at least one opening interval per week,
 * and holidays as real `YYYY-MM-DD` dates.
 */
export function validateCalendar(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(input)) {
    return [{ field: '', message: 'must be an object' }];
  }

  const timeZone = input['timeZone'];
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    errors.push({ field: 'timeZone', message: 'must be an IANA time zone name' });
  } else if (!IANAZone.isValidZone(timeZone)) {
    errors.push({ field: 'timeZone', message: `unknown time zone "${timeZone}"` });
  }

  const openingHours = input['openingHours'];
  if (!isRecord(openingHours)) {
    errors.push({ field: 'openingHours', message: 'must be an object keyed by weekday 1–7' });
  } else {
    let intervalCount = 0;
    for (const key of Object.keys(openingHours)) {
      const field = `openingHours.${key}`;
      if (!/^[1-7]$/.test(key)) {
        errors.push({ field, message: 'weekday must be 1 (Monday) to 7 (Sunday)' });
        continue;
      }
      const intervals = openingHours[key];
      if (!Array.isArray(intervals)) {
        errors.push({ field, message: 'must be a list of { start, end } intervals' });
        continue;
      }
      const parsed: { index: number; start: number; end: number }[] = [];
      intervals.forEach((interval: unknown, index) => {
        const at = `${field}[${index}]`;
        if (!isRecord(interval)) {
          errors.push({ field: at, message: 'must be an object { start, end }' });
          return;
        }
        const start = parseTime(interval['start'], false);
        const end = parseTime(interval['end'], true);
        if (start === null) {
          errors.push({ field: `${at}.start`, message: 'must be a time HH:mm (00:00–23:59)' });
        }
        if (end === null) {
          errors.push({ field: `${at}.end`, message: 'must be a time HH:mm (00:00–24:00)' });
        }
        if (start === null || end === null) return;
        if (end <= start) {
          errors.push({
            field: `${at}.end`,
            message: `must be after start (${formatMinutes(start)})`,
          });
          return;
        }
        parsed.push({ index, start, end });
      });
      intervalCount += parsed.length;
      parsed.sort((a, b) => a.start - b.start || a.index - b.index);
      for (let i = 1; i < parsed.length; i++) {
        const previous = parsed[i - 1];
        const current = parsed[i];
        if (previous && current && current.start < previous.end) {
          errors.push({
            field: `${field}[${current.index}]`,
            message: `overlaps ${formatMinutes(previous.start)}–${formatMinutes(previous.end)}`,
          });
        }
      }
    }
    if (intervalCount === 0 && !errors.some((e) => e.field.startsWith('openingHours'))) {
      errors.push({ field: 'openingHours', message: 'must contain at least one opening interval' });
    }
  }

  const holidays = input['holidays'];
  if (holidays !== undefined) {
    if (!Array.isArray(holidays)) {
      errors.push({ field: 'holidays', message: 'must be a list of dates YYYY-MM-DD' });
    } else {
      holidays.forEach((holiday: unknown, index) => {
        if (parseLocalDate(holiday) === null) {
          errors.push({ field: `holidays[${index}]`, message: 'must be a date YYYY-MM-DD' });
        }
      });
    }
  }

  return errors;
}

/** A calendar prepared for fast interval lookups; built once per distinct calendar content. */
export interface CompiledCalendar {
  readonly zone: IANAZone;
  /** Index 1..7: sorted [startMinute, endMinute] pairs. */
  readonly weekly: readonly (readonly (readonly [number, number])[])[];
  readonly holidays: ReadonlySet<number>;
  /** Upper bound on consecutive closed days; beyond it the calendar would never open. */
  readonly maxClosedDays: number;
  readonly days: Map<number, Float64Array>;
  /** UTC day → offset in ms, or NaN when the offset changes during that day. */
  readonly offsets: Map<number, number>;
}

const MAX_CACHED_CALENDARS = 64;
const MAX_CACHED_DAYS = 20_000;
const compiledByContent = new Map<string, CompiledCalendar>();

/**
 * Validates and prepares a calendar. Results are memoised by content (bounded), so a batch that
 * builds a fresh but identical calendar object per ticket still shares the per-day intervals.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const key = JSON.stringify([calendar.timeZone, calendar.openingHours, calendar.holidays ?? []]);
  const cached = compiledByContent.get(key);
  if (cached) return cached;

  const errors = validateCalendar(calendar);
  if (errors.length > 0) throw new SlaConfigError('Invalid business calendar', errors);

  const weekly: [number, number][][] = [[]];
  for (const day of WEEKDAYS) {
    const intervals = (calendar.openingHours[day] ?? []).map(
      (i) => [parseTime(i.start, false) ?? 0, parseTime(i.end, true) ?? 0] as [number, number],
    );
    weekly.push(intervals.sort((a, b) => a[0] - b[0]));
  }
  const holidays = new Set<number>();
  for (const holiday of calendar.holidays ?? []) {
    const ordinal = parseLocalDate(holiday);
    if (ordinal !== null) holidays.add(ordinal);
  }
  const compiled: CompiledCalendar = {
    zone: IANAZone.create(calendar.timeZone),
    weekly,
    holidays,
    maxClosedDays: 14 + holidays.size,
    days: new Map(),
    offsets: new Map(),
  };
  if (compiledByContent.size >= MAX_CACHED_CALENDARS) {
    const oldest = compiledByContent.keys().next();
    if (!oldest.done) compiledByContent.delete(oldest.value);
  }
  compiledByContent.set(key, compiled);
  return compiled;
}

/**
 * UTC offset of the zone at an instant, in milliseconds. Zone lookups are slow (Intl), so the
 * offset is memoised per UTC day when it is the same at both ends of that day (no transition);
 * only days containing a transition are looked up exactly.
 */
function offsetMs(calendar: CompiledCalendar, epochMs: number): number {
  const utcDay = Math.floor(epochMs / DAY_MS);
  let offset = calendar.offsets.get(utcDay);
  if (offset === undefined) {
    const atStart = calendar.zone.offset(utcDay * DAY_MS);
    const atEnd = calendar.zone.offset((utcDay + 1) * DAY_MS - 1);
    offset = atStart === atEnd ? atStart * MINUTE_MS : Number.NaN;
    if (calendar.offsets.size >= MAX_CACHED_DAYS) calendar.offsets.clear();
    calendar.offsets.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? calendar.zone.offset(epochMs) * MINUTE_MS : offset;
}

/** Local calendar day (days since 1970-01-01) of an instant in the zone. */
export function localDayOf(calendar: CompiledCalendar, epochMs: number): number {
  return Math.floor((epochMs + offsetMs(calendar, epochMs)) / DAY_MS);
}

/**
 * Local wall time (as milliseconds on a UTC scale) → instant, with the "compatible" rule:
 * a time in a fold takes its first occurrence, a time in a gap moves forward by the gap.
 */
function localToInstant(calendar: CompiledCalendar, localMs: number): number {
  const offsetBefore = offsetMs(calendar, localMs - DAY_MS);
  const offsetAfter = offsetMs(calendar, localMs + DAY_MS);
  const earlier = localMs - offsetBefore;
  if (offsetBefore === offsetAfter) return earlier;
  const later = localMs - offsetAfter;
  const earlierValid = offsetMs(calendar, earlier) === offsetBefore;
  const laterValid = offsetMs(calendar, later) === offsetAfter;
  if (earlierValid && laterValid) return Math.min(earlier, later);
  if (laterValid) return later;
  // Valid with the pre-transition offset, or in a gap: the pre-transition offset shifts forward.
  return earlier;
}

/** ISO weekday of a day ordinal (1970-01-01 was a Thursday). */
function weekdayOf(dayOrdinal: number): number {
  return ((((dayOrdinal + 3) % 7) + 7) % 7) + 1;
}

/**
 * Open intervals of a local day as instants: a flat sorted array [start0, end0, start1, end1 …],
 * half-open [start, end). Touching or overlapping intervals are merged.
 */
export function openIntervalsOfDay(calendar: CompiledCalendar, dayOrdinal: number): Float64Array {
  const cached = calendar.days.get(dayOrdinal);
  if (cached) return cached;

  const flat: number[] = [];
  if (!calendar.holidays.has(dayOrdinal)) {
    const midnight = dayOrdinal * DAY_MS;
    for (const [startMin, endMin] of calendar.weekly[weekdayOf(dayOrdinal)] ?? []) {
      const start = localToInstant(calendar, midnight + startMin * MINUTE_MS);
      const end = localToInstant(calendar, midnight + endMin * MINUTE_MS);
      if (end <= start) continue; // e.g. 02:30–03:00 on a night that skips 02:00–03:00
      const lastEnd = flat[flat.length - 1];
      if (lastEnd !== undefined && start <= lastEnd) {
        flat[flat.length - 1] = Math.max(lastEnd, end);
      } else {
        flat.push(start, end);
      }
    }
  }
  const intervals = Float64Array.from(flat);
  if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
  calendar.days.set(dayOrdinal, intervals);
  return intervals;
}

/**
 * The first open instant at or after `fromMs`. Scans day by day (cost proportional to days,
 * never minutes); throws if the calendar stays closed longer than any valid calendar can.
 */
export function firstOpenAtOrAfter(calendar: CompiledCalendar, fromMs: number): number {
  // Start one day early: with a fold at midnight the previous local day can reach past `fromMs`.
  let day = localDayOf(calendar, fromMs) - 1;
  let closedDays = 0;
  for (;;) {
    const intervals = openIntervalsOfDay(calendar, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1] as number;
      if (end > fromMs) return Math.max(intervals[i] as number, fromMs);
    }
    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > calendar.maxClosedDays) {
      throw new SlaConfigError('Business calendar never opens');
    }
    day++;
  }
}

/** Whether the calendar is open at the instant (intervals are half-open: closing time is closed). */
export function isOpen(instant: InstantInput, calendar: BusinessCalendar): boolean {
  const compiled = compileCalendar(calendar);
  const t = toEpochMs(instant);
  return firstOpenAtOrAfter(compiled, t) === t;
}

/**
 * The instant itself when the calendar is open then, otherwise the next opening time.
 * Use it to move reminders out of closed hours.
 */
export function nextOpening(instant: InstantInput, calendar: BusinessCalendar): Date {
  return new Date(firstOpenAtOrAfter(compileCalendar(calendar), toEpochMs(instant)));
}
