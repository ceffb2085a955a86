import type { AgentProfile, Role } from '@quimbi/contracts';

/** `GET /api/agents`: a bare list or `{ agents: [...] }`. */
export type AgentListResponse = AgentProfile[] | { agents: AgentProfile[] };

export interface AgentListQuery {
  q?: string;
  role?: Role | null;
}

/** `POST /api/agents` body. */
export interface CreateAgent {
  email: string;
  name: string;
  role: Role;
  team_id?: string;
  password?: string;
}

/** `POST /api/agents` answer: the agent, with a one-time password when none was given. */
export interface CreatedAgent {
  agent: AgentProfile;
  temporary_password?: string | null;
}

/** `POST /api/agents` as sent: wrapped (`{ agent, temporary_password }`) or the bare agent. */
export type CreatedAgentResponse = CreatedAgent | (AgentProfile & { temporary_password?: string });

/** `POST /api/agents/:id/reset-password`. */
export interface ResetPasswordResponse {
  temporary_password: string;
}
