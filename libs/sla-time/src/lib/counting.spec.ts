import {
  BERLIN,
  HOUR,
  local,
  lunchBreakCalendar,
  MINUTE,
  officeCalendar,
  show,
} from '../testing/fixtures';
import { addCountedSeconds, businessHours, countedSecondsBetween, WALL_CLOCK } from './counting';
import { SlaConfigError } from './instant';
import type { PauseSpan } from './types';

// March 2026: Mon 2 … Fri 6, Sat 7, Sun 8, Mon 9. Good Friday 3 Apr, Easter Monday 6 Apr.
const office = businessHours(officeCalendar());
const lunch = businessHours(lunchBreakCalendar());

function pause(from: string, to: string | null): PauseSpan {
  return { from: local(from), to: to === null ? null : local(to) };
}

describe('wall-clock counting', () => {
  it('adds real seconds', () => {
    expect(show(addCountedSeconds(local('2026-03-06 15:00'), 4 * HOUR, WALL_CLOCK))).toBe(
      'Fri 2026-03-06 19:00',
    );
  });

  it('counts nights and weekends', () => {
    expect(
      countedSecondsBetween(local('2026-03-06 17:00'), local('2026-03-09 09:00'), WALL_CLOCK),
    ).toBe(64 * HOUR);
  });

  it('skips paused time', () => {
    const pauses = [pause('2026-03-02 11:00', '2026-03-02 12:00')];
    expect(show(addCountedSeconds(local('2026-03-02 10:00'), 3 * HOUR, WALL_CLOCK, pauses))).toBe(
      'Mon 2026-03-02 14:00',
    );
    expect(
      countedSecondsBetween(
        local('2026-03-02 10:00'),
        local('2026-03-02 14:00'),
        WALL_CLOCK,
        pauses,
      ),
    ).toBe(3 * HOUR);
  });

  it('keeps milliseconds exact', () => {
    expect(addCountedSeconds('2026-03-02T10:00:00.250Z', 1.5, WALL_CLOCK).toISOString()).toBe(
      '2026-03-02T10:00:01.750Z',
    );
  });
});

describe('business-hours counting: weekdays, weekends, closed starts', () => {
  it.each([
    ['within one day', '2026-03-02 10:00', 2 * HOUR, 'Mon 2026-03-02 12:00'],
    ['into the next day', '2026-03-02 15:00', 4 * HOUR, 'Tue 2026-03-03 11:00'],
    ['over the weekend from Friday', '2026-03-06 15:00', 4 * HOUR, 'Mon 2026-03-09 11:00'],
    ['a whole business week', '2026-03-02 09:00', 40 * HOUR, 'Fri 2026-03-06 17:00'],
    ['a week and a second', '2026-03-02 09:00', 40 * HOUR + 1, 'Mon 2026-03-09 09:00:01'],
    ['created on Saturday', '2026-03-07 10:00', 2 * HOUR, 'Mon 2026-03-09 11:00'],
    ['created on Sunday night', '2026-03-08 23:30', 2 * HOUR, 'Mon 2026-03-09 11:00'],
    ['created before opening', '2026-03-03 07:00', 2 * HOUR, 'Tue 2026-03-03 11:00'],
    ['created after closing', '2026-03-03 18:00', 2 * HOUR, 'Wed 2026-03-04 11:00'],
    ['created exactly at closing', '2026-03-03 17:00', 30 * MINUTE, 'Wed 2026-03-04 09:30'],
    ['landing exactly on closing time', '2026-03-02 13:00', 4 * HOUR, 'Mon 2026-03-02 17:00'],
    ['one second past closing time', '2026-03-02 13:00', 4 * HOUR + 1, 'Tue 2026-03-03 09:00:01'],
    ['landing on Friday closing', '2026-03-06 09:00', 8 * HOUR, 'Fri 2026-03-06 17:00'],
    [
      'zero seconds returns the start, even when closed',
      '2026-03-07 10:00',
      0,
      'Sat 2026-03-07 10:00',
    ],
  ])('%s: %s + %is → %s', (_case, start, seconds, expected) => {
    expect(show(addCountedSeconds(local(start), seconds, office))).toBe(expected);
  });

  it.each([
    ['a full day', '2026-03-02 00:00', '2026-03-03 00:00', 8 * HOUR],
    ['Friday 16:00 to Monday 10:00', '2026-03-06 16:00', '2026-03-09 10:00', 2 * HOUR],
    ['a whole weekend', '2026-03-06 17:00', '2026-03-09 09:00', 0],
    ['a calendar week', '2026-03-02 00:00', '2026-03-09 00:00', 40 * HOUR],
    ['an empty range', '2026-03-02 10:00', '2026-03-02 10:00', 0],
    ['a reversed range is negative', '2026-03-02 12:00', '2026-03-02 10:00', -2 * HOUR],
  ])('counts %s', (_case, from, to, expected) => {
    expect(countedSecondsBetween(local(from), local(to), office)).toBe(expected);
  });
});

