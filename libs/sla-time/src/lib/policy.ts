import type { Priority } from '@quimbi/contracts';

import { validateCalendar } from './calendar';
import type { FieldError, SlaPolicy } from './types';

export const DEFAULT_WARNING_THRESHOLD_PERCENT = 80;
export const MIN_WARNING_THRESHOLD_PERCENT = 1;
export const MAX_WARNING_THRESHOLD_PERCENT = 99;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Product defaults per priority (first response / resolution): low 24 h / 7 d, normal 8 h / 48 h,
 * high 2 h / 24 h, urgent 30 min / 8 h. They count wall-clock time, so they need no calendar;
 * an organisation switches to business hours by setting `businessHoursOnly` and a calendar.
 */
export const DEFAULT_SLA_POLICIES: Readonly<Record<Priority, SlaPolicy>> = Object.freeze({
  low: Object.freeze({
    firstResponseTargetSeconds: 24 * HOUR,
    resolutionTargetSeconds: 7 * DAY,
    warningThresholdPercent: DEFAULT_WARNING_THRESHOLD_PERCENT,
    businessHoursOnly: false,
  }),
  normal: Object.freeze({
    firstResponseTargetSeconds: 8 * HOUR,
    resolutionTargetSeconds: 48 * HOUR,
    warningThresholdPercent: DEFAULT_WARNING_THRESHOLD_PERCENT,
    businessHoursOnly: false,
  }),
  high: Object.freeze({
    firstResponseTargetSeconds: 2 * HOUR,
    resolutionTargetSeconds: 24 * HOUR,
    warningThresholdPercent: DEFAULT_WARNING_THRESHOLD_PERCENT,
    businessHoursOnly: false,
  }),
  urgent: Object.freeze({
    firstResponseTargetSeconds: 30 * MINUTE,
    resolutionTargetSeconds: 8 * HOUR,
    warningThresholdPercent: DEFAULT_WARNING_THRESHOLD_PERCENT,
    businessHoursOnly: false,
  }),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * Validates an untrusted policy (e.g. a request body). Returns an empty list when valid.
 * Checks: positive whole-second targets, resolution not shorter than first response,
 * warning threshold within 1–99, `businessHoursOnly` boolean, and the nested calendar (fields
 * prefixed with `calendar.`).
 */
export function validatePolicy(input: unknown): FieldError[] {
  return policyErrors(input, true);
}

/** `checkCalendar: false` skips the nested calendar (compiled and validated separately). */
export function policyErrors(input: unknown, checkCalendar: boolean): FieldError[] {
  if (!isRecord(input)) return [{ field: '', message: 'must be an object' }];
  const errors: FieldError[] = [];

  const firstResponse = input['firstResponseTargetSeconds'];
  const resolution = input['resolutionTargetSeconds'];
  if (!isPositiveWholeNumber(firstResponse)) {
    errors.push({
      field: 'firstResponseTargetSeconds',
      message: 'must be a positive whole number of seconds',
    });
  }
  if (!isPositiveWholeNumber(resolution)) {
    errors.push({
      field: 'resolutionTargetSeconds',
      message: 'must be a positive whole number of seconds',
    });
  }
  if (
    isPositiveWholeNumber(firstResponse) &&
    isPositiveWholeNumber(resolution) &&
    resolution < firstResponse
  ) {
    errors.push({
      field: 'resolutionTargetSeconds',
      message: 'must not be shorter than firstResponseTargetSeconds',
    });
  }

  const threshold = input['warningThresholdPercent'];
  if (
    threshold !== undefined &&
    (typeof threshold !== 'number' ||
      !Number.isFinite(threshold) ||
      threshold < MIN_WARNING_THRESHOLD_PERCENT ||
      threshold > MAX_WARNING_THRESHOLD_PERCENT)
  ) {
    errors.push({
      field: 'warningThresholdPercent',
      message: `must be a number from ${MIN_WARNING_THRESHOLD_PERCENT} to ${MAX_WARNING_THRESHOLD_PERCENT}`,
    });
  }

  if (typeof input['businessHoursOnly'] !== 'boolean') {
    errors.push({ field: 'businessHoursOnly', message: 'must be true or false' });
  }

  const calendar = input['calendar'];
  if (checkCalendar && calendar !== undefined) {
    for (const error of validateCalendar(calendar)) {
      errors.push({
        field: error.field ? `calendar.${error.field}` : 'calendar',
        message: error.message,
      });
    }
  }
  return errors;
}
