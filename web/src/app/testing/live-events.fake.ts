import { Injectable, Provider, signal } from '@angular/core';
import { filter, Observable, Subject } from 'rxjs';

import {
  isTicketChange,
  NOTIFICATION_CREATED,
  type LiveEvent,
  type LiveStatus,
  type NotificationLiveEvent,
  type PresenceLiveEvent,
  type ResyncLiveEvent,
  type TicketLiveEvent,
} from '../core/live/live-event';
import { LiveEventsService } from '../core/live/live-events.service';
import type { AgentNotification } from '../core/notifications/notification';

/** Stands in for the live stream: tests push events with `emit`. */
@Injectable()
export class FakeLiveEvents {
  private readonly subject = new Subject<LiveEvent>();
  readonly status = signal<LiveStatus>('open');
  readonly events$: Observable<LiveEvent> = this.subject.asObservable();
  readonly ticketChanges$ = this.events$.pipe(filter(isTicketChange));
  readonly notifications$ = this.events$.pipe(
    filter(
      (e): e is NotificationLiveEvent | ResyncLiveEvent =>
        e.type === NOTIFICATION_CREATED || e.type === 'resync',
    ),
  );

  forTicket(ticketId: string): Observable<LiveEvent> {
    return this.events$.pipe(
      filter(
        (e) => e.type === 'resync' || (e.type !== NOTIFICATION_CREATED && e.ticketId === ticketId),
      ),
    );
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

  notificationCreated(notification: AgentNotification, recipientAgentId = 'agent-1'): void {
    this.emit({
      type: NOTIFICATION_CREATED,
      ticketId: notification.ticket_id,
      recipientAgentId,
      at: notification.created_at,
      notification,
    });
  }
}

export function provideFakeLiveEvents(): Provider[] {
  return [FakeLiveEvents, { provide: LiveEventsService, useExisting: FakeLiveEvents }];
}
