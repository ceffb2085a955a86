import { BERLIN, HOUR, local, MINUTE, NEW_YORK, officeCalendar, show } from '../testing/fixtures';
import { addCountedSeconds, businessHours } from './counting';
import { SlaConfigError } from './instant';
import { DEFAULT_SLA_POLICIES } from './policy';
import { computeSla } from './sla';
import type { PauseSpan, SlaInput, SlaPolicy } from './types';

// March 2026: Mon 2 … Fri 6, Sat 7, Sun 8, Mon 9. Office hours Mon–Fri 09:00–17:00, Berlin.
const calendar = officeCalendar(BERLIN);
const policy: SlaPolicy = {
  firstResponseTargetSeconds: 4 * HOUR,
  resolutionTargetSeconds: 16 * HOUR,
  warningThresholdPercent: 80,
  businessHoursOnly: true,
};
const MONDAY_9 = '2026-03-02 09:00';

function run(overrides: Partial<SlaInput> & { now: SlaInput['now'] }) {
  return computeSla({ createdAt: local(MONDAY_9), policy, calendar, pauses: [], ...overrides });
}

function pause(from: string, to: string | null): PauseSpan {
  return { from: local(from), to: to === null ? null : local(to) };
}

/** A local time plus a millisecond offset, as epoch milliseconds. */
function localMs(text: string, deltaMs = 0): number {
  return local(text).getTime() + deltaMs;
}

describe('computeSla: deadlines and warning times come from creation', () => {
  const result = run({ now: local('2026-03-02 10:00') });

  it('counts in business hours', () => {
    expect(result.mode).toBe('business-hours');
  });

  it.each([
    ['first response deadline (4 h)', () => result.firstResponse.deadline, 'Mon 2026-03-02 13:00'],
    [
      'first response warning (80 % = 3 h 12 min)',
      () => result.firstResponse.warningAt,
      'Mon 2026-03-02 12:12',
    ],
    [
      'resolution deadline (16 h = two business days)',
      () => result.resolution.deadline,
      'Tue 2026-03-03 17:00',
    ],
    ['resolution warning (12 h 48 min)', () => result.resolution.warningAt, 'Tue 2026-03-03 13:48'],
  ])('%s', (_case, instant, expected) => {
    expect(show(instant())).toBe(expected);
  });

  it('reports elapsed and remaining business seconds and the share used', () => {
    expect(result.firstResponse).toMatchObject({
      status: 'pending',
      targetSeconds: 4 * HOUR,
      elapsedSeconds: HOUR,
      remainingSeconds: 3 * HOUR,
      percentUsed: 25,
      paused: false,
      completedAt: null,
    });
    expect(result.resolution).toMatchObject({ elapsedSeconds: HOUR, percentUsed: 6.25 });
  });
});

describe('computeSla: warning threshold boundaries (first response, 4 h, 80 %)', () => {
  it.each([
    ['just before warningAt', localMs('2026-03-02 12:12', -1), 'pending', 11_519.999],
    ['exactly at warningAt', localMs('2026-03-02 12:12'), 'warning', 11_520],
    ['just before the deadline', localMs('2026-03-02 13:00', -1), 'warning', 14_399.999],
    ['exactly at the deadline', localMs('2026-03-02 13:00'), 'warning', 14_400],
    ['just after the deadline', localMs('2026-03-02 13:00', 1), 'breached', 14_400.001],
    ['two hours after the deadline', localMs('2026-03-02 15:00'), 'breached', 21_600],
  ])('%s → %s', (_case, now, status, elapsed) => {
    const clock = run({ now }).firstResponse;
    expect(clock.status).toBe(status);
    expect(clock.elapsedSeconds).toBeCloseTo(elapsed, 6);
    expect(clock.remainingSeconds).toBeCloseTo(4 * HOUR - elapsed, 6);
  });

  it('reports a negative remainder and more than 100 % once breached', () => {
    const clock = run({ now: local('2026-03-02 15:00') }).firstResponse;
    expect(clock.remainingSeconds).toBe(-2 * HOUR);
    expect(clock.percentUsed).toBe(150);
  });

  it.each([
    [1, 'Mon 2026-03-02 09:02:24'],
    [50, 'Mon 2026-03-02 11:00'],
    [99, 'Mon 2026-03-02 12:57:36'],
  ])('a threshold of %i %% warns at %s', (warningThresholdPercent, expected) => {
    const clock = run({
      policy: { ...policy, warningThresholdPercent },
      now: local(MONDAY_9),
    }).firstResponse;
    expect(show(clock.warningAt)).toBe(expected);
  });

  it('applies the default of 80 % when the policy has no threshold', () => {
    const { warningThresholdPercent: _omitted, ...withoutThreshold } = policy;
    const clock = run({ policy: withoutThreshold, now: local(MONDAY_9) }).firstResponse;
    expect(show(clock.warningAt)).toBe('Mon 2026-03-02 12:12');
  });

  it('a threshold of 50 % turns pending into warning at half time', () => {
    const half = { ...policy, warningThresholdPercent: 50 };
    expect(run({ policy: half, now: localMs('2026-03-02 11:00', -1) }).firstResponse.status).toBe(
      'pending',
    );
    expect(run({ policy: half, now: local('2026-03-02 11:00') }).firstResponse.status).toBe(
      'warning',
    );
  });
});

