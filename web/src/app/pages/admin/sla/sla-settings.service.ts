import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import type { Priority } from '@quimbi/contracts';

import { HANDLES_FORBIDDEN } from '../../../core/auth/auth-context';
import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import type {
  NewSlaCalendar,
  SlaCalendar,
  SlaCalendarListResponse,
  SlaCalendarUpdate,
  SlaPolicyListResponse,
  SlaPolicyUpdate,
  SlaPolicyUpdateResponse,
} from './sla-settings';

const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/** Data access for SLA settings: policies per priority and business calendars. */
@Injectable({ providedIn: 'root' })
export class SlaSettingsService {
  private readonly http = inject(HttpClient);

  policies(): Observable<SlaPolicy[]> {
    return this.http
      .get<SlaPolicyListResponse | SlaPolicy[]>('/api/sla/policies')
      .pipe(map((res) => (Array.isArray(res) ? res : (res?.policies ?? []))));
  }

  updatePolicy(priority: Priority, change: SlaPolicyUpdate): Observable<SlaPolicyUpdateResponse> {
    return this.http.patch<SlaPolicyUpdateResponse>(
      `/api/sla/policies/${encodeURIComponent(priority)}`,
      change,
      inPage(),
    );
  }

  calendars(): Observable<SlaCalendar[]> {
    return this.http
      .get<SlaCalendarListResponse | SlaCalendar[]>('/api/sla/calendars')
      .pipe(map((res) => (Array.isArray(res) ? res : (res?.calendars ?? []))));
  }

  createCalendar(body: NewSlaCalendar): Observable<SlaCalendar> {
    return this.http.post<SlaCalendar>('/api/sla/calendars', body, inPage());
  }

  updateCalendar(id: string, change: SlaCalendarUpdate): Observable<SlaCalendar> {
    return this.http.patch<SlaCalendar>(
      `/api/sla/calendars/${encodeURIComponent(id)}`,
      change,
      inPage(),
    );
  }

  /** Answers 409 while a policy still uses the calendar. */
  deleteCalendar(id: string): Observable<void> {
    return this.http.delete<void>(`/api/sla/calendars/${encodeURIComponent(id)}`, inPage());
  }
}
