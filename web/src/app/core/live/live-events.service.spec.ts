import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Subscription } from 'rxjs';

import { AuthService, TOKEN_STORAGE_KEY } from '../auth/auth.service';
import type { LiveEvent } from './live-event';
import { LIVE_EVENTS_URL, LiveEventsService } from './live-events.service';
import {
  LIVE_FETCH,
  LIVE_TIMING,
  type LiveFetch,
  type LiveResponse,
  type LiveStreamReader,
} from './live-fetch';

/** A response body the test writes to chunk by chunk. */
class FakeBody {
  private chunks: { done: boolean; value?: Uint8Array }[] = [];
  private waiting: ((r: { done: boolean; value?: Uint8Array }) => void) | null = null;
  cancelled = false;

  write(value: Uint8Array | string): void {
    this.deliver({
      done: false,
      value: typeof value === 'string' ? new TextEncoder().encode(value) : value,
    });
  }

  end(): void {
    this.deliver({ done: true });
  }

  reader(): LiveStreamReader {
    return {
      read: () =>
        this.chunks.length
          ? Promise.resolve(this.chunks.shift() as { done: boolean; value?: Uint8Array })
          : new Promise((resolve) => (this.waiting = resolve)),
      cancel: () => {
        this.cancelled = true;
        this.deliver({ done: true });
        return Promise.resolve();
      },
    };
  }

  private deliver(chunk: { done: boolean; value?: Uint8Array }): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(chunk);
    else this.chunks.push(chunk);
  }
}

async function until(check: () => boolean, ms = 1000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

describe('LiveEventsService', () => {
  let responses: (LiveResponse | Error)[];
  let calls: { url: string; headers: Record<string, string>; signal: AbortSignal }[];
  let service: LiveEventsService;
  let subs: Subscription[];

  function ok(body: FakeBody): LiveResponse {
    return { ok: true, status: 200, body: { getReader: () => body.reader() } };
  }

  function status(code: number): LiveResponse {
    return { ok: false, status: code, body: null };
  }

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(TOKEN_STORAGE_KEY, 'token-abc');
    responses = [];
    calls = [];
    subs = [];
    const fetchFn: LiveFetch = (url, init) => {
      calls.push({ url, headers: init.headers, signal: init.signal });
      const next = responses.shift();
      if (!next) return new Promise(() => undefined);
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LIVE_FETCH, useValue: fetchFn },
        {
          provide: LIVE_TIMING,
          useValue: { lingerMs: 0, baseMs: 2, maxMs: 10, unavailableMs: 5, jitter: 0 },
        },
      ],
    });
    service = TestBed.inject(LiveEventsService);
  });

  afterEach(() => subs.forEach((s) => s.unsubscribe()));

  function listen(): LiveEvent[] {
    const events: LiveEvent[] = [];
    subs.push(service.events$.subscribe((e) => events.push(e)));
    return events;
  }

  it('streams with the bearer token and parses events split anywhere, even inside a character', async () => {
    const body = new FakeBody();
    responses.push(ok(body));
    const events = listen();
    await until(() => service.status() === 'open');
    expect(calls[0].url).toBe(LIVE_EVENTS_URL);
    expect(calls[0].headers).toEqual({
      Authorization: 'Bearer token-abc',
      Accept: 'text/event-stream',
    });

    const bytes = new TextEncoder().encode(
      'event: ticket.created\ndata: {"ticketId":"t-1","assignedAgentId":null,"at":"2026-01-01T00:00:00Z","data":{"subject":"Café"}}\n\n' +
        'event: ping\ndata: {}\n\n' +
        'event: presence\ndata: {"ticket_id":"t-1","agents":[{"id":"a","name":"Zoë","state":"viewing"}]}\n\n',
    );
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    body.write(bytes.slice(0, cut));
    body.write(bytes.slice(cut, cut + 40));
    body.write(bytes.slice(cut + 40));
    await until(() => events.length === 2);

    expect(events).toEqual([
      {
        type: 'ticket.created',
        ticketId: 't-1',
        assignedAgentId: null,
        at: '2026-01-01T00:00:00Z',
        data: { subject: 'Café' },
      },
      { type: 'presence', ticketId: 't-1', agents: [{ id: 'a', name: 'Zoë', state: 'viewing' }] },
    ]);
  });

  it('sends notifications to the bell only, not to ticket views', async () => {
    const body = new FakeBody();
    responses.push(ok(body));
    const notifications: LiveEvent[] = [];
    const changes: LiveEvent[] = [];
    const ticket: LiveEvent[] = [];
    subs.push(service.notifications$.subscribe((e) => notifications.push(e)));
    subs.push(service.ticketChanges$.subscribe((e) => changes.push(e)));
    subs.push(service.forTicket('t-1').subscribe((e) => ticket.push(e)));
    await until(() => service.status() === 'open');
    const notification = {
      id: 'n-1',
      type: 'sla.breached',
      ticket_id: 't-1',
      title: 'SLA breached',
      body: '',
      data: {},
      created_at: '2026-01-01T00:00:00Z',
      read_at: null,
    };
    body.write(
      `event: notification.created\ndata: ${JSON.stringify({
        type: 'notification.created',
        ticketId: 't-1',
        assignedAgentId: null,
        recipientAgentId: 'a-1',
        at: '2026-01-01T00:00:00Z',
        data: { notification },
      })}\n\n` + 'event: ticket.updated\ndata: {"ticketId":"t-1"}\n\n',
    );
    await until(() => changes.length === 1);
    expect(notifications.map((e) => e.type)).toEqual(['notification.created']);
    expect(changes.map((e) => e.type)).toEqual(['ticket.updated']);
    expect(ticket.map((e) => e.type)).toEqual(['ticket.updated']);
  });

  it('shares one connection and closes it when the last listener leaves', async () => {
    const body = new FakeBody();
    responses.push(ok(body));
    listen();
    listen();
    await until(() => service.status() === 'open');
    expect(calls).toHaveLength(1);
    subs.forEach((s) => s.unsubscribe());
    await until(() => calls[0].signal.aborted && body.cancelled);
    expect(service.status()).toBe('idle');
  });

  it('reconnects after the stream ends or fails, and asks views to resync', async () => {
    const first = new FakeBody();
    const second = new FakeBody();
    responses.push(ok(first), new TypeError('network'), ok(second));
    const events = listen();
    await until(() => service.status() === 'open');
    first.end();
    await until(() => calls.length === 3 && service.status() === 'open');
    second.write('event: message.created\ndata: {"ticketId":"t-2"}\n\n');
    await until(() => events.length === 2);
    expect(events.map((e) => e.type)).toEqual(['resync', 'message.created']);
  });

  it('keeps trying, slowly, while the endpoint is missing', async () => {
    responses.push(status(404), status(404), ok(new FakeBody()));
    listen();
    await until(() => service.status() === 'unavailable');
    await until(() => service.status() === 'open');
    expect(calls).toHaveLength(3);
  });

  it('ends the session on a 401 and stops', async () => {
    const endSession = jest.spyOn(TestBed.inject(AuthService), 'endSession').mockImplementation();
    responses.push(status(401));
    listen();
    await until(() => endSession.mock.calls.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    expect(service.status()).toBe('idle');
  });

  it('does not connect without a session', async () => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        { provide: LIVE_FETCH, useValue: () => Promise.reject(new Error('no')) },
      ],
    });
    const anonymous = TestBed.inject(LiveEventsService);
    subs.push(anonymous.events$.subscribe());
    await new Promise((r) => setTimeout(r, 5));
    expect(anonymous.status()).toBe('idle');
  });
});
