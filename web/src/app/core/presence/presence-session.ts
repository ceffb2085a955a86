import { httpStatusOf } from '../http/api-error';
import {
  PRESENCE_HEARTBEAT_MS,
  TYPING_IDLE_MS,
  type PresenceAgent,
  type PresenceState,
} from './presence';
import type { PresenceService } from './presence.service';

/**
 * The signed-in agent's presence on one open ticket: "viewing" on open and every 20 s,
 * "typing" while the composer has focus and saw input in the last 5 s, "left" on close.
 * Where the presence endpoints are missing it goes quiet instead of failing the page.
 */
export class PresenceSession {
  private state: Exclude<PresenceState, 'left'> = 'viewing';
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private available = true;
  private stopped = false;

  constructor(
    private readonly presence: PresenceService,
    readonly ticketId: string,
    private readonly onAgents: (agents: PresenceAgent[]) => void,
  ) {}

  start(): void {
    this.presence.get(this.ticketId).subscribe({
      next: (res) => this.report(res.agents),
      error: (err: unknown) => this.fail(err),
    });
    this.send('viewing');
    this.heartbeat = setInterval(() => this.send(this.state), PRESENCE_HEARTBEAT_MS);
  }

  /** A keystroke in the composer (which has focus). */
  typing(): void {
    if (this.stopped) return;
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.idle(), TYPING_IDLE_MS);
    if (this.state !== 'typing') {
      this.state = 'typing';
      this.send('typing');
    }
  }

  /** The composer lost focus, or input stopped for a while. */
  idle(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    if (this.stopped || this.state === 'viewing') return;
    this.state = 'viewing';
    this.send('viewing');
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.typingTimer) clearTimeout(this.typingTimer);
    this.heartbeat = this.typingTimer = null;
    if (this.available) {
      this.presence.set(this.ticketId, 'left').subscribe({ error: () => undefined });
    }
  }

  private send(state: Exclude<PresenceState, 'left'>): void {
    if (!this.available || this.stopped) return;
    this.presence.set(this.ticketId, state).subscribe({
      next: (res) => this.report(res.agents),
      error: (err: unknown) => this.fail(err),
    });
  }

  private report(agents: PresenceAgent[] | undefined): void {
    if (!this.stopped) this.onAgents(Array.isArray(agents) ? agents : []);
  }

  private fail(err: unknown): void {
    if (![403, 404, 405, 501].includes(httpStatusOf(err))) return;
    this.available = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
