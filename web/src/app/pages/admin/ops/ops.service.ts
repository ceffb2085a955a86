import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../../../core/auth/auth-context';
import type {
  JobRun,
  OpsQueue,
  OpsQueuesResponse,
  RetryResponse,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhooksOverview,
} from './ops';

/** How many of the latest webhook deliveries the Ops page lists. */
export const WEBHOOK_DELIVERIES_LIMIT = 50;

/** Fills in what a queue may leave out, so views can rely on every part being there. */
function normalize(q: Partial<OpsQueue> & { name: string }): OpsQueue {
  return {
    name: q.name,
    backend: q.backend ?? '',
    counts: { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0, ...q.counts },
    schedulers: Array.isArray(q.schedulers) ? q.schedulers : [],
    last_run: q.last_run ?? null,
    recent_failures: Array.isArray(q.recent_failures) ? q.recent_failures : [],
  };
}

const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/**
 * Data access for operations: queue dashboards, running jobs by hand, retrying failures, and
 * the outbound webhook deliveries.
 */
@Injectable({ providedIn: 'root' })
export class OpsService {
  private readonly http = inject(HttpClient);

  queues(): Observable<OpsQueue[]> {
    return this.http.get<OpsQueuesResponse>('/api/ops/queues').pipe(
      map((res) => (Array.isArray(res) ? res : Array.isArray(res?.queues) ? res.queues : [])),
      map((queues) => queues.filter((q) => typeof q?.name === 'string').map(normalize)),
    );
  }

  run(job: string): Observable<JobRun> {
    return this.http.post<JobRun>(`/api/ops/jobs/${encodeURIComponent(job)}/run`, {}, inPage());
  }

  retryFailed(queue: string): Observable<RetryResponse> {
    return this.http.post<RetryResponse>(
      `/api/ops/queues/${encodeURIComponent(queue)}/retry`,
      {},
      inPage(),
    );
  }

  /** The webhook target and the latest deliveries, of one status or all. */
  webhooks(
    status: WebhookDeliveryStatus | null,
    limit = WEBHOOK_DELIVERIES_LIMIT,
  ): Observable<WebhooksOverview> {
    const params: Record<string, string | number> = { limit };
    if (status) params['status'] = status;
    return this.http
      .get<Partial<WebhooksOverview>>('/api/ops/webhooks', { ...inPage(), params })
      .pipe(
        map((res) => ({
          configured: res?.configured === true,
          url: res?.url ?? null,
          counts: { pending: 0, delivered: 0, failed: 0, ...res?.counts },
          deliveries: Array.isArray(res?.deliveries) ? res.deliveries : [],
        })),
      );
  }

  /** Sends a failed delivery again; 409 when it has not failed. */
  retryDelivery(id: string): Observable<WebhookDelivery> {
    return this.http.post<WebhookDelivery>(
      `/api/ops/webhooks/${encodeURIComponent(id)}/retry`,
      {},
      inPage(),
    );
  }
}
