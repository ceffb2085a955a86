import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { HANDLES_FORBIDDEN, SKIP_SESSION_END } from '../auth/auth-context';
import type { PresenceState, TicketPresence } from './presence';

/** Data access for "who is viewing / typing" on a ticket. */
@Injectable({ providedIn: 'root' })
export class PresenceService {
  private readonly http = inject(HttpClient);
  private readonly context = new HttpContext().set(HANDLES_FORBIDDEN, true);

  get(ticketId: string): Observable<TicketPresence> {
    return this.http.get<TicketPresence>(this.url(ticketId), { context: this.context });
  }

  set(ticketId: string, state: PresenceState): Observable<TicketPresence> {
    // "left" goes out while the page closes; a 401 then must not end the session twice.
    const context =
      state === 'left'
        ? new HttpContext().set(HANDLES_FORBIDDEN, true).set(SKIP_SESSION_END, true)
        : this.context;
    return this.http.post<TicketPresence>(this.url(ticketId), { state }, { context });
  }

  private url(ticketId: string): string {
    return `/api/tickets/${encodeURIComponent(ticketId)}/presence`;
  }
}
