import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, UrlTree } from '@angular/router';

import { AuthService, TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import type { AgentNotification } from '../../core/notifications/notification';
import { NOTIFICATIONS_URL } from '../../core/notifications/notifications.service';
import { agentFixture, loginResponseFixture, notificationFixture } from '../../testing/fixtures';
import { FakeLiveEvents, provideFakeLiveEvents } from '../../testing/live-events.fake';
import { Shell } from './shell';

describe('Shell', () => {
  let http: HttpTestingController;

  function flushNotifications(notifications: AgentNotification[] = [], unread = 0) {
    http
      .expectOne((r) => r.method === 'GET' && r.url === NOTIFICATIONS_URL)
      .flush({ notifications, unread });
  }

  async function render(
    permissions: string[],
    notifications: AgentNotification[] = [],
    unread = 0,
  ) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeLiveEvents(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'ada@example.com', password: 'x' }).subscribe();
    http
      .expectOne('/api/agents/login')
      .flush(loginResponseFixture({ agent: agentFixture({ role: 'senior_agent', permissions }) }));
    const fixture = TestBed.createComponent(Shell);
    flushNotifications(notifications, unread);
    await fixture.whenStable();
    return fixture;
  }

  const inShell = (fixture: { nativeElement: unknown }, id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const inMenu = (id: string) =>
    Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));

  /** Opens the bell's menu, which reads the notifications again. */
  async function openBell(
    fixture: Awaited<ReturnType<typeof render>>,
    notifications: AgentNotification[],
    unread: number,
  ) {
    inShell(fixture, 'notifications-button')?.click();
    flushNotifications(notifications, unread);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the agent name and role and the nav items their permissions allow', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="agent-name"]')?.textContent).toContain('Ada Lovelace');
    expect(el.querySelector('[data-testid="agent-role"]')?.textContent).toContain('Senior agent');
    expect(el.querySelector('[data-testid="nav-inbox"]')?.getAttribute('href')).toBe('/inbox');
  });

  it('hides what the agent cannot use', async () => {
    const fixture = await render(['self']);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="nav-inbox"]')).toBeNull();
  });

  it('logout clears the token and goes to /login', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('[data-testid="user-menu"]')
      ?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    http.expectOne('/api/agents/logout').flush(null, { status: 204, statusText: 'No Content' });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('changes the status from the menu', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('[data-testid="user-menu"]')
      ?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="status-busy"]')?.click();
    const req = http.expectOne('/api/agents/me/status');
    expect(req.request.body).toEqual({ status: 'busy' });
    req.flush(agentFixture({ status: 'busy' }));
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="agent-status"]')
        ?.textContent,
    ).toContain('Busy');
  });

  it('shows the unread count on the bell and lists the latest notifications', async () => {
    const list = [
      notificationFixture({ id: 'n-1', ticket_id: 't-7', title: 'SLA breached: #1007' }),
      notificationFixture({ id: 'n-2', title: 'Older', read_at: '2026-01-01T00:00:00.000Z' }),
    ];
    const fixture = await render(['self', 'tickets:read-own'], list, 3);
    const button = inShell(fixture, 'notifications-button');
    expect(button?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(inShell(fixture, 'notifications-badge')?.textContent?.trim()).toBe('3');

    await openBell(fixture, list, 3);
    const items = inMenu('notification-item');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('SLA breached: #1007');
    expect(items[0].textContent).toContain('First response deadline passed');
    const time = items[0].querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(list[0].created_at);
    expect(time?.textContent).toMatch(/ago/);
    expect(items[0].getAttribute('data-unread')).toBe('true');
    expect(items[0].classList).toContain('unread');
    expect(items[1].getAttribute('data-unread')).toBe('false');
    expect(items[0].getAttribute('href')).toBe('/tickets/t-7');
  });

  it('opens the ticket of a notification and marks it read', async () => {
    const list = [notificationFixture({ id: 'n-1', ticket_id: 't-7' })];
    const fixture = await render(['self', 'tickets:read-own'], list, 1);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await openBell(fixture, list, 1);
    inMenu('notification-item')[0].click();
    const req = http.expectOne(`${NOTIFICATIONS_URL}/n-1/read`);
    expect(req.request.method).toBe('POST');
    expect(String(navigate.mock.calls[0][0] as UrlTree)).toBe('/tickets/t-7');
    req.flush({ ...list[0], read_at: new Date().toISOString() });
    await fixture.whenStable();
    expect(inShell(fixture, 'notifications-button')?.getAttribute('aria-label')).toBe(
      'Notifications',
    );
    expect(inShell(fixture, 'notifications-badge')?.textContent?.trim()).toBe('');
  });

  it('marks all read', async () => {
    const list = [notificationFixture({ id: 'n-1' }), notificationFixture({ id: 'n-2' })];
    const fixture = await render(['self', 'tickets:read-own'], list, 2);
    await openBell(fixture, list, 2);
    inMenu('notifications-mark-all')[0].click();
    http.expectOne(`${NOTIFICATIONS_URL}/read-all`).flush({ updated: 2 });
    await fixture.whenStable();
    expect(inShell(fixture, 'notifications-badge')?.textContent?.trim()).toBe('');
    expect(inShell(fixture, 'notifications-badge')?.classList).toContain('mat-badge-hidden');
  });

  it('says when there are no notifications and shows new ones live', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    expect(inShell(fixture, 'notifications-badge')?.classList).toContain('mat-badge-hidden');
    await openBell(fixture, [], 0);
    expect(inMenu('notifications-empty')[0]?.textContent).toContain('No notifications');
    expect((inMenu('notifications-mark-all')[0] as HTMLButtonElement).disabled).toBe(true);

    const created = notificationFixture({ id: 'n-5' });
    TestBed.inject(FakeLiveEvents).notificationCreated(created);
    flushNotifications([created], 1);
    await fixture.whenStable();
    expect(inShell(fixture, 'notifications-badge')?.textContent?.trim()).toBe('1');
    expect(inShell(fixture, 'notifications-button')?.getAttribute('aria-label')).toBe(
      'Notifications, 1 unread',
    );
  });
});
