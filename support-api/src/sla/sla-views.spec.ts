import type { AppConfig } from '../config/app-config';
import { DEFAULT_SLA_CHECK_INTERVAL_MS, slaCheckIntervalFrom } from './sla-breach.job';
import { defaultPolicyRecord } from './sla-clock';
import { buildSummary, toPolicyView } from './sla-views';

const CREATED = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(CREATED.getTime() + minutes * 60_000);
const noMarks = {
  firstResponseWarnedAt: null,
  firstResponseBreachedAt: null,
  resolutionWarnedAt: null,
  resolutionBreachedAt: null,
};

describe('buildSummary', () => {
  it('reports a paused clock with the deadline if resumed now and the pause so far', () => {
    const summary = buildSummary({
      ticketId: 't1',
      priority: 'urgent',
      createdAt: CREATED,
      policy: defaultPolicyRecord('urgent'),
      pauses: [
        { from: at(5).toISOString(), to: at(10).toISOString(), reason: 'manual' },
        { from: at(20).toISOString(), to: null, reason: 'pending' },
      ],
      firstResponseAt: null,
      resolvedAt: null,
      marks: noMarks,
      now: at(50),
    });
    expect(summary).toMatchObject({
      is_paused: true,
      paused_at: at(20).toISOString(),
      total_paused_seconds: 5 * 60 + 30 * 60,
      first_response: {
        status: 'paused',
        paused: true,
        // 15 counted minutes used (0–5, 10–20): 15 left from now.
        deadline: at(65).toISOString(),
        elapsed_seconds: 900,
        remaining_seconds: 900,
        percent_used: 50,
      },
    });
    expect(summary.pauses.map((p) => p.reason)).toEqual(['manual', 'pending']);
  });

  it.each<[string, Date | null, Date | null, string, string]>([
    ['answered in time', at(20), null, 'met', 'pending'],
    ['answered late', at(40), null, 'breached', 'pending'],
    ['resolved without a reply (the resolution counts)', null, at(25), 'met', 'met'],
  ])('%s', (_name, firstResponseAt, resolvedAt, first, resolution) => {
    const summary = buildSummary({
      ticketId: 't1',
      priority: 'urgent',
      createdAt: CREATED,
      policy: defaultPolicyRecord('urgent'),
      pauses: [],
      firstResponseAt,
      resolvedAt,
      marks: noMarks,
      now: at(60),
    });
    expect([summary.first_response.status, summary.resolution.status]).toEqual([first, resolution]);
  });
});

describe('toPolicyView', () => {
  it('uses the JSON field names', () => {
    expect(toPolicyView(defaultPolicyRecord('high'))).toEqual({
      id: 'default_high',
      priority: 'high',
      first_response_target_seconds: 7200,
      resolution_target_seconds: 86400,
      warning_threshold_percent: 80,
      business_hours_only: false,
      calendar_id: null,
      calendar: null,
      escalate_priority_on_breach: false,
      updated_at: null,
    });
  });
});

describe('slaCheckIntervalFrom', () => {
  it.each<[unknown, number]>([
    [undefined, DEFAULT_SLA_CHECK_INTERVAL_MS],
    [30_000, 30_000],
    [0, DEFAULT_SLA_CHECK_INTERVAL_MS],
    ['15000', DEFAULT_SLA_CHECK_INTERVAL_MS],
  ])('slaCheckIntervalMs %p → %p', (value, expected) => {
    const config = { slaCheckIntervalMs: value } as unknown as AppConfig;
    expect(slaCheckIntervalFrom(config)).toBe(expected);
  });
});
