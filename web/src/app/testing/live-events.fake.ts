import { Injectable, Provider, signal } from '@angular/core';
import { filter, Observable, Subject } from 'rxjs';

import type {
  LiveEvent,
  LiveStatus,
  PresenceLiveEvent,
  TicketLiveEvent,
} from '../core/live/live-event';
import { LiveEventsService } from '../core/live/live-events.service';

/** Stands in for the live stream: tests push events with `emit`. */
@Injectable()
export class FakeLiveEvents {
  private readonly subject = new Subject<LiveEvent>();
  readonly status = signal<LiveStatus>('open');
  readonly events$: Observable<LiveEvent> = this.subject.asObservable();
  readonly ticketChanges$ = this.events$.pipe(
    filter((e): e is TicketLiveEvent | { type: 'resync' } => e.type !== 'presence'),
  );

  forTicket(ticketId: string): Observable<LiveEvent> {
    return this.events$.pipe(filter((e) => e.type === 'resync' || e.ticketId === ticketId));
  }

  presence(ticketId: string): Observable<PresenceLiveEvent> {
    return this.events$.pipe(
      filter((e): e is PresenceLiveEvent => e.type === 'presence' && e.ticketId === ticketId),
    );
  }

  emit(event: LiveEvent): void {
    this.subject.next(event);
  }

  ticketEvent(type: TicketLiveEvent['type'], ticketId: string): void {
    this.emit({ type, ticketId, assignedAgentId: null, at: new Date().toISOString() });
  }
}

export function provideFakeLiveEvents(): Provider[] {
  return [FakeLiveEvents, { provide: LiveEventsService, useExisting: FakeLiveEvents }];
}
