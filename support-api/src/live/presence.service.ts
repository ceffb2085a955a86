import { Injectable, OnModuleInit } from '@nestjs/common';

import { AuthAgent } from '../common/authorize.decorator';
import { LiveEventsService } from './live-events.service';

export type PresenceState = 'viewing' | 'typing' | 'left';

interface PresenceUpdate {
  agentId: string;
  name: string;
  state: PresenceState;
  at: number;
}

interface Presence {
  id: string;
  name: string;
  state: Exclude<PresenceState, 'left'>;
  seenAt: number;
}

/** A viewer that stops sending heartbeats disappears after this long. */
export const PRESENCE_TTL_MS = 45_000;

/**
 * Who is viewing or typing on each ticket. Updates travel on the live-event stream, so every
 * API process keeps the same picture; entries expire without heartbeats.
 */
@Injectable()
export class PresenceService implements OnModuleInit {
  private readonly byTicket = new Map<string, Map<string, Presence>>();

  constructor(private readonly live: LiveEventsService) {}

  onModuleInit(): void {
    this.live.events$.subscribe((e) => {
      if (e.type === 'presence.update' && e.data) this.apply(e.ticketId, e.data as unknown as PresenceUpdate);
    });
  }

  async update(caller: AuthAgent, ticketId: string, assignedAgentId: string | null, state: PresenceState) {
    const update: PresenceUpdate = { agentId: caller.id, name: caller.name, state, at: Date.now() };
    // Applied here at once; the copy arriving over the stream re-applies the same state.
    this.apply(ticketId, update);
    await this.live.publish({
      type: 'presence.update',
      ticketId,
      assignedAgentId,
      at: new Date(update.at).toISOString(),
      data: { ...update },
    });
    return this.current(ticketId);
  }

  private apply(ticketId: string, d: PresenceUpdate) {
    const viewers = this.byTicket.get(ticketId) ?? new Map<string, Presence>();
    if (d.state === 'left') viewers.delete(d.agentId);
    else viewers.set(d.agentId, { id: d.agentId, name: d.name, state: d.state, seenAt: d.at });
    if (viewers.size === 0) this.byTicket.delete(ticketId);
    else this.byTicket.set(ticketId, viewers);
  }

  current(ticketId: string, now = Date.now()) {
    const viewers = this.byTicket.get(ticketId);
    const agents = [...(viewers?.values() ?? [])]
      .filter((p) => now - p.seenAt < PRESENCE_TTL_MS)
      .map((p) => ({ id: p.id, name: p.name, state: p.state }));
    return { ticket_id: ticketId, agents };
  }
}
