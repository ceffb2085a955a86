import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import type { Channel, ScoreBreakdown, TicketListResponse, TicketStatus } from '@quimbi/contracts';

import { HANDLES_FORBIDDEN } from '../auth/auth-context';
import type {
  AssignmentResult,
  AssignTicket,
  NewMessage,
  SlaTicketSummary,
  TicketDetail,
  TicketHistory,
  TicketMessage,
  TicketUpdate,
} from './ticket-detail';

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

function alertTerms(terms: readonly string[] | undefined): string[] {
  return (terms ?? []).map((a) => a.trim()).filter(Boolean);
}

/** In-page actions report a 403 inline instead of leaving the page. */
const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/**
 * Data access for tickets: the smart-ordered list, one ticket with its conversation, changes
 * (optimistic versions), replies and notes, history, SLA pause/resume, claim and assignment.
 */
@Injectable({ providedIn: 'root' })
export class TicketsService {
  private readonly http = inject(HttpClient);

  /** The list comes back already ordered by smart score. */
  list(query: TicketListQuery): Observable<TicketListResponse> {
    let params = new HttpParams().set('limit', query.limit).set('page', query.page);
    if (query.status) params = params.set('status', query.status);
    if (query.channel) params = params.set('channel', query.channel);
    const alerts = alertTerms(query.topicAlerts);
    if (alerts.length) params = params.set('topic_alerts', alerts.join(','));
    return this.http.get<TicketListResponse>('/api/tickets', { params });
  }

  /** Why a ticket has its score, with the same topic alerts as the list it was shown in. */
  scoreBreakdown(id: string, topicAlerts?: readonly string[]): Observable<ScoreBreakdown> {
    const alerts = alertTerms(topicAlerts);
    const params = alerts.length ? new HttpParams().set('topic_alerts', alerts.join(',')) : {};
    return this.http.get<ScoreBreakdown>(`/api/tickets/${encodeURIComponent(id)}/score-breakdown`, {
      params,
      ...inPage(),
    });
  }

  detail(id: string): Observable<TicketDetail> {
    return this.http.get<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`);
  }

  /** 409 `version_conflict` when `version` is stale, 409 `invalid_transition` for a bad status. */
  update(id: string, change: TicketUpdate): Observable<TicketDetail> {
    return this.http.patch<TicketDetail>(
      `/api/tickets/${encodeURIComponent(id)}`,
      change,
      inPage(),
    );
  }

  addMessage(id: string, message: NewMessage): Observable<TicketMessage> {
    return this.http.post<TicketMessage>(
      `/api/tickets/${encodeURIComponent(id)}/messages`,
      message,
      inPage(),
    );
  }

  history(id: string): Observable<TicketHistory> {
    return this.http.get<TicketHistory>(`/api/tickets/${encodeURIComponent(id)}/history`, inPage());
  }

  pauseSla(id: string): Observable<SlaTicketSummary> {
    return this.http.post<SlaTicketSummary>(
      `/api/tickets/${encodeURIComponent(id)}/sla/pause`,
      {},
      inPage(),
    );
  }

  resumeSla(id: string): Observable<SlaTicketSummary> {
    return this.http.post<SlaTicketSummary>(
      `/api/tickets/${encodeURIComponent(id)}/sla/resume`,
      {},
      inPage(),
    );
  }

  /** Takes an unassigned ticket for the signed-in agent. */
  claim(id: string): Observable<AssignmentResult> {
    return this.http.post<AssignmentResult>(
      `/api/tickets/${encodeURIComponent(id)}/claim`,
      {},
      inPage(),
    );
  }

  assign(id: string, body: AssignTicket): Observable<AssignmentResult> {
    return this.http.post<AssignmentResult>(
      `/api/tickets/${encodeURIComponent(id)}/assign`,
      body,
      inPage(),
    );
  }
}
