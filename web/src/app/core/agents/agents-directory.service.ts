import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of, shareReplay } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../auth/auth-context';
import { httpStatusOf } from '../http/api-error';
import type { AgentDirectoryEntry, AgentDirectoryResponse } from './agents-directory';

function entriesOf(res: AgentDirectoryResponse | null): AgentDirectoryEntry[] {
  const list = Array.isArray(res) ? res : Array.isArray(res?.agents) ? res.agents : [];
  return list
    .filter((a) => typeof a?.id === 'string' && typeof a?.name === 'string')
    .filter((a) => a.is_active !== false)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The agents a ticket can be assigned to. Optional: where `GET /api/agents` is missing or not
 * allowed the answer is `null` and assignment pickers hide themselves.
 */
@Injectable({ providedIn: 'root' })
export class AgentsDirectoryService {
  private readonly http = inject(HttpClient);
  private cached: Observable<AgentDirectoryEntry[] | null> | null = null;

  list(): Observable<AgentDirectoryEntry[] | null> {
    this.cached ??= this.http
      .get<AgentDirectoryResponse>('/api/agents', {
        context: new HttpContext().set(HANDLES_FORBIDDEN, true),
      })
      .pipe(
        map(entriesOf),
        catchError((err: unknown) => {
          // Missing or not allowed stays so for this page load; anything else is retried later.
          if (![403, 404, 405, 501].includes(httpStatusOf(err))) this.cached = null;
          return of(null);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.cached;
  }
}
