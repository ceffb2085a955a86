import {
  BERLIN,
  dailyNineToFive,
  HOUR,
  local,
  MINUTE,
  NEW_YORK,
  officeCalendar,
  show,
  sundayAllDay,
  sundayNightWindow,
} from '../testing/fixtures';
import { isOpen } from './calendar';
import { addCountedSeconds, businessHours, countedSecondsBetween, WALL_CLOCK } from './counting';

/*
 * DST changes in 2026:
 * - Europe/Berlin: Sun 29 Mar 02:00 CET → 03:00 CEST (01:00Z); Sun 25 Oct 03:00 CEST → 02:00 CET (01:00Z).
 * - America/New_York: Sun 8 Mar 02:00 EST → 03:00 EDT (07:00Z); Sun 1 Nov 02:00 EDT → 01:00 EST (06:00Z).
 */
const TRANSITIONS = [
  {
    zone: BERLIN,
    kind: 'spring forward',
    saturday: '2026-03-28',
    sunday: '2026-03-29',
    monday: '2026-03-30',
    dayHours: 23,
  },
  {
    zone: BERLIN,
    kind: 'fall back',
    saturday: '2026-10-24',
    sunday: '2026-10-25',
    monday: '2026-10-26',
    dayHours: 25,
  },
  {
    zone: NEW_YORK,
    kind: 'spring forward',
    saturday: '2026-03-07',
    sunday: '2026-03-08',
    monday: '2026-03-09',
    dayHours: 23,
  },
  {
    zone: NEW_YORK,
    kind: 'fall back',
    saturday: '2026-10-31',
    sunday: '2026-11-01',
    monday: '2026-11-02',
    dayHours: 25,
  },
] as const;

describe.each(TRANSITIONS)(
  '$zone $kind ($sunday)',
  ({ zone, saturday, sunday, monday, dayHours }) => {
    describe('wall-clock mode', () => {
      it('a 24 h target is 24 real hours, so the local clock shows a different time', () => {
        const expectedLocal = dayHours === 23 ? '13:00' : '11:00';
        const deadline = addCountedSeconds(local(`${saturday} 12:00`, zone), 24 * HOUR, WALL_CLOCK);
        expect(show(deadline, zone)).toBe(`Sun ${sunday} ${expectedLocal}`);
        expect(deadline.getTime() - local(`${saturday} 12:00`, zone).getTime()).toBe(
          24 * HOUR * 1000,
        );
      });

      it(`counts ${dayHours} h from Sunday midnight to Monday midnight`, () => {
        expect(
          countedSecondsBetween(
            local(`${sunday} 00:00`, zone),
            local(`${monday} 00:00`, zone),
            WALL_CLOCK,
          ),
        ).toBe(dayHours * HOUR);
      });
    });

    describe('business mode, calendar open 00:00–24:00 on Sundays', () => {
      const sundays = businessHours(sundayAllDay(zone));

      it(`counts the Sunday as ${dayHours} business hours`, () => {
        expect(
          countedSecondsBetween(
            local(`${saturday} 12:00`, zone),
            local(`${monday} 12:00`, zone),
            sundays,
          ),
        ).toBe(dayHours * HOUR);
      });

      it(`a ${dayHours} h target started on Saturday ends at Sunday 24:00 (Monday 00:00)`, () => {
        const deadline = addCountedSeconds(
          local(`${saturday} 12:00`, zone),
          dayHours * HOUR,
          sundays,
        );
        expect(show(deadline, zone)).toBe(`Mon ${monday} 00:00`);
      });

      it('a 12 h target started on Saturday ends on Sunday at 13:00 (spring) or 11:00 (fall) local', () => {
        const expectedLocal = dayHours === 23 ? '13:00' : '11:00';
        expect(
          show(addCountedSeconds(local(`${saturday} 12:00`, zone), 12 * HOUR, sundays), zone),
        ).toBe(`Sun ${sunday} ${expectedLocal}`);
      });
    });

    describe('business mode, calendar open 09:00–17:00 every day', () => {
      const daily = businessHours(dailyNineToFive(zone));

      it('still counts 8 business hours on the DST Sunday', () => {
        expect(
          countedSecondsBetween(
            local(`${sunday} 00:00`, zone),
            local(`${monday} 00:00`, zone),
            daily,
          ),
        ).toBe(8 * HOUR);
      });

      it('an 8 h target from Sunday 09:00 ends at Sunday 17:00 local', () => {
        expect(show(addCountedSeconds(local(`${sunday} 09:00`, zone), 8 * HOUR, daily), zone)).toBe(
          `Sun ${sunday} 17:00`,
        );
      });

      it('a 2 h target from Saturday 16:00 ends at Sunday 10:00 local', () => {
        expect(
          show(addCountedSeconds(local(`${saturday} 16:00`, zone), 2 * HOUR, daily), zone),
        ).toBe(`Sun ${sunday} 10:00`);
      });
    });

    describe('business mode, Monday–Friday calendar across the DST weekend', () => {
      const office = businessHours(officeCalendar(zone));
      const friday = local(`${saturday} 16:00`, zone).getTime() - 24 * HOUR * 1000;

      it('Friday 16:00 + 2 h ends at Monday 10:00 local', () => {
        expect(show(addCountedSeconds(friday, 2 * HOUR, office), zone)).toBe(`Mon ${monday} 10:00`);
      });
    });
  },
);

