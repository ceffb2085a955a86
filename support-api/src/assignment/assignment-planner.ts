/**
 * Picks agents for tickets: the rules shared by bulk reassignment and automatic assignment.
 * Pure (no I/O) so the ranking can be tested on its own.
 *
 * For each ticket, in the order given (highest score first):
 * 1. eligible agents are those with spare capacity (live load below `capacity`) other than the
 *    ticket's current assignee;
 * 2. among them, agents whose specializations include the ticket's detected intent are preferred;
 * 3. then the least-loaded (fewest live tickets);
 * 4. then round-robin: the agent assigned a ticket least recently (never assigned first);
 * 5. then the agent id, so the plan is deterministic.
 */

export interface PlannerAgent {
  readonly id: string;
  readonly specializations: readonly string[];
  /** Live tickets (open, in_progress, pending) assigned now. */
  readonly load: number;
  readonly capacity: number;
  /** When the agent last received a ticket (epoch ms), or null if never. */
  readonly lastAssignedAt: number | null;
}

export interface PlannerTicket {
  readonly id: string;
  readonly detectedIntent: string | null;
  readonly currentAgentId: string | null;
}

export interface Placement {
  readonly ticketId: string;
  readonly agentId: string;
  readonly matchedSpecialization: boolean;
}

export interface PlannedAgent extends PlannerAgent {
  readonly loadBefore: number;
}

export interface Plan {
  readonly placements: Placement[];
  /** Tickets no eligible agent had room for. */
  readonly unplaced: string[];
  /** The agents with their load before and after the plan. */
  readonly agents: PlannedAgent[];
}

/** Whether the agent lists the intent among their specializations (case-insensitive). */
export function matchesSpecialization(
  specializations: readonly string[],
  intent: string | null,
): boolean {
  if (!intent) return false;
  const wanted = intent.trim().toLowerCase();
  return specializations.some((s) => s.trim().toLowerCase() === wanted);
}

/** Orders candidates: least loaded, then least recently assigned, then id. */
export function compareCandidates(a: PlannerAgent, b: PlannerAgent): number {
  if (a.load !== b.load) return a.load - b.load;
  const la = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const lb = b.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (la !== lb) return la < lb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The agent a ticket should go to, or null when nobody eligible has room. */
export function pickAgent(
  ticket: PlannerTicket,
  agents: readonly PlannerAgent[],
): { agent: PlannerAgent; matchedSpecialization: boolean } | null {
  const eligible = agents.filter((a) => a.load < a.capacity && a.id !== ticket.currentAgentId);
  if (eligible.length === 0) return null;
  const matching = eligible.filter((a) =>
    matchesSpecialization(a.specializations, ticket.detectedIntent),
  );
  const pool = matching.length > 0 ? matching : eligible;
  const best = [...pool].sort(compareCandidates)[0];
  return best ? { agent: best, matchedSpecialization: matching.length > 0 } : null;
}

/**
 * Plans the tickets in the order given, updating each chosen agent's load and last-assigned
 * time as it goes, so later tickets see the earlier choices.
 */
export function planAssignments(
  tickets: readonly PlannerTicket[],
  agents: readonly PlannerAgent[],
  now: number,
): Plan {
  const state = new Map<string, PlannedAgent>(
    agents.map((a) => [a.id, { ...a, loadBefore: a.load }]),
  );
  // Choices made in this plan count as more recent than anything stored, in plan order.
  let clock = Math.max(now, ...agents.map((a) => a.lastAssignedAt ?? Number.NEGATIVE_INFINITY));
  const placements: Placement[] = [];
  const unplaced: string[] = [];
  for (const ticket of tickets) {
    const pick = pickAgent(ticket, [...state.values()]);
    if (!pick) {
      unplaced.push(ticket.id);
      continue;
    }
    clock += 1;
    const chosen = state.get(pick.agent.id);
    if (!chosen) throw new Error(`Planner lost agent ${pick.agent.id}`);
    state.set(chosen.id, { ...chosen, load: chosen.load + 1, lastAssignedAt: clock });
    placements.push({
      ticketId: ticket.id,
      agentId: chosen.id,
      matchedSpecialization: pick.matchedSpecialization,
    });
  }
  return { placements, unplaced, agents: [...state.values()] };
}
