import {
  matchesSpecialization,
  pickAgent,
  planAssignments,
  PlannerAgent,
} from './assignment-planner';

const agent = (id: string, patch: Partial<PlannerAgent> = {}): PlannerAgent => ({
  id,
  specializations: [],
  load: 0,
  capacity: 5,
  lastAssignedAt: null,
  ...patch,
});

describe('assignment planner', () => {
  it('matches specializations case-insensitively and never on a missing intent', () => {
    expect(matchesSpecialization(['Refund', 'payment'], 'refund')).toBe(true);
    expect(matchesSpecialization(['refund'], 'return')).toBe(false);
    expect(matchesSpecialization(['refund'], null)).toBe(false);
  });

  it('prefers a specialist with room over a less loaded generalist', () => {
    const pick = pickAgent({ id: 't', detectedIntent: 'refund', currentAgentId: null }, [
      agent('a', { load: 0 }),
      agent('b', { load: 3, specializations: ['refund'] }),
    ]);
    expect(pick).toEqual({
      agent: expect.objectContaining({ id: 'b' }),
      matchedSpecialization: true,
    });
  });

  it('falls back to the least loaded when the specialists are full', () => {
    const pick = pickAgent({ id: 't', detectedIntent: 'refund', currentAgentId: null }, [
      agent('a', { load: 2 }),
      agent('b', { load: 1 }),
      agent('c', { load: 5, specializations: ['refund'] }),
    ]);
    expect(pick?.agent.id).toBe('b');
    expect(pick?.matchedSpecialization).toBe(false);
  });

  it('breaks load ties by least recent assignment (never first), then id', () => {
    const ticket = { id: 't', detectedIntent: null, currentAgentId: null };
    expect(
      pickAgent(ticket, [agent('a', { lastAssignedAt: 200 }), agent('b', { lastAssignedAt: 100 })])
        ?.agent.id,
    ).toBe('b');
    expect(
      pickAgent(ticket, [agent('a', { lastAssignedAt: 100 }), agent('b', { lastAssignedAt: null })])
        ?.agent.id,
    ).toBe('b');
    expect(pickAgent(ticket, [agent('b'), agent('a')])?.agent.id).toBe('a');
  });

  it('never picks the current assignee or an agent without room', () => {
    const ticket = { id: 't', detectedIntent: null, currentAgentId: 'a' };
    expect(pickAgent(ticket, [agent('a'), agent('b', { load: 5 })])).toBeNull();
    expect(pickAgent(ticket, [agent('c', { capacity: 0 })])).toBeNull();
  });

  it('plans in order, rotating among equals and reporting what does not fit', () => {
    const plan = planAssignments(
      ['t1', 't2', 't3', 't4', 't5'].map((id) => ({
        id,
        detectedIntent: null,
        currentAgentId: null,
      })),
      [agent('a', { capacity: 2 }), agent('b', { capacity: 2 })],
      1_000,
    );
    expect(plan.placements.map((p) => `${p.ticketId}:${p.agentId}`)).toEqual([
      't1:a',
      't2:b',
      't3:a',
      't4:b',
    ]);
    expect(plan.unplaced).toEqual(['t5']);
    expect(plan.agents.map((a) => [a.id, a.loadBefore, a.load])).toEqual([
      ['a', 0, 2],
      ['b', 0, 2],
    ]);
  });
});
