import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../../../core/auth/auth-context';
import type { JobRun, OpsQueue, OpsQueuesResponse, RetryResponse } from './ops';

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

/** Data access for operations: queue dashboards, running jobs by hand, retrying failures. */
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
}
