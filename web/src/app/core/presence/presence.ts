/** What an agent is doing on a ticket, as `POST /api/tickets/:id/presence` takes it. */
export type PresenceState = 'viewing' | 'typing' | 'left';

/** One agent of `agents` in the presence answer and the `presence` live event. */
export interface PresenceAgent {
  id: string;
  name: string;
  state: Exclude<PresenceState, 'left'>;
}

/** `GET|POST /api/tickets/:id/presence`. */
export interface TicketPresence {
  ticket_id: string;
  agents: PresenceAgent[];
}

/** Viewers announce themselves this often; the API forgets silent viewers after ~45 s. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/** Typing ends this long after the last keystroke. */
export const TYPING_IDLE_MS = 5_000;
