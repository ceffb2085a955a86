import { Injectable } from '@nestjs/common';

import { AgentProfile, AgentStatus } from '@quimbi/contracts';
import { NotFoundError } from '@quimbi/server-kit';

import { AuditService } from '../audit/audit.service';
import { toAgentProfile } from '../auth/auth.service';
import { AuthAgent } from '../common/authorize.decorator';
import { AgentsRepository } from './agents.repository';

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly audit: AuditService,
  ) {}

  async me(caller: AuthAgent): Promise<AgentProfile> {
    const agent = await this.agents.findById(caller.id);
    if (!agent) throw new NotFoundError('Agent', caller.id);
    return toAgentProfile(agent);
  }

  async topicAlerts(caller: AuthAgent): Promise<{ topic_alerts: string[] }> {
    const agent = await this.agents.findById(caller.id);
    if (!agent) throw new NotFoundError('Agent', caller.id);
    return { topic_alerts: agent.topicAlerts };
  }

  /** The agent's topic alerts, remembered between sessions (distinct, in the given order). */
  async setTopicAlerts(caller: AuthAgent, terms: string[]): Promise<{ topic_alerts: string[] }> {
    const seen = new Set<string>();
    const distinct = terms.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
    const agent = await this.agents.update(caller.id, { topicAlerts: distinct });
    return { topic_alerts: agent.topicAlerts };
  }

  async setMyStatus(caller: AuthAgent, status: AgentStatus, requestId?: string): Promise<AgentProfile> {
    const before = await this.agents.findById(caller.id);
    if (!before) throw new NotFoundError('Agent', caller.id);
    const after = await this.agents.update(caller.id, { status });
    if (before.status !== status) {
      await this.audit.record({
        actorAgentId: caller.id,
        action: 'agent.status_changed',
        entityType: 'agent',
        entityId: caller.id,
        before: { status: before.status },
        after: { status },
        requestId,
      });
    }
    return toAgentProfile(after);
  }
}
