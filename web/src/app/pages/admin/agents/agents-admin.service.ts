import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';

import type { AgentProfile } from '@quimbi/contracts';

import { HANDLES_FORBIDDEN } from '../../../core/auth/auth-context';
import type {
  AgentListQuery,
  AgentListResponse,
  CreateAgent,
  CreatedAgent,
  CreatedAgentResponse,
  ResetPasswordResponse,
} from './agents-admin';

const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

export const AGENT_LIST_LIMIT = 500;

export function agentsOf(res: AgentListResponse | null): AgentProfile[] {
  const list = Array.isArray(res) ? res : Array.isArray(res?.agents) ? res.agents : [];
  return list.filter((a) => typeof a?.id === 'string');
}

/** Data access for managing agents: list, create, (de)activate, reset a password. */
@Injectable({ providedIn: 'root' })
export class AgentsAdminService {
  private readonly http = inject(HttpClient);

  list(query: AgentListQuery): Observable<AgentProfile[]> {
    // One page of up to the API's maximum: an admin list is read whole, then searched by `q`.
    let params = new HttpParams().set('include_inactive', 'true').set('limit', AGENT_LIST_LIMIT);
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    if (query.role) params = params.set('role', query.role);
    return this.http.get<AgentListResponse>('/api/agents', { params }).pipe(map(agentsOf));
  }

  create(body: CreateAgent): Observable<CreatedAgent> {
    return this.http.post<CreatedAgentResponse>('/api/agents', body, inPage()).pipe(
      map((res) => {
        if ('agent' in res && res.agent) return res;
        const { temporary_password, ...agent } = res as AgentProfile & {
          temporary_password?: string;
        };
        return { agent, temporary_password };
      }),
    );
  }

  setActive(id: string, isActive: boolean): Observable<AgentProfile> {
    return this.http.patch<AgentProfile>(
      `/api/agents/${encodeURIComponent(id)}`,
      { is_active: isActive },
      inPage(),
    );
  }

  resetPassword(id: string): Observable<ResetPasswordResponse> {
    return this.http.post<ResetPasswordResponse>(
      `/api/agents/${encodeURIComponent(id)}/reset-password`,
      {},
      inPage(),
    );
  }
}
