import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { agentFixture, loginResponseFixture, notificationFixture } from '../../testing/fixtures';
import { FakeLiveEvents, provideFakeLiveEvents } from '../../testing/live-events.fake';
import { AuthService } from '../auth/auth.service';
import type { AgentNotification } from './notification';
import { NOTIFICATIONS_URL, NotificationsService } from './notifications.service';

describe('NotificationsService', () => {
  let http: HttpTestingController;
  let live: FakeLiveEvents;
  let sut: NotificationsService;

  const list = () => http.expectOne((r) => r.method === 'GET' && r.url === NOTIFICATIONS_URL);
  const flushList = (notifications: AgentNotification[], unread: number) =>
    list().flush({ notifications, unread });

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeLiveEvents(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'a@b.c', password: 'x' }).subscribe();
    http
      .expectOne('/api/agents/login')
      .flush(loginResponseFixture({ agent: agentFixture({ id: 'agent-1' }) }));
    live = TestBed.inject(FakeLiveEvents);
    sut = TestBed.inject(NotificationsService);
  });

  afterEach(() => {
    sut.stop();
    http.verify();
  });

  it('loads the latest notifications and the unread count on start', () => {
    sut.start();
    expect(sut.loading()).toBe(true);
    const req = list();
    expect(req.request.params.get('limit')).toBe('20');
    req.flush({ notifications: [notificationFixture()], unread: 7 });
    expect(sut.notifications()).toHaveLength(1);
    expect(sut.unread()).toBe(7);
    expect(sut.loaded()).toBe(true);
  });

  it('adds a live notification at once and reloads; resync reloads too', () => {
    sut.start();
    flushList([], 0);
    live.notificationCreated(notificationFixture({ id: 'n-9', title: 'Breach' }));
    expect(sut.notifications().map((n) => n.id)).toEqual(['n-9']);
    expect(sut.unread()).toBe(1);
    flushList([notificationFixture({ id: 'n-9' })], 1);

    live.emit({ type: 'resync' });
    flushList([notificationFixture({ id: 'n-10' }), notificationFixture({ id: 'n-9' })], 2);
    expect(sut.unread()).toBe(2);
  });

  it('ignores notifications meant for another agent and ticket events', () => {
    sut.start();
    flushList([], 0);
    live.notificationCreated(notificationFixture({ id: 'n-2' }), 'agent-2');
    live.ticketEvent('ticket.updated', 't-1');
    http.expectNone(NOTIFICATIONS_URL);
    expect(sut.notifications()).toEqual([]);
  });

  it('marks one read at once, then confirms it with the API', () => {
    sut.start();
    flushList([notificationFixture({ id: 'n-1' }), notificationFixture({ id: 'n-2' })], 2);
    sut.markRead(sut.notifications()[0]);
    expect(sut.unread()).toBe(1);
    expect(sut.notifications()[0].read_at).not.toBeNull();
    const req = http.expectOne(`${NOTIFICATIONS_URL}/n-1/read`);
    expect(req.request.method).toBe('POST');
    req.flush(notificationFixture({ id: 'n-1', read_at: '2026-01-01T00:00:00.000Z' }));
    expect(sut.notifications()[0].read_at).toBe('2026-01-01T00:00:00.000Z');

    // Already read: nothing to send.
    sut.markRead(sut.notifications()[0]);
    http.expectNone(`${NOTIFICATIONS_URL}/n-1/read`);
  });

  it('says so and reloads when a read is refused', () => {
    sut.start();
    flushList([notificationFixture({ id: 'n-1' })], 1);
    sut.markRead(sut.notifications()[0]);
    http
      .expectOne(`${NOTIFICATIONS_URL}/n-1/read`)
      .flush(
        { statusCode: 404, error: 'not_found', message: 'No such notification' },
        { status: 404, statusText: 'Not Found' },
      );
    expect(sut.error()).toBe('No such notification');
    flushList([], 0);
    expect(sut.notifications()).toEqual([]);
  });

  it('marks all read', () => {
    sut.start();
    flushList([notificationFixture({ id: 'n-1' }), notificationFixture({ id: 'n-2' })], 5);
    sut.markAllRead();
    expect(sut.unread()).toBe(0);
    expect(sut.notifications().every((n) => n.read_at)).toBe(true);
    const req = http.expectOne(`${NOTIFICATIONS_URL}/read-all`);
    expect(req.request.method).toBe('POST');
    req.flush({ updated: 5 });
    expect(sut.unread()).toBe(0);
  });

  it('does not let a load that answers during a read undo it', () => {
    sut.start();
    flushList([notificationFixture({ id: 'n-1' })], 1);
    sut.refresh();
    sut.markRead(sut.notifications()[0]);
    // The load was answered before the read reached the API: it is dropped ...
    flushList([notificationFixture({ id: 'n-1' })], 1);
    expect(sut.unread()).toBe(0);
    // ... and done again once the read is confirmed.
    http
      .expectOne(`${NOTIFICATIONS_URL}/n-1/read`)
      .flush(notificationFixture({ id: 'n-1', read_at: '2026-01-01T00:00:00.000Z' }));
    flushList([notificationFixture({ id: 'n-1', read_at: '2026-01-01T00:00:00.000Z' })], 0);
    expect(sut.unread()).toBe(0);
    expect(sut.notifications()[0].read_at).toBe('2026-01-01T00:00:00.000Z');
  });

  it('shows a load failure and forgets everything on stop', () => {
    sut.start();
    list().flush(null, { status: 500, statusText: 'Server Error' });
    expect(sut.error()).toBe('Notifications could not be loaded.');
    expect(sut.loaded()).toBe(true);
    sut.refresh();
    flushList([notificationFixture()], 1);
    expect(sut.error()).toBeNull();
    sut.stop();
    expect(sut.notifications()).toEqual([]);
    expect(sut.unread()).toBe(0);
    live.notificationCreated(notificationFixture({ id: 'n-3' }));
    http.expectNone(NOTIFICATIONS_URL);
  });
});
