import { hasPermission, Permission, TicketStatus } from '@quimbi/contracts';
import { DomainError, NotFoundError } from '@quimbi/server-kit';

import { AuthAgent } from '../common/authorize.decorator';

/** Status transitions a ticket may make; reopening a resolved or closed ticket goes back to open. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress', 'pending', 'resolved', 'closed'],
  in_progress: ['open', 'pending', 'resolved', 'closed'],
  pending: ['open', 'in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to) return;
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new DomainError(
      'invalid_transition',
      `A ${from} ticket cannot become ${to}; allowed: ${allowed.join(', ')}`,
      { from, to, allowed: [...allowed] },
    );
  }
}

/**
 * Object-level visibility: agents without "see every ticket" see unassigned tickets and their
 * own. Anything else answers 404 so the ticket's existence does not leak.
 */
export function assertVisible(
  caller: AuthAgent,
  ticket: { id: string; assignedAgentId: string | null; deletedAt?: Date | null } | null,
  id: string,
): asserts ticket is NonNullable<typeof ticket> {
  if (!ticket || ticket.deletedAt) throw new NotFoundError('Ticket', id);
  if (hasPermission(caller.role, Permission.TicketsReadAll)) return;
  if (ticket.assignedAgentId !== null && ticket.assignedAgentId !== caller.id) {
    throw new NotFoundError('Ticket', id);
  }
}
