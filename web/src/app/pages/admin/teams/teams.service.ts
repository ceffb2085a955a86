import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../../../core/auth/auth-context';
import type {
  BulkReassign,
  BulkReassignResult,
  Team,
  TeamListResponse,
  TeamWorkload,
} from './teams';

const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/** Data access for team leads: teams, their workload, and moving an agent's tickets. */
@Injectable({ providedIn: 'root' })
export class TeamsService {
  private readonly http = inject(HttpClient);

  list(): Observable<Team[]> {
    return this.http.get<TeamListResponse>('/api/teams').pipe(
      map((res) => (Array.isArray(res) ? res : Array.isArray(res?.teams) ? res.teams : [])),
      map((teams) => teams.filter((t) => typeof t?.id === 'string')),
    );
  }

  workload(teamId: string): Observable<TeamWorkload> {
    return this.http.get<TeamWorkload>(
      `/api/teams/${encodeURIComponent(teamId)}/workload`,
      inPage(),
    );
  }

  bulkReassign(body: BulkReassign): Observable<BulkReassignResult> {
    return this.http.post<BulkReassignResult>('/api/tickets/bulk-reassign', body, inPage());
  }
}
