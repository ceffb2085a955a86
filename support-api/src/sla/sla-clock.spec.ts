import type { Priority, TicketStatus } from '@quimbi/contracts';
import { DEFAULT_SLA_POLICIES } from '@quimbi/sla-time';

import {
  applyStatusChange,
  calendarFieldErrors,
  ClockState,
  closedPauseSeconds,
  defaultPolicyRecord,
  deriveTracking,
  nextPriority,
  openPauseOf,
  policyFieldErrors,
  PolicyRecord,
  StoredPause,
  toSlaPolicy,
  withPauseClosed,
  withPauseOpened,
} from './sla-clock';

const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;

const CREATED = at('2026-03-02T10:00:00Z');
const T1 = at('2026-03-02T11:00:00Z');
const T2 = at('2026-03-02T12:00:00Z');

const running: ClockState = { pauses: [], firstResponseAt: null, resolvedAt: null };
const manualOpen: ClockState = {
  ...running,
  pauses: [{ from: T1.toISOString(), to: null, reason: 'manual' }],
};
const pendingOpen: ClockState = {
  ...running,
  pauses: [{ from: T1.toISOString(), to: null, reason: 'pending' }],
};
const resolved: ClockState = { ...running, resolvedAt: T1 };

describe('applyStatusChange', () => {
  it.each<[string, ClockState, TicketStatus, ClockState]>([
    [
      'entering pending opens an automatic pause',
      running,
      'pending',
      { ...running, pauses: [{ from: T2.toISOString(), to: null, reason: 'pending' }] },
    ],
    [
      'leaving pending closes the automatic pause',
      pendingOpen,
      'open',
      { ...running, pauses: [{ from: T1.toISOString(), to: T2.toISOString(), reason: 'pending' }] },
    ],
    ['leaving pending keeps a manual pause', manualOpen, 'in_progress', manualOpen],
    ['entering pending while paused by hand adds nothing', manualOpen, 'pending', manualOpen],
    [
      'resolving completes the resolution clock and ends the pause',
      manualOpen,
      'resolved',
      {
        ...running,
        resolvedAt: T2,
        pauses: [{ from: T1.toISOString(), to: T2.toISOString(), reason: 'manual' }],
      },
    ],
    ['closing a resolved ticket keeps the first resolution', resolved, 'closed', resolved],
    [
      'reopening clears the completion and does not count the time spent resolved',
      resolved,
      'open',
      {
        ...running,
        pauses: [{ from: T1.toISOString(), to: T2.toISOString(), reason: 'resolved' }],
      },
    ],
    [
      'reopening into pending also pauses automatically',
      resolved,
      'pending',
      {
        ...running,
        pauses: [
          { from: T1.toISOString(), to: T2.toISOString(), reason: 'resolved' },
          { from: T2.toISOString(), to: null, reason: 'pending' },
        ],
      },
    ],
    ['open → in_progress changes nothing', running, 'in_progress', running],
  ])('%s', (_name, before, to, expected) => {
    expect(applyStatusChange(before, to, T2)).toEqual(expected);
  });
});

describe('pauses', () => {
  it('refuses to open a second pause', () => {
    expect(() => withPauseOpened(manualOpen.pauses, T2, 'manual')).toThrow('already open');
  });

  it('never closes a pause before it started', () => {
    const closed = withPauseClosed([{ from: T2.toISOString(), to: null }], T1);
    expect(closed).toEqual([{ from: T2.toISOString(), to: T2.toISOString() }]);
    expect(openPauseOf(closed)).toBeNull();
  });

  it.each<[string, StoredPause[], number]>([
    ['none', [], 0],
    ['an open pause does not count', [{ from: T1.toISOString(), to: null }], 0],
    ['one closed hour', [{ from: T1.toISOString(), to: T2.toISOString() }], 3600],
    [
      'overlaps count once',
      [
        { from: '2026-03-02T11:00:00Z', to: '2026-03-02T11:40:00Z' },
        { from: '2026-03-02T11:30:00Z', to: '2026-03-02T12:00:00Z' },
        { from: '2026-03-02T13:00:00Z', to: '2026-03-02T13:10:00Z' },
      ],
      3600 + 600,
    ],
  ])('closedPauseSeconds: %s', (_name, pauses, seconds) => {
    expect(closedPauseSeconds(pauses)).toBe(seconds);
  });
});