describe('business-hours counting: holidays', () => {
  const goodFriday = businessHours(officeCalendar(BERLIN, ['2026-04-03']));
  const easter = businessHours(officeCalendar(BERLIN, ['2026-04-03', '2026-04-06']));

  it.each([
    [
      'skips a Friday holiday and the weekend after it',
      goodFriday,
      '2026-04-02 16:00',
      2 * HOUR,
      'Mon 2026-04-06 10:00',
    ],
    [
      'skips Good Friday, the weekend and Easter Monday',
      easter,
      '2026-04-02 16:00',
      2 * HOUR,
      'Tue 2026-04-07 10:00',
    ],
    [
      'starts counting after the holiday when created on it',
      goodFriday,
      '2026-04-03 10:00',
      HOUR,
      'Mon 2026-04-06 10:00',
    ],
    [
      'lands on closing time right before a holiday',
      goodFriday,
      '2026-04-02 09:00',
      8 * HOUR,
      'Thu 2026-04-02 17:00',
    ],
  ])('%s', (_case, mode, start, seconds, expected) => {
    expect(show(addCountedSeconds(local(start), seconds, mode))).toBe(expected);
  });

  it('counts no time on holidays', () => {
    expect(
      countedSecondsBetween(local('2026-04-02 09:00'), local('2026-04-07 09:00'), easter),
    ).toBe(8 * HOUR);
    expect(
      countedSecondsBetween(local('2026-04-02 09:00'), local('2026-04-07 09:00'), office),
    ).toBe(24 * HOUR);
  });
});

describe('business-hours counting: several intervals per day (lunch break)', () => {
  it.each([
    ['across lunch', '2026-03-02 11:00', 2 * HOUR, 'Mon 2026-03-02 14:00'],
    ['landing exactly at lunch', '2026-03-02 11:30', 30 * MINUTE, 'Mon 2026-03-02 12:00'],
    ['created during lunch', '2026-03-02 12:15', 30 * MINUTE, 'Mon 2026-03-02 13:30'],
    ['a full day is 7 hours', '2026-03-02 09:00', 7 * HOUR, 'Mon 2026-03-02 17:00'],
    ['into the next morning', '2026-03-02 16:00', 2 * HOUR, 'Tue 2026-03-03 10:00'],
  ])('%s', (_case, start, seconds, expected) => {
    expect(show(addCountedSeconds(local(start), seconds, lunch))).toBe(expected);
  });

  it('does not count the lunch hour', () => {
    expect(countedSecondsBetween(local('2026-03-02 11:00'), local('2026-03-02 14:00'), lunch)).toBe(
      2 * HOUR,
    );
  });
});

