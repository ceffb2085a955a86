import type { Priority } from '@quimbi/contracts';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';

/** `GET /api/sla/policies`. */
export interface SlaPolicyListResponse {
  policies: SlaPolicy[];
}

/** `PATCH /api/sla/policies/:priority` body: only the fields that change. */
export interface SlaPolicyUpdate {
  first_response_target_seconds?: number;
  resolution_target_seconds?: number;
  warning_threshold_percent?: number;
  business_hours_only?: boolean;
  calendar_id?: string | null;
  escalate_priority_on_breach?: boolean;
}

/** `PATCH /api/sla/policies/:priority` answer. */
export type SlaPolicyUpdateResponse = SlaPolicy & { rederived_tickets?: number };

export interface OpeningInterval {
  start: string;
  end: string;
}

/** One calendar of `GET /api/sla/calendars`. */
export interface SlaCalendar {
  id: string;
  name: string;
  time_zone: string;
  /** ISO weekday 1 (Monday) … 7 → local opening intervals HH:mm. */
  opening_hours: Record<string, OpeningInterval[]>;
  holidays: string[];
  used_by_priorities?: Priority[];
  created_at?: string;
  updated_at?: string;
}

/** `GET /api/sla/calendars`. */
export interface SlaCalendarListResponse {
  calendars: SlaCalendar[];
}

/** `POST /api/sla/calendars` body. */
export interface NewSlaCalendar {
  name: string;
  time_zone: string;
  opening_hours: Record<string, OpeningInterval[]>;
  holidays?: string[];
}

/** `PATCH /api/sla/calendars/:id` body: only the fields that change. */
export type SlaCalendarUpdate = Partial<NewSlaCalendar>;
