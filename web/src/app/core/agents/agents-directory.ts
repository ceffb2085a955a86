import type { AgentStatus } from '@quimbi/contracts';

/** One agent of `GET /api/agents` as the assignment picker needs it. */
export interface AgentDirectoryEntry {
  id: string;
  name: string;
  status?: AgentStatus;
  is_active?: boolean;
}

/** `GET /api/agents`: a bare list or `{ agents: [...] }`. */
export type AgentDirectoryResponse = AgentDirectoryEntry[] | { agents: AgentDirectoryEntry[] };