describe('business-hours counting with pauses', () => {
  it('consumes only the open parts of a pause spanning the weekend (Fri 16:00 → Mon 10:00)', () => {
    const pauses = [pause('2026-03-06 16:00', '2026-03-09 10:00')];
    const created = local('2026-03-06 10:00');
    // 6 h on Friday, the pause covers Fri 16–17 and Mon 9–10, the last 2 h run Mon 10–12.
    expect(show(addCountedSeconds(created, 8 * HOUR, office, pauses))).toBe('Mon 2026-03-09 12:00');
    expect(show(addCountedSeconds(created, 8 * HOUR, office))).toBe('Mon 2026-03-09 10:00');
    const to = local('2026-03-09 12:00');
    expect(countedSecondsBetween(created, to, office, pauses)).toBe(8 * HOUR);
    // The pause removed exactly 2 business hours: Fri 16–17 and Mon 9–10.
    expect(countedSecondsBetween(created, to, office)).toBe(10 * HOUR);
  });

  it('ignores the part of a pause before the start', () => {
    const pauses = [pause('2026-03-05 12:00', '2026-03-06 11:00')];
    expect(show(addCountedSeconds(local('2026-03-06 10:00'), HOUR, office, pauses))).toBe(
      'Fri 2026-03-06 12:00',
    );
  });

  it('merges overlapping, unsorted and nested pauses', () => {
    const messy = [
      pause('2026-03-02 11:00', '2026-03-02 12:00'),
      pause('2026-03-02 10:00', '2026-03-02 11:30'),
      pause('2026-03-02 10:30', '2026-03-02 10:45'),
    ];
    const clean = [pause('2026-03-02 10:00', '2026-03-02 12:00')];
    const start = local('2026-03-02 09:00');
    expect(show(addCountedSeconds(start, 2 * HOUR, office, messy))).toBe('Mon 2026-03-02 13:00');
    expect(addCountedSeconds(start, 2 * HOUR, office, clean)).toEqual(
      addCountedSeconds(start, 2 * HOUR, office, messy),
    );
    expect(countedSecondsBetween(start, local('2026-03-02 17:00'), office, messy)).toBe(6 * HOUR);
  });

  it('ignores a pause whose end is not after its start', () => {
    const inverted = [pause('2026-03-02 12:00', '2026-03-02 10:00')];
    expect(show(addCountedSeconds(local('2026-03-02 09:00'), 2 * HOUR, office, inverted))).toBe(
      'Mon 2026-03-02 11:00',
    );
  });

  it('lets a pause that starts exactly when the target is reached leave the result unchanged', () => {
    const pauses = [pause('2026-03-02 11:00', '2026-03-02 15:00')];
    expect(show(addCountedSeconds(local('2026-03-02 09:00'), 2 * HOUR, office, pauses))).toBe(
      'Mon 2026-03-02 11:00',
    );
  });

  it('skips a pause lasting several weeks', () => {
    const pauses = [pause('2026-03-02 10:00', '2026-03-23 10:00')];
    expect(show(addCountedSeconds(local('2026-03-02 09:00'), 2 * HOUR, office, pauses))).toBe(
      'Mon 2026-03-23 11:00',
    );
  });

  it('treats an open pause as lasting indefinitely', () => {
    const pauses = [pause('2026-03-02 11:00', null)];
    const start = local('2026-03-02 09:00');
    expect(countedSecondsBetween(start, local('2026-03-20 17:00'), office, pauses)).toBe(2 * HOUR);
    expect(show(addCountedSeconds(start, 2 * HOUR, office, pauses))).toBe('Mon 2026-03-02 11:00');
    expect(() => addCountedSeconds(start, 3 * HOUR, office, pauses)).toThrow(SlaConfigError);
    expect(() => addCountedSeconds(start, 3 * HOUR, WALL_CLOCK, pauses)).toThrow(SlaConfigError);
  });
});

describe('input checking', () => {
  it.each([
    ['a string without offset', '2026-03-02T10:00:00'],
    ['an unparseable string', 'next Tuesday'],
    ['an invalid Date', new Date(Number.NaN)],
    ['a non-finite number', Number.POSITIVE_INFINITY],
  ])('rejects %s as an instant', (_case, start) => {
    expect(() => addCountedSeconds(start, HOUR, WALL_CLOCK)).toThrow(SlaConfigError);
  });

  it.each([
    ['a Date', new Date('2026-03-02T09:00:00Z')],
    ['epoch milliseconds', Date.UTC(2026, 2, 2, 9)],
    ['an ISO string with Z', '2026-03-02T09:00:00Z'],
    ['an ISO string with an offset', '2026-03-02T10:00:00+01:00'],
  ])('accepts %s as an instant', (_case, start) => {
    expect(addCountedSeconds(start, HOUR, WALL_CLOCK).toISOString()).toBe(
      '2026-03-02T10:00:00.000Z',
    );
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p seconds', (seconds) => {
    expect(() => addCountedSeconds(local('2026-03-02 09:00'), seconds, office)).toThrow(
      SlaConfigError,
    );
  });

  it('rejects an invalid pause instant', () => {
    const pauses = [{ from: 'yesterday', to: null }];
    expect(() =>
      countedSecondsBetween(local('2026-03-02 09:00'), local('2026-03-02 10:00'), office, pauses),
    ).toThrow(/pauses\[0\]\.from/);
  });
});
