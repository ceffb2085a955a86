import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

export type TicketEventType =
  | 'ticket.created'
  | 'ticket.updated'
  | 'ticket.assigned'
  | 'ticket.deleted'
  | 'message.created';

export interface TicketEvent {
  type: TicketEventType;
  ticketId: string;
  assignedAgentId: string | null;
  at: string;
  data?: Record<string, unknown>;
}

/** Ticket changes as a stream, for live updates to the console. */
@Injectable()
export class TicketEvents {
  private readonly subject = new Subject<TicketEvent>();
  readonly events$: Observable<TicketEvent> = this.subject.asObservable();

  emit(event: Omit<TicketEvent, 'at'>): void {
    this.subject.next({ ...event, at: new Date().toISOString() });
  }
}