function policy(priority: Priority, patch: Partial<PolicyRecord> = {}): PolicyRecord {
  return { ...defaultPolicyRecord(priority), ...patch };
}

const OFFICE: PolicyRecord['calendar'] = {
  id: 'cal_berlin',
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  openingHours: Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
  ),
  holidays: [],
  createdAt: CREATED,
  updatedAt: CREATED,
};

function derive(record: PolicyRecord, state: ClockState, now: Date, createdAt = CREATED) {
  return deriveTracking({ createdAt, policy: toSlaPolicy(record).policy, ...state, now });
}

describe('deriveTracking', () => {
  it.each<[Priority, number, number]>([
    ['urgent', 30 * MIN, 8 * HOUR],
    ['high', 2 * HOUR, 24 * HOUR],
    ['normal', 8 * HOUR, 48 * HOUR],
    ['low', 24 * HOUR, 7 * 24 * HOUR],
  ])('%s: deadlines and 80 %% warnings from creation', (priority, firstMs, resolutionMs) => {
    const d = derive(policy(priority), running, CREATED);
    expect(d.firstResponseDeadline).toEqual(new Date(CREATED.getTime() + firstMs));
    expect(d.firstResponseWarningAt).toEqual(new Date(CREATED.getTime() + firstMs * 0.8));
    expect(d.resolutionDeadline).toEqual(new Date(CREATED.getTime() + resolutionMs));
    expect(d.resolutionWarningAt).toEqual(new Date(CREATED.getTime() + resolutionMs * 0.8));
    expect(d).toMatchObject({
      firstResponseStatus: 'pending',
      resolutionStatus: 'pending',
      isPaused: false,
    });
  });

  it.each<[string, Date, string, string]>([
    ['before the warning point', at('2026-03-02T10:20:00Z'), 'pending', 'pending'],
    ['at the warning point (24 of 30 min)', at('2026-03-02T10:24:00Z'), 'warning', 'pending'],
    ['after the deadline', at('2026-03-02T10:31:00Z'), 'breached', 'pending'],
    ['resolution warning at 6 h 24 min', at('2026-03-02T16:24:00Z'), 'breached', 'warning'],
  ])('urgent statuses %s', (_name, now, first, resolution) => {
    const d = derive(policy('urgent'), running, now);
    expect([d.firstResponseStatus, d.resolutionStatus]).toEqual([first, resolution]);
  });

  it('while paused, deadlines are those that apply if the clock resumed now', () => {
    const pausedAt = at('2026-03-02T10:10:00Z');
    const state = { ...running, pauses: [{ from: pausedAt.toISOString(), to: null }] };
    const atPause = derive(policy('urgent'), state, pausedAt);
    const later = derive(policy('urgent'), state, at('2026-03-02T12:10:00Z'));
    expect(atPause.firstResponseDeadline).toEqual(at('2026-03-02T10:30:00Z'));
    expect(later.firstResponseDeadline).toEqual(at('2026-03-02T12:30:00Z'));
    expect(later).toMatchObject({
      isPaused: true,
      pausedAt,
      firstResponseStatus: 'paused',
      totalPausedSeconds: 0,
    });
  });

  it('after a resume the deadline is later by the pause and stays put', () => {
    const state = {
      ...running,
      pauses: [{ from: '2026-03-02T10:10:00Z', to: '2026-03-02T10:25:00Z' }],
    };
    const d = derive(policy('urgent'), state, at('2026-03-02T10:26:00Z'));
    expect(d.firstResponseDeadline).toEqual(at('2026-03-02T10:45:00Z'));
    expect(d.firstResponseWarningAt).toEqual(at('2026-03-02T10:39:00Z'));
    expect(d).toMatchObject({ isPaused: false, pausedAt: null, totalPausedSeconds: 900 });
  });

  it('a first response before the deadline is met and ends that clock only', () => {
    const d = derive(
      policy('urgent'),
      { ...running, firstResponseAt: at('2026-03-02T10:29:00Z') },
      T2,
    );
    expect([d.firstResponseStatus, d.resolutionStatus]).toEqual(['met', 'pending']);
  });

  it('a priority change re-derives from creation (normal → urgent at 11:00 is already breached)', () => {
    const normal = derive(policy('normal'), running, T1);
    const urgent = derive(policy('urgent'), running, T1);
    expect(normal.firstResponseDeadline).toEqual(at('2026-03-02T18:00:00Z'));
    expect(urgent.firstResponseDeadline).toEqual(at('2026-03-02T10:30:00Z'));
    expect(urgent.firstResponseStatus).toBe('breached');
  });

  it('counts business hours with the policy calendar (Friday 16:00 + 2 h → Monday 10:00 Berlin)', () => {
    const friday = at('2026-03-06T16:00:00+01:00');
    const record = policy('high', {
      businessHoursOnly: true,
      calendarId: 'cal_berlin',
      calendar: OFFICE,
    });
    const d = derive(record, running, friday, friday);
    expect(d.firstResponseDeadline).toEqual(at('2026-03-09T10:00:00+01:00'));
    // 80 % of 2 h = 96 min: 60 on Friday, 36 on Monday.
    expect(d.firstResponseWarningAt).toEqual(at('2026-03-09T09:36:00+01:00'));
  });
});

