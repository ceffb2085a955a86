import { inject, Injectable, signal } from '@angular/core';
import { filter, Observable, share, timer } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import {
  isTicketChange,
  NOTIFICATION_CREATED,
  toLiveEvent,
  type LiveEvent,
  type LiveStatus,
  type NotificationLiveEvent,
  type PresenceLiveEvent,
  type ResyncLiveEvent,
  type TicketLiveEvent,
} from './live-event';
import { LIVE_FETCH, LIVE_TIMING, type LiveStreamReader } from './live-fetch';
import { SseParser } from './sse-parser';

export const LIVE_EVENTS_URL = '/api/events';

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`Live events answered ${status}`);
  }
}

/**
 * Live updates for every view (inbox, ticket): one `GET /api/events` server-sent-event stream,
 * opened while anyone listens and closed when nobody does. It is read with `fetch` (so it can
 * carry the bearer token) and reconnects with exponential backoff; after a reconnection a
 * `resync` event tells views to refresh, since events may have been missed meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class LiveEventsService {
  private readonly auth = inject(AuthService);
  private readonly fetchFn = inject(LIVE_FETCH);
  private readonly timing = inject(LIVE_TIMING);
  private readonly currentStatus = signal<LiveStatus>('idle');

  readonly status = this.currentStatus.asReadonly();

  /**
   * Every live event the signed-in agent may see. Subscribing opens the shared stream; it stays
   * open briefly after the last listener leaves, so moving between pages does not reconnect.
   */
  readonly events$: Observable<LiveEvent> = new Observable<LiveEvent>((subscriber) => {
    const abort = new AbortController();
    void this.run((event) => subscriber.next(event), abort.signal);
    return () => {
      abort.abort();
      this.currentStatus.set('idle');
    };
  }).pipe(share({ resetOnRefCountZero: () => timer(this.timing.lingerMs) }));

  /** Changes of tickets (and their SLA), plus `resync` after a break in the stream. */
  readonly ticketChanges$: Observable<TicketLiveEvent | ResyncLiveEvent> = this.events$.pipe(
    filter(isTicketChange),
  );

  /** New notifications of the signed-in agent, plus `resync`. */
  readonly notifications$: Observable<NotificationLiveEvent | ResyncLiveEvent> = this.events$.pipe(
    filter(
      (e): e is NotificationLiveEvent | ResyncLiveEvent =>
        e.type === NOTIFICATION_CREATED || e.type === 'resync',
    ),
  );

  /** Changes of one ticket, presence included, plus `resync`. */
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

  private async run(emit: (event: LiveEvent) => void, signal: AbortSignal): Promise<void> {
    const parser = new SseParser();
    let failures = 0;
    let everOpened = false;
    while (!signal.aborted) {
      const token = this.auth.token();
      if (!token) {
        this.currentStatus.set('idle');
        return;
      }
      this.currentStatus.set(everOpened || failures > 0 ? 'reconnecting' : 'connecting');
      let delay: number;
      try {
        const res = await this.fetchFn(LIVE_EVENTS_URL, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          signal,
          cache: 'no-store',
        });
        if (res.status === 401) {
          this.currentStatus.set('idle');
          if (!signal.aborted) this.auth.endSession();
          return;
        }
        if (!res.ok || !res.body) throw new HttpStatusError(res.status);
        this.currentStatus.set('open');
        if (everOpened) emit({ type: 'resync' });
        everOpened = true;
        failures = 0;
        parser.reset();
        await this.read(res.body.getReader(), parser, emit, signal);
        // The server closed the stream: come back soon.
        delay = this.delay(0, parser.retryMs);
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        if (err instanceof HttpStatusError && [403, 404, 405, 501].includes(err.status)) {
          this.currentStatus.set('unavailable');
          delay = this.timing.unavailableMs;
        } else {
          this.currentStatus.set('reconnecting');
          delay = this.delay(failures, parser.retryMs);
        }
      }
      if (signal.aborted) return;
      await this.sleep(delay, signal);
    }
  }

  private async read(
    reader: LiveStreamReader,
    parser: SseParser,
    emit: (event: LiveEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const decoder = new TextDecoder();
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || signal.aborted) break;
        const text =
          typeof value === 'string' ? value : value ? decoder.decode(value, { stream: true }) : '';
        for (const message of parser.push(text)) {
          const event = toLiveEvent(message.event, message.data);
          if (event) emit(event);
        }
      }
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  private delay(failures: number, serverRetryMs: number | null): number {
    const base = serverRetryMs ?? this.timing.baseMs;
    const exp = Math.min(this.timing.maxMs, base * 2 ** Math.max(0, failures - 1));
    return Math.round(exp * (1 - this.timing.jitter * Math.random()));
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
    });
  }
}
