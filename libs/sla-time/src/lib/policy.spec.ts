import { PRIORITIES } from '@quimbi/contracts';

import { BERLIN, HOUR, MINUTE, officeCalendar } from '../testing/fixtures';
import { DEFAULT_SLA_POLICIES, DEFAULT_WARNING_THRESHOLD_PERCENT, validatePolicy } from './policy';
import type { SlaPolicy } from './types';

const VALID: SlaPolicy = {
  firstResponseTargetSeconds: 2 * HOUR,
  resolutionTargetSeconds: 24 * HOUR,
  warningThresholdPercent: 80,
  businessHoursOnly: true,
  calendar: officeCalendar(BERLIN),
};

describe('DEFAULT_SLA_POLICIES', () => {
  it.each([
    ['low', 24 * HOUR, 7 * 24 * HOUR],
    ['normal', 8 * HOUR, 48 * HOUR],
    ['high', 2 * HOUR, 24 * HOUR],
    ['urgent', 30 * MINUTE, 8 * HOUR],
  ] as const)('%s: first response %is, resolution %is', (priority, firstResponse, resolution) => {
    expect(DEFAULT_SLA_POLICIES[priority]).toMatchObject({
      firstResponseTargetSeconds: firstResponse,
      resolutionTargetSeconds: resolution,
      warningThresholdPercent: DEFAULT_WARNING_THRESHOLD_PERCENT,
    });
  });

  it('covers every priority and every default is valid', () => {
    expect(Object.keys(DEFAULT_SLA_POLICIES).sort()).toEqual([...PRIORITIES].sort());
    for (const priority of PRIORITIES) {
      expect(validatePolicy(DEFAULT_SLA_POLICIES[priority])).toEqual([]);
    }
  });

  it('uses 80 % as the default warning threshold', () => {
    expect(DEFAULT_WARNING_THRESHOLD_PERCENT).toBe(80);
  });
});

describe('validatePolicy', () => {
  it('accepts a valid policy', () => {
    expect(validatePolicy(VALID)).toEqual([]);
  });

  it.each([
    ['without a threshold (the default applies)', { warningThresholdPercent: undefined }],
    ['with a threshold of 1', { warningThresholdPercent: 1 }],
    ['with a threshold of 99', { warningThresholdPercent: 99 }],
    ['with a fractional threshold', { warningThresholdPercent: 87.5 }],
    ['with equal targets', { firstResponseTargetSeconds: HOUR, resolutionTargetSeconds: HOUR }],
    ['without a calendar', { calendar: undefined }],
  ])('accepts a policy %s', (_case, change) => {
    expect(validatePolicy({ ...VALID, ...change })).toEqual([]);
  });

  const POSITIVE = 'must be a positive whole number of seconds';
  const THRESHOLD = 'must be a number from 1 to 99';

  it.each([
    ['not an object', null, [{ field: '', message: 'must be an object' }]],
    [
      'a zero first-response target',
      { ...VALID, firstResponseTargetSeconds: 0 },
      [{ field: 'firstResponseTargetSeconds', message: POSITIVE }],
    ],
    [
      'a negative resolution target',
      { ...VALID, resolutionTargetSeconds: -60 },
      [{ field: 'resolutionTargetSeconds', message: POSITIVE }],
    ],
    [
      'a fractional target',
      { ...VALID, firstResponseTargetSeconds: 1.5 },
      [{ field: 'firstResponseTargetSeconds', message: POSITIVE }],
    ],
    [
      'a target given as a string',
      { ...VALID, resolutionTargetSeconds: '86400' },
      [{ field: 'resolutionTargetSeconds', message: POSITIVE }],
    ],
    [
      'missing targets',
      { businessHoursOnly: false },
      [
        { field: 'firstResponseTargetSeconds', message: POSITIVE },
        { field: 'resolutionTargetSeconds', message: POSITIVE },
      ],
    ],
    [
      'a resolution shorter than the first response',
      { ...VALID, firstResponseTargetSeconds: 4 * HOUR, resolutionTargetSeconds: 4 * HOUR - 1 },
      [
        {
          field: 'resolutionTargetSeconds',
          message: 'must not be shorter than firstResponseTargetSeconds',
        },
      ],
    ],
    [
      'a threshold of 0',
      { ...VALID, warningThresholdPercent: 0 },
      [{ field: 'warningThresholdPercent', message: THRESHOLD }],
    ],
    [
      'a threshold of 0.5',
      { ...VALID, warningThresholdPercent: 0.5 },
      [{ field: 'warningThresholdPercent', message: THRESHOLD }],
    ],
    [
      'a threshold of 99.5',
      { ...VALID, warningThresholdPercent: 99.5 },
      [{ field: 'warningThresholdPercent', message: THRESHOLD }],
    ],
    [
      'a threshold of 100',
      { ...VALID, warningThresholdPercent: 100 },
      [{ field: 'warningThresholdPercent', message: THRESHOLD }],
    ],
    [
      'a threshold of NaN',
      { ...VALID, warningThresholdPercent: Number.NaN },
      [{ field: 'warningThresholdPercent', message: THRESHOLD }],
    ],
    [
      'a non-boolean businessHoursOnly',
      { ...VALID, businessHoursOnly: 'yes' },
      [{ field: 'businessHoursOnly', message: 'must be true or false' }],
    ],
    [
      'an invalid nested calendar',
      {
        ...VALID,
        calendar: {
          timeZone: 'Europe/Berlln',
          openingHours: { 1: [{ start: '17:00', end: '09:00' }] },
        },
      },
      [
        { field: 'calendar.timeZone', message: 'unknown time zone "Europe/Berlln"' },
        { field: 'calendar.openingHours.1[0].end', message: 'must be after start (17:00)' },
      ],
    ],
    [
      'a calendar that is not an object',
      { ...VALID, calendar: 'Europe/Berlin' },
      [{ field: 'calendar', message: 'must be an object' }],
    ],
  ])('rejects %s', (_case, input, expected) => {
    expect(validatePolicy(input)).toEqual(expected);
  });
});