describe('computeSla: met vs breached', () => {
  it.each([
    ['well before the deadline', '2026-03-02 10:00', 'met', HOUR],
    ['exactly at the deadline', '2026-03-02 13:00', 'met', 4 * HOUR],
    ['one second after the deadline', '2026-03-02 13:00:01', 'breached', 4 * HOUR + 1],
    ['the next morning', '2026-03-03 09:30', 'breached', 8.5 * HOUR],
  ])('a first response %s is %s', (_case, firstResponseAt, status, elapsed) => {
    const clock = run({
      firstResponseAt: local(firstResponseAt),
      now: local('2026-03-04 12:00'),
    }).firstResponse;
    expect(clock).toMatchObject({
      status,
      elapsedSeconds: elapsed,
      remainingSeconds: 4 * HOUR - elapsed,
      completedAt: local(firstResponseAt),
    });
  });

  it('keeps a met clock met however late `now` is', () => {
    const result = run({
      firstResponseAt: local('2026-03-02 10:00'),
      resolvedAt: local('2026-03-03 16:00'),
      now: local('2026-06-01 12:00'),
    });
    expect(result.firstResponse.status).toBe('met');
    expect(result.resolution.status).toBe('met');
    expect(result.resolution.elapsedSeconds).toBe(15 * HOUR);
  });

  it('can breach the first response and still meet the resolution', () => {
    const result = run({
      firstResponseAt: local('2026-03-02 14:00'),
      resolvedAt: local('2026-03-03 11:00'),
      now: local('2026-03-03 12:00'),
    });
    expect(result.firstResponse.status).toBe('breached');
    expect(result.resolution.status).toBe('met');
  });

  it('breaches a clock that is still open after its deadline', () => {
    const result = run({
      firstResponseAt: local('2026-03-02 10:00'),
      now: local('2026-03-04 09:30'),
    });
    expect(result.firstResponse.status).toBe('met');
    expect(result.resolution).toMatchObject({ status: 'breached', remainingSeconds: -30 * MINUTE });
  });

  it('treats the resolution as the first response when there was none', () => {
    const clock = run({
      resolvedAt: local('2026-03-02 11:00'),
      now: local('2026-03-05 12:00'),
    }).firstResponse;
    expect(clock).toMatchObject({ status: 'met', completedAt: local('2026-03-02 11:00') });
  });

  it('breaches from the closing time on when the deadline falls on it', () => {
    const created = local('2026-03-02 13:00');
    const evening = run({ createdAt: created, now: local('2026-03-02 20:00') }).firstResponse;
    expect(show(evening.deadline)).toBe('Mon 2026-03-02 17:00');
    // No business time passes while closed, so nothing more is "used" until Tuesday 09:00.
    expect(evening).toMatchObject({
      status: 'breached',
      elapsedSeconds: 4 * HOUR,
      remainingSeconds: 0,
    });
    const atClosing = run({ createdAt: created, now: local('2026-03-02 17:00') }).firstResponse;
    expect(atClosing.status).toBe('warning');
    const tuesday = run({ createdAt: created, now: local('2026-03-03 10:00') }).firstResponse;
    expect(tuesday).toMatchObject({ status: 'breached', remainingSeconds: -HOUR });
  });

  it('met when answered at the closing time that is the deadline', () => {
    const clock = run({
      createdAt: local('2026-03-02 13:00'),
      firstResponseAt: local('2026-03-02 17:00'),
      now: local('2026-03-03 12:00'),
    }).firstResponse;
    expect(clock.status).toBe('met');
  });
});

