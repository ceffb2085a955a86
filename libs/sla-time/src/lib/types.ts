/**
 * Public types of the SLA time library.
 *
 * Every function in this library is pure: nothing reads the clock, callers pass `now`.
 * Instants are accepted as `Date`, epoch milliseconds or ISO-8601 strings that carry an
 * explicit offset (`Z` or `±hh:mm`); instants are returned as `Date`.
 */

/** An absolute instant: a `Date`, epoch milliseconds, or an ISO-8601 string with an offset. */
export type InstantInput = Date | number | string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One opening interval of a day, in the calendar's local time. `end` may be `'24:00'`. */
export interface OpeningInterval {
  readonly start: string;
  readonly end: string;
}

/** Opening intervals per ISO weekday; a missing or empty weekday is closed all day. */
export type OpeningHours = { readonly [day in IsoWeekday]?: readonly OpeningInterval[] };

/**
 * A business calendar. Local times that a spring-forward gap skips are shifted forward by the
 * gap length; local times that a fall-back fold repeats resolve to their first occurrence (the
 * "compatible" rule of RFC 5545 and ECMAScript Temporal). A 01:30–03:30 window therefore lasts
 * one real hour on a spring-forward night and three on a fall-back night.
 */
export interface BusinessCalendar {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
  /** Local dates `YYYY-MM-DD` that are closed all day. */
  readonly holidays?: readonly string[];
}

/**
 * A span during which the SLA clock is stopped (e.g. waiting on the customer).
 * `to: null` means the pause is still open. Spans may overlap, be unsorted, or start before the
 * ticket was created; a span whose end is not after its start is ignored.
 */
export interface PauseSpan {
  readonly from: InstantInput;
  readonly to: InstantInput | null;
}

/** How elapsed time is counted: every second, or only seconds inside a calendar's opening hours. */
export type CountingMode =
  | { readonly kind: 'wall-clock' }
  | { readonly kind: 'business-hours'; readonly calendar: BusinessCalendar };

/** One validation problem; `field` is a path such as `openingHours.1[0].end`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface SlaPolicy {
  readonly firstResponseTargetSeconds: number;
  readonly resolutionTargetSeconds: number;
  /** Percentage of a target after which the clock is in `warning`; 1–99, default 80. */
  readonly warningThresholdPercent?: number;
  /** Count only business time (requires a calendar on the policy or on the computation). */
  readonly businessHoursOnly: boolean;
  /** Overrides the calendar passed to `computeSla`. */
  readonly calendar?: BusinessCalendar;
}

export const SLA_STATUSES = ['pending', 'warning', 'paused', 'breached', 'met'] as const;
/**
 * - `pending`: running, below the warning threshold.
 * - `warning`: running, at or past the warning threshold, deadline not passed.
 * - `paused`: currently paused, deadline not passed.
 * - `breached`: completed after the deadline, or not completed and `now` is after the deadline.
 * - `met`: completed at or before the deadline.
 */
export type SlaStatus = (typeof SLA_STATUSES)[number];

export interface SlaInput {
  readonly createdAt: InstantInput;
  readonly policy: SlaPolicy;
  /** Default calendar (e.g. the organisation's); `policy.calendar` wins when both are set. */
  readonly calendar?: BusinessCalendar;
  readonly pauses?: readonly PauseSpan[];
  /** When omitted but `resolvedAt` is set, the resolution counts as the first response. */
  readonly firstResponseAt?: InstantInput | null;
  readonly resolvedAt?: InstantInput | null;
  readonly now: InstantInput;
}

/** The state of one SLA target (first response or resolution). */
export interface SlaClock {
  readonly status: SlaStatus;
  readonly targetSeconds: number;
  /** Instant at which counted, non-paused time reaches the target (open pauses end at `now`). */
  readonly deadline: Date;
  /** Instant at which counted, non-paused time reaches the warning threshold. */
  readonly warningAt: Date;
  /** Counted, non-paused seconds from creation to completion (or to `now` while running). */
  readonly elapsedSeconds: number;
  /** `targetSeconds - elapsedSeconds`; negative once counted time exceeds the target. */
  readonly remainingSeconds: number;
  /** `elapsedSeconds / targetSeconds * 100`, not capped at 100. */
  readonly percentUsed: number;
  /** Running and currently inside a pause; the deadline then assumes the clock resumes at `now`. */
  readonly paused: boolean;
  readonly completedAt: Date | null;
}

export interface SlaResult {
  readonly mode: CountingMode['kind'];
  /** `now` lies inside a pause (regardless of whether the clocks are completed). */
  readonly paused: boolean;
  readonly firstResponse: SlaClock;
  readonly resolution: SlaClock;
}
