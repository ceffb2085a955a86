import { TICKET_STATUSES } from '@quimbi/contracts';
import { DomainError } from '@quimbi/server-kit';

import { assertTransition, assertVisible, TRANSITIONS } from './ticket-rules';

const agent = { id: 'a1', email: 'a@x', name: 'A', role: 'agent' as const, teamId: null, sessionId: 's', mustChangePassword: false };

describe('ticket rules', () => {
  it.each([
    ['open', 'in_progress'],
    ['in_progress', 'pending'],
    ['pending', 'resolved'],
    ['resolved', 'closed'],
    ['closed', 'open'],
    ['resolved', 'open'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    ['closed', 'resolved'],
    ['closed', 'pending'],
    ['resolved', 'in_progress'],
  ] as const)('refuses %s → %s with a 409 naming the allowed ones', (from, to) => {
    try {
      assertTransition(from, to);
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).status).toBe(409);
      expect((err as DomainError).message).toContain(TRANSITIONS[from].join(', '));
    }
  });

  it('lets every status reach open again or already is open', () => {
    for (const s of TICKET_STATUSES) {
      expect(s === 'open' || TRANSITIONS[s].includes('open')).toBe(true);
    }
  });

  it.each([
    [null, false],
    ['a1', false],
    ['someone-else', true],
  ])('an agent on a ticket assigned to %s is refused: %s', (assignee, refused) => {
    const check = () => assertVisible(agent, { id: 't', assignedAgentId: assignee }, 't');
    if (refused) expect(check).toThrow('Ticket t was not found');
    else expect(check).not.toThrow();
  });

  it('lets a senior agent see any ticket, but never a deleted one', () => {
    const senior = { ...agent, role: 'senior_agent' as const };
    expect(() => assertVisible(senior, { id: 't', assignedAgentId: 'x' }, 't')).not.toThrow();
    expect(() => assertVisible(senior, { id: 't', assignedAgentId: null, deletedAt: new Date() }, 't')).toThrow();
  });
});
