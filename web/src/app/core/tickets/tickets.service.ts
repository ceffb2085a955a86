import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Channel, TicketListResponse, TicketStatus } from '@quimbi/contracts';
import { Observable } from 'rxjs';

export interface TicketListQuery {
  /** Omitted: every status. */
  status?: TicketStatus | null;
  /** Omitted: every channel. */
  channel?: Channel | null;
  /** 1-based. */
  page: number;
  limit: number;
  /** Topics to boost and flag (`matches_topic_alert`). */
  topicAlerts?: readonly string[];
}

/** Data access for tickets. The list comes back already ordered by smart score. */
@Injectable({ providedIn: 'root' })
export class TicketsService {
  private readonly http = inject(HttpClient);

  list(query: TicketListQuery): Observable<TicketListResponse> {
    let params = new HttpParams().set('limit', query.limit).set('page', query.page);
    if (query.status) params = params.set('status', query.status);
    if (query.channel) params = params.set('channel', query.channel);
    const alerts = (query.topicAlerts ?? []).map((a) => a.trim()).filter(Boolean);
    if (alerts.length) params = params.set('topic_alerts', alerts.join(','));
    return this.http.get<TicketListResponse>('/api/tickets', { params });
  }
}