describe('computeSla: tickets created during closed hours', () => {
  it('starts counting at the next opening (created Saturday)', () => {
    const result = run({ createdAt: local('2026-03-07 10:00'), now: local('2026-03-08 18:00') });
    expect(show(result.firstResponse.deadline)).toBe('Mon 2026-03-09 13:00');
    expect(result.firstResponse).toMatchObject({
      status: 'pending',
      elapsedSeconds: 0,
      percentUsed: 0,
    });
  });

  it('starts counting at 09:00 when created at 06:30', () => {
    const result = run({ createdAt: local('2026-03-03 06:30'), now: local('2026-03-03 09:30') });
    expect(show(result.firstResponse.deadline)).toBe('Tue 2026-03-03 13:00');
    expect(result.firstResponse.elapsedSeconds).toBe(30 * MINUTE);
  });

  it('reports zero elapsed time when `now` is before creation (clock skew)', () => {
    const clock = run({ now: localMs(MONDAY_9, -5000) }).firstResponse;
    expect(clock).toMatchObject({ status: 'pending', elapsedSeconds: 0 });
  });
});

describe('computeSla: priority change re-derives deadlines from creation', () => {
  const normal: SlaPolicy = { ...DEFAULT_SLA_POLICIES.normal, businessHoursOnly: true };
  const high: SlaPolicy = { ...DEFAULT_SLA_POLICIES.high, businessHoursOnly: true };
  const created = local(MONDAY_9);

  it('normal → high at 14:00 makes the first response due at 11:00 (already breached)', () => {
    const before = run({ policy: normal, now: local('2026-03-02 14:00') }).firstResponse;
    expect(show(before.deadline)).toBe('Mon 2026-03-02 17:00');
    expect(before.status).toBe('pending');

    const changedAt = local('2026-03-02 14:00');
    const after = run({ policy: high, now: changedAt }).firstResponse;
    expect(show(after.deadline)).toBe('Mon 2026-03-02 11:00');
    expect(after.deadline).toEqual(addCountedSeconds(created, 2 * HOUR, businessHours(calendar)));
    expect(after.deadline).not.toEqual(
      addCountedSeconds(changedAt, 2 * HOUR, businessHours(calendar)),
    );
    expect(after).toMatchObject({ status: 'breached', elapsedSeconds: 5 * HOUR });
  });

  it('normal → high at 09:30 leaves 1.5 h of the 2 h target', () => {
    const after = run({ policy: high, now: local('2026-03-02 09:30') }).firstResponse;
    expect(show(after.deadline)).toBe('Mon 2026-03-02 11:00');
    expect(after).toMatchObject({ status: 'pending', remainingSeconds: 1.5 * HOUR });
  });

  it('high → low extends the resolution deadline, still counted from creation', () => {
    const low: SlaPolicy = { ...DEFAULT_SLA_POLICIES.low, businessHoursOnly: true };
    const after = run({ policy: low, now: local('2026-03-03 10:00') }).resolution;
    // 7 × 24 h = 168 business hours = 21 office days from Monday 2 March 09:00.
    expect(show(after.deadline)).toBe('Mon 2026-03-30 17:00');
  });
});

