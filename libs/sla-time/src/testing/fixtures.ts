/* Shared test fixtures (excluded from the library build). */
import { DateTime } from 'luxon';

import type { BusinessCalendar, OpeningInterval } from '../lib/types';

export const BERLIN = 'Europe/Berlin';
export const NEW_YORK = 'America/New_York';

export const HOUR = 3600;
export const MINUTE = 60;

/** Local wall time `YYYY-MM-DD HH:mm[:ss]` in a zone → Date. Rejects times a DST gap skips. */
export function local(text: string, zone: string = BERLIN): Date {
  const format = text.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm';
  const dt = DateTime.fromFormat(text, format, { zone });
  if (!dt.isValid || dt.toFormat(format) !== text) {
    throw new Error(`${text} does not exist in ${zone}`);
  }
  return dt.toJSDate();
}

/** Date → `ccc yyyy-MM-dd HH:mm` in a zone, with seconds/milliseconds when not zero. */
export function show(date: Date, zone: string = BERLIN): string {
  const dt = DateTime.fromJSDate(date, { zone });
  let text = dt.toFormat('ccc yyyy-MM-dd HH:mm');
  if (dt.second !== 0 || dt.millisecond !== 0) text += dt.toFormat(':ss');
  if (dt.millisecond !== 0) text += dt.toFormat('.SSS');
  return text;
}

const NINE_TO_FIVE: readonly OpeningInterval[] = [{ start: '09:00', end: '17:00' }];
const WITH_LUNCH: readonly OpeningInterval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const ALL_DAY: readonly OpeningInterval[] = [{ start: '00:00', end: '24:00' }];

/** Monday–Friday 09:00–17:00. */
export function officeCalendar(
  timeZone: string = BERLIN,
  holidays: readonly string[] = [],
): BusinessCalendar {
  const day = NINE_TO_FIVE;
  return { timeZone, openingHours: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays };
}

/** Monday–Friday 09:00–12:00 and 13:00–17:00. */
export function lunchBreakCalendar(
  timeZone: string = BERLIN,
  holidays: readonly string[] = [],
): BusinessCalendar {
  const day = WITH_LUNCH;
  return { timeZone, openingHours: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays };
}

/** Every day 09:00–17:00 (so DST Sundays are business days). */
export function dailyNineToFive(timeZone: string): BusinessCalendar {
  const d = NINE_TO_FIVE;
  return { timeZone, openingHours: { 1: d, 2: d, 3: d, 4: d, 5: d, 6: d, 7: d } };
}

/** Open only on Sundays, 00:00–24:00. */
export function sundayAllDay(timeZone: string): BusinessCalendar {
  return { timeZone, openingHours: { 7: ALL_DAY } };
}

/** Open only on Sunday nights 01:30–03:30, across the DST switch hours. */
export function sundayNightWindow(timeZone: string): BusinessCalendar {
  return { timeZone, openingHours: { 7: [{ start: '01:30', end: '03:30' }] } };
}

/** Deterministic PRNG (mulberry32) so "random" tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
