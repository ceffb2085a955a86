import { buildTimeline } from './timeline';

describe('buildTimeline', () => {
  const names = new Map([
    ['agent-2', 'Alan Turing'],
    ['agent-3', 'Grace Hopper'],
  ]);

  it('describes each audited change, oldest first, naming who did it', () => {
    const items = buildTimeline(
      {
        entries: [
          {
            id: '3',
            at: '2026-01-01T10:05:00.000Z',
            actor_agent_id: 'agent-1',
            action: 'ticket.updated',
            before: { status: 'open', priority: 'high' },
            after: { status: 'pending', priority: 'high' },
          },
          {
            id: '1',
            at: '2026-01-01T10:00:00.000Z',
            actor_agent_id: null,
            action: 'ticket.created',
            before: null,
            after: {},
          },
          {
            id: '2',
            at: '2026-01-01T10:01:00.000Z',
            actor_agent_id: 'agent-2',
            action: 'assignment.reassign',
            before: { assigned_agent_id: 'agent-3' },
            after: { assigned_agent_id: 'agent-1' },
            metadata: { reason: 'Billing question' },
          },
          {
            id: '4',
            at: '2026-01-01T10:06:00.000Z',
            actor_agent_id: 'agent-9',
            action: 'sla.paused',
            before: null,
            after: null,
          },
          {
            id: '5',
            at: '2026-01-01T10:07:00.000Z',
            actor_agent_id: null,
            action: 'sla.breached',
            before: null,
            after: null,
            metadata: { clock: 'first_response', deadline: '2026-01-01T10:07:00.000Z' },
          },
        ],
        assignments: [
          {
            at: '2026-01-01T10:01:00.000Z',
            action: 'reassign',
            agent_id: 'agent-1',
            previous_agent_id: 'agent-3',
            by_agent_id: 'agent-2',
            reason: 'Billing question',
          },
        ],
      },
      names,
      'agent-1',
    );
    expect(items.map((i) => `${i.actor}: ${i.text}`)).toEqual([
      'Customer: Created the ticket',
      'Alan Turing: Reassigned it from Grace Hopper to you',
      'You: Changed status Open → Pending',
      'An agent: Paused the SLA clocks',
      'System: First reply deadline missed',
    ]);
    expect(items[1].reason).toBe('Billing question');
  });

  it('adds assignments the audit log does not have', () => {
    const items = buildTimeline(
      {
        entries: [],
        assignments: [
          {
            at: '2026-01-01T10:01:00.000Z',
            action: 'auto',
            agent_id: 'agent-3',
            previous_agent_id: null,
            by_agent_id: null,
            reason: null,
          },
        ],
      },
      names,
      null,
    );
    expect(items.map((i) => `${i.actor}: ${i.text}`)).toEqual([
      'System: Auto-assigned to Grace Hopper',
    ]);
  });
});