describe('toSlaPolicy', () => {
  it('counts wall-clock time when a business-hours policy lost its calendar', () => {
    const { policy: p, calendarMissing } = toSlaPolicy(policy('high', { businessHoursOnly: true }));
    expect(calendarMissing).toBe(true);
    expect(p.businessHoursOnly).toBe(false);
  });

  it('passes the defaults through unchanged', () => {
    const { policy: p, calendarMissing } = toSlaPolicy(policy('urgent'));
    expect(calendarMissing).toBe(false);
    expect(p).toEqual(DEFAULT_SLA_POLICIES.urgent);
  });
});

describe('nextPriority', () => {
  it.each<[Priority, Priority | null]>([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
    ['urgent', null],
  ])('%s → %s', (from, to) => {
    expect(nextPriority(from)).toBe(to);
  });
});

describe('field names', () => {
  it.each([
    [
      {
        field: 'resolutionTargetSeconds',
        message: 'must not be shorter than firstResponseTargetSeconds',
      },
      {
        field: 'resolution_target_seconds',
        message: 'must not be shorter than first_response_target_seconds',
      },
    ],
    [
      { field: 'warningThresholdPercent', message: 'must be a number from 1 to 99' },
      { field: 'warning_threshold_percent', message: 'must be a number from 1 to 99' },
    ],
    [
      { field: 'calendar.timeZone', message: 'unknown time zone "Mars/Olympus"' },
      { field: 'calendar_id', message: 'unknown time zone "Mars/Olympus"' },
    ],
  ])('policy %j → %j', (input, expected) => {
    expect(policyFieldErrors([input])).toEqual([expected]);
  });

  it.each([
    [
      { field: 'timeZone', message: 'unknown time zone "X"' },
      { field: 'time_zone', message: 'unknown time zone "X"' },
    ],
    [
      { field: 'openingHours.1[1]', message: 'overlaps 09:00–12:00' },
      { field: 'opening_hours.1[1]', message: 'overlaps 09:00–12:00' },
    ],
    [
      { field: 'holidays[0]', message: 'must be a date YYYY-MM-DD' },
      { field: 'holidays[0]', message: 'must be a date YYYY-MM-DD' },
    ],
  ])('calendar %j → %j', (input, expected) => {
    expect(calendarFieldErrors([input])).toEqual([expected]);
  });
});