describe('business mode, a 01:30–03:30 window on the transition nights', () => {
  it.each([
    // 01:30 CET = 00:30Z; 03:30 CEST = 01:30Z: the clock skips 02:00–03:00.
    [
      BERLIN,
      'spring forward',
      '2026-03-28',
      1 * HOUR,
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ],
    // 01:30 CEST = 23:30Z (Saturday); 03:30 CET = 02:30Z: 02:00–03:00 happens twice.
    [
      BERLIN,
      'fall back',
      '2026-10-24',
      3 * HOUR,
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ],
    // 01:30 EST = 06:30Z; 03:30 EDT = 07:30Z.
    [
      NEW_YORK,
      'spring forward',
      '2026-03-07',
      1 * HOUR,
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
    ],
    // First 01:30 (EDT) = 05:30Z; 03:30 EST = 08:30Z: 01:00–02:00 happens twice.
    [
      NEW_YORK,
      'fall back',
      '2026-10-31',
      3 * HOUR,
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T08:30:00.000Z',
    ],
  ])(
    '%s %s (from Saturday %s): the window lasts %i s',
    (zone, _kind, saturday, length, opens, closes) => {
      const night = businessHours(sundayNightWindow(zone));
      const start = local(`${saturday} 12:00`, zone);
      expect(countedSecondsBetween(start, new Date(opens), night)).toBe(0);
      expect(countedSecondsBetween(start, new Date(closes), night)).toBe(length);
      expect(countedSecondsBetween(new Date(opens), new Date(closes), night)).toBe(length);
      expect(addCountedSeconds(start, 1, night).toISOString()).toBe(
        new Date(Date.parse(opens) + 1000).toISOString(),
      );
      expect(addCountedSeconds(start, length, night).toISOString()).toBe(closes);
      // One second more must wait a week for the next Sunday night.
      expect(addCountedSeconds(start, length + 1, night).getTime()).toBeGreaterThan(
        Date.parse(closes) + 6 * 24 * HOUR * 1000,
      );
    },
  );

  it('Berlin fall back: 2 h into the window is the second 02:30 (CET)', () => {
    const night = businessHours(sundayNightWindow(BERLIN));
    expect(addCountedSeconds(local('2026-10-24 12:00'), 2 * HOUR, night).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('Berlin spring forward: 30 min into the window is 03:00 CEST, right after the skipped hour', () => {
    const night = businessHours(sundayNightWindow(BERLIN));
    const at = addCountedSeconds(local('2026-03-28 12:00'), 30 * MINUTE, night);
    expect(at.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(show(at)).toBe('Sun 2026-03-29 03:00');
    expect(isOpen(at, sundayNightWindow(BERLIN))).toBe(true);
  });

  it('an ordinary Sunday window lasts exactly 2 h', () => {
    const night = businessHours(sundayNightWindow(BERLIN));
    expect(countedSecondsBetween(local('2026-03-21 12:00'), local('2026-03-23 12:00'), night)).toBe(
      2 * HOUR,
    );
  });
});

describe('business mode, windows touching the skipped or repeated hour', () => {
  it('a window entirely inside the skipped hour is shifted past it (02:10–02:50 → 03:10–03:50 CEST)', () => {
    const calendar = businessHours({
      timeZone: BERLIN,
      openingHours: { 7: [{ start: '02:10', end: '02:50' }] },
    });
    expect(addCountedSeconds(local('2026-03-28 12:00'), 1, calendar).toISOString()).toBe(
      '2026-03-29T01:10:01.000Z',
    );
    expect(
      countedSecondsBetween(local('2026-03-28 12:00'), local('2026-03-30 00:00'), calendar),
    ).toBe(40 * MINUTE);
  });

  it('a window ending inside the skipped hour closes at that time shifted past the gap', () => {
    // 01:00–02:30 on 29 Mar: 02:30 does not exist and moves to 03:30 CEST; 01:00 CET → 03:30 CEST is 1.5 h.
    const calendar = businessHours({
      timeZone: BERLIN,
      openingHours: { 7: [{ start: '01:00', end: '02:30' }] },
    });
    expect(
      countedSecondsBetween(local('2026-03-28 12:00'), local('2026-03-30 00:00'), calendar),
    ).toBe(1.5 * HOUR);
  });

  it('adjacent windows stay seamless across the repeated hour (00:00–02:30, 02:30–24:00)', () => {
    const calendar = businessHours({
      timeZone: BERLIN,
      openingHours: {
        7: [
          { start: '00:00', end: '02:30' },
          { start: '02:30', end: '24:00' },
        ],
      },
    });
    expect(
      countedSecondsBetween(local('2026-10-24 12:00'), local('2026-10-26 12:00'), calendar),
    ).toBe(25 * HOUR);
  });
});
