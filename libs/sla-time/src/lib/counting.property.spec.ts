import { IANAZone } from 'luxon';

import {
  BERLIN,
  dailyNineToFive,
  lunchBreakCalendar,
  NEW_YORK,
  seededRandom,
  sundayAllDay,
  sundayNightWindow,
} from '../testing/fixtures';
import { addCountedSeconds, businessHours, countedSecondsBetween, WALL_CLOCK } from './counting';
import type { BusinessCalendar, CountingMode, PauseSpan } from './types';

const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);
/** The four 2026 DST switches of Berlin and New York (UTC). */
const TRANSITIONS = [
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
];
const EASTER_2026 = ['2026-04-03', '2026-04-06', '2026-12-25'];

const MODES: readonly (readonly [string, CountingMode])[] = [
  ['wall clock', WALL_CLOCK],
  [
    'Berlin office with lunch break and holidays',
    businessHours(lunchBreakCalendar(BERLIN, EASTER_2026)),
  ],
  ['New York, every day 09:00–17:00', businessHours(dailyNineToFive(NEW_YORK))],
  ['Berlin, Sundays 00:00–24:00', businessHours(sundayAllDay(BERLIN))],
  ['New York, Sunday nights 01:30–03:30', businessHours(sundayNightWindow(NEW_YORK))],
];

/** Half the starts fall within three days of a DST switch, the rest anywhere in 2026. */
function randomInstant(random: () => number): number {
  if (random() < 0.5) {
    const transition = TRANSITIONS[Math.floor(random() * TRANSITIONS.length)] ?? YEAR_START;
    return Math.floor(transition + (random() - 0.5) * 6 * DAY_MS);
  }
  return Math.floor(YEAR_START + random() * (YEAR_END - YEAR_START));
}

function randomSeconds(random: () => number): number {
  const roll = random();
  if (roll < 0.05) return 0;
  if (roll < 0.3) return Math.floor(random() * 3600);
  return Math.floor(random() * 10 * 86_400);
}

function randomPauses(random: () => number, around: number): PauseSpan[] {
  const count = Math.floor(random() * 4);
  return Array.from({ length: count }, () => {
    const from = Math.floor(around + (random() - 0.3) * 5 * DAY_MS);
    return { from, to: Math.floor(from + random() * 2 * DAY_MS) };
  });
}

describe.each(MODES)('property: %s', (_name, mode) => {
  const SAMPLES = 300;

  it(`countedSecondsBetween(start, addCountedSeconds(start, d)) === d (${SAMPLES} seeded samples)`, () => {
    const random = seededRandom(20260329);
    for (let i = 0; i < SAMPLES; i++) {
      const start = randomInstant(random);
      const seconds = randomSeconds(random);
      const end = addCountedSeconds(start, seconds, mode);
      const context = { start: new Date(start).toISOString(), seconds, end: end.toISOString() };
      expect({ ...context, counted: countedSecondsBetween(start, end, mode) }).toEqual({
        ...context,
        counted: seconds,
      });
    }
  });

  it('the same holds with random pauses, and the result is the earliest such instant', () => {
    const random = seededRandom(20261025);
    for (let i = 0; i < SAMPLES; i++) {
      const start = randomInstant(random);
      const seconds = randomSeconds(random);
      const pauses = randomPauses(random, start);
      const end = addCountedSeconds(start, seconds, mode, pauses).getTime();
      const context = { start: new Date(start).toISOString(), seconds, pauses };
      expect({ ...context, counted: countedSecondsBetween(start, end, mode, pauses) }).toEqual({
        ...context,
        counted: seconds,
      });
      expect(end).toBeGreaterThanOrEqual(start);
      if (seconds > 0) {
        expect(countedSecondsBetween(start, end - 1, mode, pauses)).toBeLessThan(seconds);
      }
    }
  });

  it('adding in two steps equals adding at once', () => {
    const random = seededRandom(20260308);
    for (let i = 0; i < SAMPLES; i++) {
      const start = randomInstant(random);
      const first = randomSeconds(random);
      const second = randomSeconds(random);
      const pauses = randomPauses(random, start);
      const twoSteps = addCountedSeconds(
        addCountedSeconds(start, first, mode, pauses),
        second,
        mode,
        pauses,
      );
      expect({ start, first, second, at: twoSteps.toISOString() }).toEqual({
        start,
        first,
        second,
        at: addCountedSeconds(start, first + second, mode, pauses).toISOString(),
      });
    }
  });
});

/**
 * Independent oracle: walk minute by minute and derive the local weekday, date and time from the
 * zone's UTC offset (looked up once per hour; these zones only switch on the hour).
 * Valid for calendars whose minute-aligned windows avoid 01:00–04:00, where "open while the
 * local clock shows a time inside a window" and "open between the opening and closing instants"
 * agree even on DST nights.
 */
function oracleSeconds(calendar: BusinessCalendar, from: number, to: number): number {
  const zone = IANAZone.create(calendar.timeZone);
  const holidays = new Set(calendar.holidays ?? []);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  let seconds = 0;
  let offsetHour = Number.NaN;
  let offsetMs = 0;
  for (let t = from; t < to; t += 60_000) {
    const hour = Math.floor(t / 3_600_000);
    if (hour !== offsetHour) {
      offsetHour = hour;
      offsetMs = zone.offset(t) * 60_000;
    }
    const wall = new Date(t + offsetMs);
    if (holidays.has(wall.toISOString().slice(0, 10))) continue;
    const weekday = (wall.getUTCDay() || 7) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    const intervals = calendar.openingHours[weekday] ?? [];
    if (intervals.some((i) => minute >= toMinutes(i.start) && minute < toMinutes(i.end))) {
      seconds += 60;
    }
  }
  return seconds;
}

describe.each([
  ['Berlin office with lunch break and holidays', lunchBreakCalendar(BERLIN, EASTER_2026)],
  ['New York, every day 09:00–17:00', dailyNineToFive(NEW_YORK)],
  ['Berlin, Sundays 00:00–24:00', sundayAllDay(BERLIN)],
  ['New York, Sundays 00:00–24:00', sundayAllDay(NEW_YORK)],
])('oracle: %s', (_name, calendar) => {
  it('countedSecondsBetween matches a minute-by-minute count (60 seeded ranges)', () => {
    const random = seededRandom(4242);
    const mode = businessHours(calendar);
    for (let i = 0; i < 60; i++) {
      const from = Math.floor(randomInstant(random) / 60_000) * 60_000;
      const to = from + Math.floor(random() * 3 * 24 * 60) * 60_000;
      const context = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
      expect({ ...context, counted: countedSecondsBetween(from, to, mode) }).toEqual({
        ...context,
        counted: oracleSeconds(calendar, from, to),
      });
    }
  });
});
