import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../auth/auth-context';
import type {
  CustomerIntelligenceResponse,
  DraftOptions,
  DraftResponse,
  TicketRecommendation,
} from './ai';

/** AI panels are optional: a 403 is reported in place, never by leaving the page. */
const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/** Data access for the AI features: reply drafts, recommendations, customer intelligence. */
@Injectable({ providedIn: 'root' })
export class AiService {
  private readonly http = inject(HttpClient);

  /** The draft for the ticket's latest message (cached server-side per tone and length). */
  draft(ticketId: string, options: DraftOptions): Observable<DraftResponse> {
    const params = new HttpParams().set('tone', options.tone).set('length', options.length);
    return this.http.get<DraftResponse>(
      `/api/ai/tickets/${encodeURIComponent(ticketId)}/draft-response`,
      { params, ...inPage() },
    );
  }

  /** A fresh draft, bypassing the cache. */
  regenerate(ticketId: string, options: DraftOptions): Observable<DraftResponse> {
    return this.http.post<DraftResponse>(
      `/api/ai/tickets/${encodeURIComponent(ticketId)}/regenerate-draft`,
      { tone: options.tone, length: options.length },
      inPage(),
    );
  }

  recommendation(ticketId: string): Observable<TicketRecommendation> {
    return this.http.get<TicketRecommendation>(
      `/api/ai/tickets/${encodeURIComponent(ticketId)}/recommendation`,
      inPage(),
    );
  }

  customerIntelligence(customerId: string): Observable<CustomerIntelligenceResponse> {
    return this.http.get<CustomerIntelligenceResponse>(
      `/api/ai/customers/${encodeURIComponent(customerId)}/intelligence`,
      inPage(),
    );
  }
}
