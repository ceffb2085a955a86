export type {
  BusinessCalendar,
  CountingMode,
  FieldError,
  InstantInput,
  IsoWeekday,
  OpeningHours,
  OpeningInterval,
  PauseSpan,
  SlaClock,
  SlaInput,
  SlaPolicy,
  SlaResult,
  SlaStatus,
} from './lib/types';
export { SLA_STATUSES } from './lib/types';
export { SlaConfigError } from './lib/instant';
export { isOpen, nextOpening, validateCalendar } from './lib/calendar';
export {
  addCountedSeconds,
  businessHours,
  countedSecondsBetween,
  WALL_CLOCK,
} from './lib/counting';
export {
  DEFAULT_SLA_POLICIES,
  DEFAULT_WARNING_THRESHOLD_PERCENT,
  MAX_WARNING_THRESHOLD_PERCENT,
  MIN_WARNING_THRESHOLD_PERCENT,
  validatePolicy,
} from './lib/policy';
export { computeSla } from './lib/sla';