describe('computeSla: pauses', () => {
  it('an open pause stops the clock; the deadline assumes it resumes now', () => {
    const result = run({
      pauses: [pause('2026-03-02 10:00', null)],
      now: local('2026-03-02 15:00'),
    });
    expect(result.paused).toBe(true);
    expect(result.firstResponse).toMatchObject({
      status: 'paused',
      paused: true,
      elapsedSeconds: HOUR,
      remainingSeconds: 3 * HOUR,
    });
    // 3 h left from 15:00: 2 h on Monday, 1 h on Tuesday.
    expect(show(result.firstResponse.deadline)).toBe('Tue 2026-03-03 10:00');
    expect(show(result.firstResponse.warningAt)).toBe('Tue 2026-03-03 09:12');
    expect(result.resolution.status).toBe('paused');
  });

  it('the deadline of an open pause moves later as the pause lasts', () => {
    const pauses = [pause('2026-03-02 10:00', null)];
    const monday = run({ pauses, now: local('2026-03-02 15:00') }).firstResponse.deadline;
    const tuesday = run({ pauses, now: local('2026-03-03 11:00') }).firstResponse.deadline;
    expect(show(monday)).toBe('Tue 2026-03-03 10:00');
    expect(show(tuesday)).toBe('Tue 2026-03-03 14:00');
  });

  it('a pause with a known end in the future shows paused and resumes at its end', () => {
    const clock = run({
      pauses: [pause('2026-03-02 10:00', '2026-03-02 14:00')],
      now: local('2026-03-02 12:00'),
    }).firstResponse;
    expect(clock.status).toBe('paused');
    expect(show(clock.deadline)).toBe('Mon 2026-03-02 17:00');
  });

  it('a pause inside the warning zone shows paused, not warning', () => {
    const clock = run({
      pauses: [pause('2026-03-02 12:30', null)],
      now: local('2026-03-02 16:00'),
    }).firstResponse;
    expect(clock).toMatchObject({ status: 'paused', elapsedSeconds: 3.5 * HOUR });
  });

  it('a pause after the deadline does not hide the breach', () => {
    const clock = run({
      pauses: [pause('2026-03-02 14:00', null)],
      now: local('2026-03-02 15:00'),
    }).firstResponse;
    expect(clock).toMatchObject({ status: 'breached', paused: true, elapsedSeconds: 5 * HOUR });
  });

  it('a pause Friday 16:00 → Monday 10:00 consumes only Friday 16–17 and Monday 9–10', () => {
    const eightHours: SlaPolicy = { ...policy, firstResponseTargetSeconds: 8 * HOUR };
    const result = run({
      policy: eightHours,
      createdAt: local('2026-03-06 10:00'),
      pauses: [pause('2026-03-06 16:00', '2026-03-09 10:00')],
      now: local('2026-03-09 11:00'),
    });
    expect(show(result.firstResponse.deadline)).toBe('Mon 2026-03-09 12:00');
    expect(result.firstResponse).toMatchObject({
      status: 'warning',
      elapsedSeconds: 7 * HOUR,
      remainingSeconds: HOUR,
      paused: false,
    });
  });

  it('tolerates a pause starting before creation and overlapping pauses', () => {
    const result = run({
      pauses: [
        pause('2026-03-02 09:30', '2026-03-02 11:00'),
        pause('2026-03-01 12:00', '2026-03-02 10:00'),
      ],
      now: local('2026-03-02 12:00'),
    });
    expect(show(result.firstResponse.deadline)).toBe('Mon 2026-03-02 15:00');
    expect(result.firstResponse.elapsedSeconds).toBe(HOUR);
  });

  it('ignores pauses after completion for the completed clock', () => {
    const result = run({
      firstResponseAt: local('2026-03-02 11:00'),
      pauses: [pause('2026-03-02 12:00', null)],
      now: local('2026-03-02 15:00'),
    });
    expect(result.paused).toBe(true);
    expect(result.firstResponse).toMatchObject({
      status: 'met',
      paused: false,
      elapsedSeconds: 2 * HOUR,
    });
    expect(result.resolution).toMatchObject({
      status: 'paused',
      paused: true,
      elapsedSeconds: 3 * HOUR,
    });
  });
});

