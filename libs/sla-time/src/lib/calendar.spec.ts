import {
  BERLIN,
  local,
  lunchBreakCalendar,
  NEW_YORK,
  officeCalendar,
  show,
  sundayAllDay,
  sundayNightWindow,
} from '../testing/fixtures';
import { isOpen, nextOpening, validateCalendar } from './calendar';
import { SlaConfigError } from './instant';
import type { BusinessCalendar } from './types';

const VALID: BusinessCalendar = {
  timeZone: BERLIN,
  openingHours: {
    1: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    7: [{ start: '00:00', end: '24:00' }],
  },
  holidays: ['2026-12-25', '2026-04-03'],
};

function withHours(openingHours: unknown): unknown {
  return { timeZone: BERLIN, openingHours };
}

describe('validateCalendar', () => {
  it('accepts a well-formed calendar, including 24:00 ends and touching intervals', () => {
    expect(validateCalendar(VALID)).toEqual([]);
    expect(
      validateCalendar(
        withHours({
          2: [
            { start: '00:00', end: '12:00' },
            { start: '12:00', end: '24:00' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('accepts a calendar parsed from JSON (weekday keys as strings)', () => {
    expect(validateCalendar(JSON.parse(JSON.stringify(VALID)))).toEqual([]);
  });

  it.each([
    ['a non-object', 'monday', [{ field: '', message: 'must be an object' }]],
    [
      'an unknown time zone',
      { ...VALID, timeZone: 'Mars/Olympus_Mons' },
      [{ field: 'timeZone', message: 'unknown time zone "Mars/Olympus_Mons"' }],
    ],
    [
      'a missing time zone',
      { openingHours: VALID.openingHours },
      [{ field: 'timeZone', message: 'must be an IANA time zone name' }],
    ],
    [
      'missing opening hours',
      { timeZone: BERLIN },
      [{ field: 'openingHours', message: 'must be an object keyed by weekday 1–7' }],
    ],
    [
      'a week without any opening interval',
      withHours({ 1: [], 6: [] }),
      [{ field: 'openingHours', message: 'must contain at least one opening interval' }],
    ],
    [
      'weekday 0 and 8',
      withHours({ 0: [], 1: [{ start: '09:00', end: '17:00' }], 8: [] }),
      [
        { field: 'openingHours.0', message: 'weekday must be 1 (Monday) to 7 (Sunday)' },
        { field: 'openingHours.8', message: 'weekday must be 1 (Monday) to 7 (Sunday)' },
      ],
    ],
    [
      'a weekday that is not a list',
      withHours({ 1: { start: '09:00', end: '17:00' } }),
      [{ field: 'openingHours.1', message: 'must be a list of { start, end } intervals' }],
    ],
    [
      'an interval that is not an object',
      withHours({ 1: ['09:00-17:00'] }),
      [{ field: 'openingHours.1[0]', message: 'must be an object { start, end }' }],
    ],
    [
      'a malformed start (9:00)',
      withHours({ 1: [{ start: '9:00', end: '17:00' }] }),
      [{ field: 'openingHours.1[0].start', message: 'must be a time HH:mm (00:00–23:59)' }],
    ],
    [
      'a start of 24:00',
      withHours({ 1: [{ start: '24:00', end: '24:00' }] }),
      [{ field: 'openingHours.1[0].start', message: 'must be a time HH:mm (00:00–23:59)' }],
    ],
    [
      'an end of 24:30',
      withHours({ 1: [{ start: '09:00', end: '24:30' }] }),
      [{ field: 'openingHours.1[0].end', message: 'must be a time HH:mm (00:00–24:00)' }],
    ],
    [
      'minutes 60',
      withHours({ 1: [{ start: '09:60', end: '17:00' }] }),
      [{ field: 'openingHours.1[0].start', message: 'must be a time HH:mm (00:00–23:59)' }],
    ],
    [
      'an end equal to the start',
      withHours({ 1: [{ start: '09:00', end: '09:00' }] }),
      [{ field: 'openingHours.1[0].end', message: 'must be after start (09:00)' }],
    ],
    [
      'an end before the start (overnight)',
      withHours({ 5: [{ start: '22:00', end: '02:00' }] }),
      [{ field: 'openingHours.5[0].end', message: 'must be after start (22:00)' }],
    ],
    [
      'overlapping intervals, listed out of order',
      withHours({
        3: [
          { start: '13:00', end: '17:00' },
          { start: '09:00', end: '13:30' },
        ],
      }),
      [{ field: 'openingHours.3[0]', message: 'overlaps 09:00–13:30' }],
    ],
    [
      'an interval inside another',
      withHours({
        2: [
          { start: '08:00', end: '18:00' },
          { start: '10:00', end: '11:00' },
        ],
      }),
      [{ field: 'openingHours.2[1]', message: 'overlaps 08:00–18:00' }],
    ],
    [
      'malformed and impossible holidays',
      { ...VALID, holidays: ['2026-02-30', '25.12.2026', '2026-12-24'] },
      [
        { field: 'holidays[0]', message: 'must be a date YYYY-MM-DD' },
        { field: 'holidays[1]', message: 'must be a date YYYY-MM-DD' },
      ],
    ],
    [
      'holidays that are not a list',
      { ...VALID, holidays: '2026-12-25' },
      [{ field: 'holidays', message: 'must be a list of dates YYYY-MM-DD' }],
    ],
  ])('rejects %s', (_case, input, expected) => {
    expect(validateCalendar(input)).toEqual(expected);
  });
});

describe('isOpen', () => {
  const lunch = lunchBreakCalendar(BERLIN, ['2026-04-03']);

  it.each([
    ['Mon 08:59:59 (before opening)', '2026-03-02 08:59:59', false],
    ['Mon 09:00 (opening time is open)', '2026-03-02 09:00', true],
    ['Mon 11:59:59', '2026-03-02 11:59:59', true],
    ['Mon 12:00 (lunch starts: closed)', '2026-03-02 12:00', false],
    ['Mon 12:30 (lunch)', '2026-03-02 12:30', false],
    ['Mon 13:00 (after lunch)', '2026-03-02 13:00', true],
    ['Mon 17:00 (closing time is closed)', '2026-03-02 17:00', false],
    ['Sat 11:00 (weekend)', '2026-03-07 11:00', false],
    ['Sun 11:00 (weekend)', '2026-03-08 11:00', false],
    ['Good Friday 11:00 (holiday)', '2026-04-03 11:00', false],
    ['Thursday before Good Friday 11:00', '2026-04-02 11:00', true],
  ])('%s → %s', (_case, at, expected) => {
    expect(isOpen(local(at), lunch)).toBe(expected);
  });

  it('treats a Sunday open 00:00–24:00 as open right up to Monday 00:00', () => {
    const sunday = sundayAllDay(BERLIN);
    expect(isOpen(local('2026-03-29 23:59:59'), sunday)).toBe(true);
    expect(isOpen(local('2026-03-30 00:00'), sunday)).toBe(false);
    expect(isOpen(local('2026-03-28 23:59:59'), sunday)).toBe(false);
  });

  it('keeps a 01:30–03:30 window open through the repeated hour of a fall-back night', () => {
    // New York, 1 Nov 2026: 01:00–02:00 happens twice. The window opens at the first 01:30
    // (05:30Z) and closes at 03:30 EST (08:30Z), so the second 01:15 (06:15Z) is open.
    const night = sundayNightWindow(NEW_YORK);
    expect(isOpen('2026-11-01T05:29:59Z', night)).toBe(false);
    expect(isOpen('2026-11-01T05:30:00Z', night)).toBe(true);
    expect(isOpen('2026-11-01T06:15:00Z', night)).toBe(true);
    expect(isOpen('2026-11-01T08:29:59Z', night)).toBe(true);
    expect(isOpen('2026-11-01T08:30:00Z', night)).toBe(false);
  });

  it('throws a SlaConfigError listing the problems of an invalid calendar', () => {
    const invalid = { timeZone: 'Nowhere/City', openingHours: { 1: [] } } as BusinessCalendar;
    expect(() => isOpen(new Date(), invalid)).toThrow(SlaConfigError);
    expect(() => isOpen(new Date(), invalid)).toThrow(/timeZone unknown time zone/);
  });
});

describe('nextOpening', () => {
  const office = officeCalendar(BERLIN, ['2026-04-03', '2026-04-06']);

  it.each([
    ['returns the instant itself while open', '2026-03-02 10:15', 'Mon 2026-03-02 10:15'],
    ['moves an early-morning instant to 09:00', '2026-03-02 06:00', 'Mon 2026-03-02 09:00'],
    ['moves a closing-time instant to the next day', '2026-03-02 17:00', 'Tue 2026-03-03 09:00'],
    ['skips the weekend from Friday evening', '2026-03-06 18:30', 'Mon 2026-03-09 09:00'],
    ['skips the weekend from Saturday', '2026-03-07 12:00', 'Mon 2026-03-09 09:00'],
    [
      'skips Good Friday, the weekend and Easter Monday',
      '2026-04-02 17:30',
      'Tue 2026-04-07 09:00',
    ],
    ['skips the DST weekend in March', '2026-03-27 17:00', 'Mon 2026-03-30 09:00'],
  ])('%s', (_case, at, expected) => {
    expect(show(nextOpening(local(at), office))).toBe(expected);
  });

  it('moves a reminder out of the lunch break', () => {
    expect(show(nextOpening(local('2026-03-02 12:10'), lunchBreakCalendar()))).toBe(
      'Mon 2026-03-02 13:00',
    );
  });

  it('finds the only weekly window, on a spring-forward night', () => {
    // Berlin, 29 Mar 2026: 01:30 CET is 00:30Z.
    expect(nextOpening(local('2026-03-27 12:00'), sundayNightWindow(BERLIN)).toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
  });

  it('works in New York time', () => {
    expect(
      show(nextOpening(local('2026-03-06 17:00', NEW_YORK), officeCalendar(NEW_YORK)), NEW_YORK),
    ).toBe('Mon 2026-03-09 09:00');
  });
});
