import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { TOPIC_ALERTS_STORAGE_PREFIX } from '../../core/topic-alerts/topic-alerts.service';
import { scoreBreakdownFixture, ticketFixture, ticketListFixture } from '../../testing/fixtures';
import { FakeLiveEvents, provideFakeLiveEvents } from '../../testing/live-events.fake';
import { InboxPage, LIVE_REFRESH_DEBOUNCE_MS } from './inbox.page';

const ALERTS_URL = '/api/agents/me/topic-alerts';

describe('InboxPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<InboxPage>;
  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);
  const one = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const inOverlay = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  function setup(savedAlerts: string[] = []) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [InboxPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeLiveEvents(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxPage);
    fixture.detectChanges();
    http.expectOne(ALERTS_URL).flush({ topic_alerts: savedAlerts });
  }

  afterEach(() => http.verify());

  function expectListRequest() {
    return http.expectOne((req) => req.url === '/api/tickets');
  }

  function key(k: string, target: EventTarget = document) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  }

  const selected = () =>
    Array.from(byTestId('ticket-row'))
      .filter((r) => r.getAttribute('aria-selected') === 'true')
      .map((r) => r.dataset['ticketId']);

  describe('list', () => {
    beforeEach(() => setup());

    it('shows a loading state, then asks for open tickets, first page', () => {
      expect(byTestId('inbox-loading')).toHaveLength(1);
      const req = expectListRequest();
      expect(req.request.params.get('status')).toBe('open');
      expect(req.request.params.get('page')).toBe('1');
      expect(req.request.params.get('limit')).toBe('50');
      expect(req.request.params.has('channel')).toBe(false);
      expect(req.request.params.has('topic_alerts')).toBe(false);
      req.flush(ticketListFixture([]));
    });

    it('renders one row per ticket, in the order received (never re-sorted)', async () => {
      expectListRequest().flush(
        ticketListFixture(
          [
            ticketFixture({
              id: 'a',
              subject: 'Refund not received',
              matches_topic_alert: true,
              is_vip: true,
              smart_score: 12,
              customer_churn_risk: 0.82,
            }),
            ticketFixture({
              id: 'b',
              subject: 'Change my address',
              channel: 'chat',
              detected_intent: null,
              customer_name: null,
              smart_score: 40,
              customer_churn_risk: 0.1,
            }),
          ],
          { topic_alerts_active: ['refund'], matches: 1 },
        ),
      );
      await fixture.whenStable();

      const rows = byTestId('ticket-row');
      expect(rows).toHaveLength(2);
      expect(Array.from(byTestId('ticket-subject')).map((s) => s.textContent?.trim())).toEqual([
        'Refund not received',
        'Change my address',
      ]);
      expect(rows[0].querySelector('[data-testid="ticket-link"]')?.getAttribute('href')).toBe(
        '/tickets/a',
      );
      expect(rows[0].querySelector('[data-testid="ticket-topic-alert"]')?.textContent).toContain(
        '⚡',
      );
      expect(rows[1].querySelector('[data-testid="ticket-topic-alert"]')).toBeNull();
      expect(rows[0].querySelector('[data-testid="ticket-intent"]')?.textContent).toContain(
        'Order status',
      );
      expect(rows[1].querySelector('[data-testid="ticket-intent"]')).toBeNull();
      expect(rows[0].querySelector('[data-testid="ticket-sentiment"]')?.textContent).toContain(
        'Negative',
      );
      expect(rows[0].querySelector('[data-testid="ticket-customer"]')?.textContent).toContain(
        'Grace Hopper',
      );
      expect(rows[1].querySelector('[data-testid="ticket-customer"]')?.textContent).toContain(
        'Unknown customer',
      );
      expect(rows[0].querySelector('[data-testid="ticket-channel"]')?.textContent?.trim()).toBe(
        'mail',
      );
      expect(rows[1].querySelector('[data-testid="ticket-channel"]')?.textContent?.trim()).toBe(
        'forum',
      );
      expect(rows[0].querySelector('[data-testid="ticket-score"]')?.textContent?.trim()).toBe('12');
      expect(rows[0].querySelector('[data-testid="score-chip"]')).not.toBeNull();
      expect(rows[0].querySelector('[data-testid="ticket-priority"]')?.textContent).toContain(
        'High',
      );
      expect(rows[0].querySelector('[data-testid="ticket-status"]')?.textContent).toContain('Open');
      expect(rows[0].querySelector('time')?.textContent).toContain('2 hr. ago');
      expect(rows[0].querySelector('[data-testid="vip-badge"]')?.textContent).toContain('VIP');
      expect(rows[1].querySelector('[data-testid="vip-badge"]')).toBeNull();
      expect(rows[0].querySelector('[data-testid="churn-badge"]')?.textContent).toContain(
        'High churn risk',
      );
      expect(rows[1].querySelector('[data-testid="churn-badge"]')).toBeNull();
      expect(one('topic-matches')?.textContent).toContain('1 match');
      expect(byTestId('inbox-empty')).toHaveLength(0);
      expect(byTestId('inbox-error')).toHaveLength(0);
      expect(el().querySelector('mat-paginator')).not.toBeNull();
      expect(el().querySelector('[data-testid="sort"], mat-sort-header')).toBeNull();
    });

    it('shows SLA countdowns that warn, alarm and pause', async () => {
      const now = Date.now();
      expectListRequest().flush(
        ticketListFixture([
          ticketFixture({
            id: 'warn',
            sla: {
              status: 'warning',
              first_response_deadline: new Date(now + 10.5 * 60_000).toISOString(),
              resolution_deadline: new Date(now + 5.5 * 3600_000).toISOString(),
              is_paused: false,
            },
          }),
          ticketFixture({
            id: 'late',
            sla: {
              status: 'breached',
              first_response_deadline: null,
              resolution_deadline: new Date(now - 15.5 * 60_000).toISOString(),
              is_paused: false,
            },
          }),
          ticketFixture({
            id: 'paused',
            sla: {
              status: 'paused',
              first_response_deadline: new Date(now + 3600_000).toISOString(),
              resolution_deadline: new Date(now + 7200_000).toISOString(),
              is_paused: true,
            },
          }),
        ]),
      );
      await fixture.whenStable();
      const [warn, late, paused] = Array.from(byTestId('ticket-row'));
      const chips = (row: Element) =>
        Array.from(row.querySelectorAll<HTMLElement>('[data-testid="sla-chip"]'));

      const [first, resolution] = chips(warn);
      expect(first.dataset['clock']).toBe('first_response');
      expect(first.dataset['tone']).toBe('warn');
      expect(first.textContent).toContain('First reply');
      expect(first.textContent).toContain('10m');
      expect(resolution.dataset['tone']).toBe('ok');
      expect(resolution.textContent).toContain('5h 30m');

      expect(chips(late)).toHaveLength(1);
      expect(chips(late)[0].dataset['tone']).toBe('danger');
      expect(chips(late)[0].textContent).toContain('overdue 15m');

      expect(chips(paused)).toHaveLength(1);
      expect(chips(paused)[0].dataset['tone']).toBe('paused');
      expect(chips(paused)[0].textContent).toContain('paused');
    });

    it('shows the empty state when there are no tickets', async () => {
      expectListRequest().flush(ticketListFixture([]));
      await fixture.whenStable();
      expect(byTestId('inbox-empty')).toHaveLength(1);
      expect(byTestId('ticket-row')).toHaveLength(0);
      expect(byTestId('inbox-error')).toHaveLength(0);
    });

    it('shows the API error message and retries on demand', async () => {
      expectListRequest().flush(
        {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'Database unavailable',
          request_id: 'req-9',
        },
        { status: 500, statusText: 'Internal Server Error' },
      );
      await fixture.whenStable();

      const error = byTestId('inbox-error');
      expect(error).toHaveLength(1);
      expect(error[0].textContent).toContain('Database unavailable');
      expect(error[0].textContent).toContain('req-9');
      expect(byTestId('ticket-row')).toHaveLength(0);

      error[0].querySelector('button')?.click();
      expectListRequest().flush(ticketListFixture([ticketFixture()]));
      await fixture.whenStable();
      expect(byTestId('inbox-error')).toHaveLength(0);
      expect(byTestId('ticket-row')).toHaveLength(1);
    });

    it('shows a network failure as an error too', async () => {
      expectListRequest().error(new ProgressEvent('error'), { status: 0 });
      await fixture.whenStable();
      expect(byTestId('inbox-error')[0]?.textContent).toContain('Cannot reach the server');
    });

    it('keeps the list when a refresh fails, with a way to retry', async () => {
      expectListRequest().flush(ticketListFixture([ticketFixture()]));
      await fixture.whenStable();
      one('inbox-refresh')?.click();
      expectListRequest().error(new ProgressEvent('error'), { status: 0 });
      await fixture.whenStable();
      expect(byTestId('ticket-row')).toHaveLength(1);
      expect(byTestId('inbox-error')).toHaveLength(0);
      expect(one('inbox-refresh-error')?.textContent).toContain('Cannot reach the server');
    });
  });

  describe('score breakdown popover', () => {
    beforeEach(async () => {
      setup(['refund']);
      // The saved alert differs from the (empty) browser copy: the list is asked for again.
      const requests = http.match((req) => req.url === '/api/tickets');
      expect(requests.at(-1)?.request.params.get('topic_alerts')).toBe('refund');
      requests
        .filter((r) => !r.cancelled)
        .forEach((r) =>
          r.flush(ticketListFixture([ticketFixture({ id: 'a' }), ticketFixture({ id: 'b' })])),
        );
      await fixture.whenStable();
    });

    it('shows every component with its label and weight, for the active alerts', async () => {
      byTestId('score-chip')[0].click();
      await fixture.whenStable();
      expect(inOverlay('score-breakdown-loading')).not.toBeNull();

      const req = http.expectOne('/api/tickets/a/score-breakdown?topic_alerts=refund');
      req.flush(
        scoreBreakdownFixture({
          components: { ...scoreBreakdownFixture().components, topic_alert: 5 },
        }),
      );
      await fixture.whenStable();

      const popover = inOverlay('score-breakdown');
      expect(popover).not.toBeNull();
      expect(byTestId('score-chip')[0].getAttribute('aria-expanded')).toBe('true');
      expect(inOverlay('breakdown-total')?.textContent).toContain('16.6');
      const components = [
        ['churn_risk', 'Churn risk', '+2.4', '3 × churn risk'],
        ['customer_value', 'Customer value', '+7.0', '2 × lifetime value'],
        ['urgency', 'Priority', '+6.0', '1.5 × priority points'],
        ['age', 'Waiting time', '+0.7', 'hours waiting'],
        ['sla', 'SLA risk', '0.0', 'SLA deadline'],
        ['sentiment', 'Frustrated customer', '+2.0', 'frustrated'],
        ['difficulty', 'Difficulty', '−1.5', 'easy wins'],
        ['topic_alert', 'Topic alert', '+5.0', '+5 on a topic-alert match'],
      ];
      for (const [id, label, points, weight] of components) {
        const row = inOverlay(`breakdown-${id}`);
        expect(row?.textContent).toContain(label);
        expect(row?.textContent).toContain(points);
        expect(row?.textContent).toContain(weight);
      }
      expect(popover?.textContent).toContain('$3,500');
      expect(popover?.textContent).toContain('80%');
    });

    it('closes on a second click and on Escape, and reports a failure', async () => {
      const chip = byTestId('score-chip')[1];
      chip.click();
      http
        .expectOne('/api/tickets/b/score-breakdown?topic_alerts=refund')
        .flush(
          { statusCode: 500, error: 'internal_error', message: 'Scoring is down' },
          { status: 500, statusText: 'Error' },
        );
      await fixture.whenStable();
      expect(inOverlay('score-breakdown-error')?.textContent).toContain('Scoring is down');

      chip.click();
      await fixture.whenStable();
      expect(inOverlay('score-breakdown')).toBeNull();

      chip.click();
      http
        .expectOne('/api/tickets/b/score-breakdown?topic_alerts=refund')
        .flush(scoreBreakdownFixture());
      await fixture.whenStable();
      expect(inOverlay('score-breakdown')).not.toBeNull();
      key('Escape', document.body);
      await fixture.whenStable();
      expect(inOverlay('score-breakdown')).toBeNull();
    });
  });

  describe('keyboard', () => {
    let navigate: jest.SpyInstance;

    beforeEach(async () => {
      setup();
      navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      expectListRequest().flush(
        ticketListFixture([
          ticketFixture({ id: 'a' }),
          ticketFixture({ id: 'b' }),
          ticketFixture({ id: 'c' }),
        ]),
      );
      await fixture.whenStable();
    });

    it('selects the top ticket, moves with j / k within bounds, and opens with Enter', async () => {
      expect(selected()).toEqual(['a']);
      key('j');
      await fixture.whenStable();
      expect(selected()).toEqual(['b']);
      key('j');
      key('j');
      await fixture.whenStable();
      expect(selected()).toEqual(['c']);
      key('k');
      await fixture.whenStable();
      expect(selected()).toEqual(['b']);

      key('Enter');
      expect(navigate).toHaveBeenCalledWith(['/tickets', 'b']);
    });

    it('leaves the keys alone while typing in a field', async () => {
      const input = one('topic-alerts-input') as HTMLInputElement;
      key('j', input);
      key('Enter', input);
      await fixture.whenStable();
      expect(selected()).toEqual(['a']);
      expect(navigate).not.toHaveBeenCalled();
    });

    it('keeps the selection on the same ticket when the list refreshes', async () => {
      key('j');
      key('j');
      one('inbox-refresh')?.click();
      expectListRequest().flush(
        ticketListFixture([
          ticketFixture({ id: 'c' }),
          ticketFixture({ id: 'a' }),
          ticketFixture({ id: 'b' }),
        ]),
      );
      await fixture.whenStable();
      expect(selected()).toEqual(['c']);
    });
  });

  describe('topic alerts', () => {
    function typeAlert(text: string) {
      const input = one('topic-alerts-input') as HTMLInputElement;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }),
      );
    }

    it('adds comma-separated alerts with Enter, saves them for the agent and re-asks', async () => {
      setup();
      expectListRequest().flush(ticketListFixture([ticketFixture()]));
      await fixture.whenStable();

      typeAlert('refund, chargeback ,refund');
      const save = http.expectOne(ALERTS_URL);
      expect(save.request.method).toBe('PATCH');
      expect(save.request.body).toEqual({ topic_alerts: ['refund', 'chargeback'] });
      const list = expectListRequest();
      expect(list.request.params.get('topic_alerts')).toBe('refund,chargeback');
      save.flush({ topic_alerts: ['refund', 'chargeback'] });
      list.flush(
        ticketListFixture([ticketFixture({ matches_topic_alert: true })], {
          topic_alerts_active: ['refund', 'chargeback'],
          matches: 3,
        }),
      );
      await fixture.whenStable();

      expect(Array.from(byTestId('topic-alert-chip')).map((c) => c.textContent?.trim())).toEqual([
        expect.stringContaining('refund'),
        expect.stringContaining('chargeback'),
      ]);
      expect(one('topic-matches')?.textContent).toContain('3 matches');
    });

    it('refuses alerts over 100 characters and keeps the text to shorten it', async () => {
      setup();
      expectListRequest().flush(ticketListFixture([]));
      await fixture.whenStable();

      typeAlert('x'.repeat(101));
      await fixture.whenStable();
      http.expectNone(ALERTS_URL);
      expect(one('topic-alerts-hint')?.textContent).toContain('at most 100 characters');
      expect((one('topic-alerts-input') as HTMLInputElement).value).toHaveLength(101);
      expect(byTestId('topic-alert-chip')).toHaveLength(0);
    });

    it('stops at 20 alerts', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `term ${i + 1}`);
      setup(twenty);
      http
        .match((req) => req.url === '/api/tickets')
        .filter((r) => !r.cancelled)
        .forEach((r) => r.flush(ticketListFixture([])));
      await fixture.whenStable();

      expect(byTestId('topic-alert-chip')).toHaveLength(20);
      expect((one('topic-alerts-input') as HTMLInputElement).disabled).toBe(true);
      expect(one('topic-alerts-hint')?.textContent).toContain('20/20');
    });

    it('keeps the alerts in this browser, per agent, where the API has no place for them', async () => {
      localStorage.clear();
      TestBed.configureTestingModule({
        imports: [InboxPage],
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          provideRouter([]),
          provideFakeLiveEvents(),
        ],
      });
      http = TestBed.inject(HttpTestingController);
      fixture = TestBed.createComponent(InboxPage);
      fixture.detectChanges();
      http
        .expectOne(ALERTS_URL)
        .flush(
          { statusCode: 404, error: 'not_found', message: 'Cannot GET' },
          { status: 404, statusText: 'Not Found' },
        );
      expectListRequest().flush(ticketListFixture([]));
      await fixture.whenStable();

      typeAlert('fraud');
      http.expectNone(ALERTS_URL);
      expectListRequest().flush(ticketListFixture([]));
      expect(
        JSON.parse(localStorage.getItem(`${TOPIC_ALERTS_STORAGE_PREFIX}anonymous`) ?? '[]'),
      ).toEqual(['fraud']);
    });
  });

  describe('live updates', () => {
    afterEach(() => jest.useRealTimers());

    it('refreshes once after a burst of ticket events', async () => {
      setup();
      expectListRequest().flush(ticketListFixture([ticketFixture({ id: 'a' })]));
      await fixture.whenStable();

      jest.useFakeTimers();
      const live = TestBed.inject(FakeLiveEvents);
      live.ticketEvent('ticket.created', 'x');
      live.ticketEvent('message.created', 'a');
      live.emit({ type: 'presence', ticketId: 'a', agents: [] });
      jest.advanceTimersByTime(LIVE_REFRESH_DEBOUNCE_MS / 2);
      live.ticketEvent('ticket.updated', 'a');
      http.expectNone((req) => req.url === '/api/tickets');
      jest.advanceTimersByTime(LIVE_REFRESH_DEBOUNCE_MS);
      // Lets the change detection the refresh scheduled run before going back to real time.
      jest.advanceTimersByTime(50);
      jest.useRealTimers();

      expectListRequest().flush(
        ticketListFixture([ticketFixture({ id: 'x' }), ticketFixture({ id: 'a' })]),
      );
      await fixture.whenStable();
      expect(byTestId('ticket-row')).toHaveLength(2);
    });
  });
});