describe('computeSla: wall-clock policies', () => {
  it('counts real time across the Berlin spring-forward night (urgent defaults)', () => {
    const result = computeSla({
      createdAt: local('2026-03-28 23:00'),
      policy: DEFAULT_SLA_POLICIES.urgent,
      now: local('2026-03-29 07:00'),
    });
    expect(result.mode).toBe('wall-clock');
    expect(show(result.firstResponse.deadline)).toBe('Sat 2026-03-28 23:30');
    // 8 real hours: 23:00 CET + 8 h = 08:00 CEST.
    expect(show(result.resolution.deadline)).toBe('Sun 2026-03-29 08:00');
    expect(result.firstResponse.status).toBe('breached');
    expect(result.resolution).toMatchObject({
      status: 'warning',
      elapsedSeconds: 7 * HOUR,
      percentUsed: 87.5,
    });
  });

  it('subtracts pauses in wall-clock mode too', () => {
    const result = computeSla({
      createdAt: local('2026-03-02 10:00'),
      policy: DEFAULT_SLA_POLICIES.high,
      pauses: [pause('2026-03-02 10:30', '2026-03-02 11:30')],
      now: local('2026-03-02 11:00'),
    });
    expect(show(result.firstResponse.deadline)).toBe('Mon 2026-03-02 13:00');
    expect(result.firstResponse).toMatchObject({ status: 'paused', elapsedSeconds: 30 * MINUTE });
  });
});

describe('computeSla: calendars and errors', () => {
  it('prefers the policy calendar over the one passed in', () => {
    const newYorkPolicy: SlaPolicy = { ...policy, calendar: officeCalendar(NEW_YORK) };
    const result = run({ policy: newYorkPolicy, now: local('2026-03-02 09:00') });
    // Created 09:00 Berlin = 03:00 New York; counting starts 09:00 New York.
    expect(show(result.firstResponse.deadline, NEW_YORK)).toBe('Mon 2026-03-02 13:00');
  });

  it('uses the calendar passed in when the policy has none', () => {
    const result = run({ calendar: officeCalendar(NEW_YORK), now: local('2026-03-02 09:00') });
    expect(show(result.firstResponse.deadline, NEW_YORK)).toBe('Mon 2026-03-02 13:00');
  });

  it('accepts ISO strings and epoch milliseconds', () => {
    const result = computeSla({
      createdAt: '2026-03-02T08:00:00Z',
      policy,
      calendar,
      pauses: [{ from: Date.UTC(2026, 2, 2, 9), to: '2026-03-02T11:00:00+01:00' }],
      now: '2026-03-02T11:00:00.000Z',
    });
    expect(result.firstResponse.elapsedSeconds).toBe(2 * HOUR);
  });

  it.each([
    [
      'business hours without any calendar',
      { policy, calendar: undefined },
      /calendar is required/,
    ],
    [
      'an invalid policy',
      { policy: { ...policy, resolutionTargetSeconds: 0 } },
      /resolutionTargetSeconds/,
    ],
    [
      'an invalid calendar',
      { calendar: { timeZone: 'Berlin', openingHours: { 1: [{ start: '09:00', end: '17:00' }] } } },
      /unknown time zone "Berlin"/,
    ],
    ['an invalid now', { now: 'soon' }, /Invalid now/],
    ['a createdAt without offset', { createdAt: '2026-03-02 09:00' }, /Invalid createdAt/],
  ])('rejects %s with a SlaConfigError', (_case, overrides, message) => {
    const call = () => run({ now: local('2026-03-02 10:00'), ...overrides });
    expect(call).toThrow(SlaConfigError);
    expect(call).toThrow(message);
  });

  it('exposes the field errors on the thrown SlaConfigError', () => {
    let caught: unknown;
    try {
      run({ policy: { ...policy, warningThresholdPercent: 100 }, now: local(MONDAY_9) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SlaConfigError);
    expect((caught as SlaConfigError).errors).toEqual([
      { field: 'warningThresholdPercent', message: 'must be a number from 1 to 99' },
    ]);
  });
});
