import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';

import { AuthService } from '../../core/auth/auth.service';
import type { TicketDetail } from '../../core/tickets/ticket-detail';
import {
  agentFixture,
  historyFixture,
  loginResponseFixture,
  messageFixture,
  slaSummaryFixture,
  ticketDetailFixture,
} from '../../testing/fixtures';
import { FakeLiveEvents, provideFakeLiveEvents } from '../../testing/live-events.fake';
import { TicketHeader } from './ticket-header/ticket-header';
import { CONFLICT_MESSAGE, TicketPage } from './ticket.page';

const DETAIL = '/api/tickets/t-1';
const HISTORY = '/api/tickets/t-1/history';
const PRESENCE = '/api/tickets/t-1/presence';

describe('TicketPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TicketPage>;
  /** The presence calls made while the ticket opened. */
  let opened: TestRequest[];
  const el = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) =>
    Array.from(el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function render(
    detail: TicketDetail = ticketDetailFixture(),
    permissions = ['self', 'tickets:read-own', 'tickets:work', 'tickets:claim'],
  ) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TicketPage],
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
      .flush(loginResponseFixture({ agent: agentFixture({ permissions }) }));
    fixture = TestBed.createComponent(TicketPage);
    fixture.componentRef.setInput('id', 't-1');
    fixture.detectChanges();
    expect(one('ticket-loading')).not.toBeNull();
    http.expectOne(DETAIL).flush(detail);
    http.expectOne(HISTORY).flush(historyFixture());
    opened = flushPresence();
    await fixture.whenStable();
  }

  /** Presence calls go out on open, on typing and on close; answer them all. */
  function flushPresence(agents: unknown[] = []): TestRequest[] {
    const requests = http.match(PRESENCE);
    requests.forEach((r) => r.flush({ ticket_id: 't-1', agents }));
    return requests;
  }

  function header(): TicketHeader {
    return fixture.debugElement.query(By.directive(TicketHeader)).componentInstance as TicketHeader;
  }

  function type(text: string) {
    const input = one('composer-input') as HTMLTextAreaElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => {
    fixture?.destroy();
    flushPresence();
    http.verify();
  });

  it('renders the header, customer, SLA and history of the ticket', async () => {
    await render();
    expect(one('ticket-number')?.textContent).toContain('#1001');
    expect(one('ticket-subject')?.textContent).toContain('Where is my order?');
    expect(one('assignee')?.textContent).toContain('Unassigned');
    expect(one('claim')?.textContent).toContain('Take it');
    expect(one('customer-name')?.textContent).toContain('Grace Hopper');
    expect(one('customer-ltv')?.textContent).toContain('$3,500');
    expect(one('customer-churn')?.textContent).toContain('80%');
    expect(one('customer-orders')?.textContent).toContain('12');
    expect(one('customer-panel')?.querySelector('[data-testid="vip-badge"]')).not.toBeNull();
    const clocks = all('sla-chip');
    expect(clocks.map((c) => c.dataset['clock'])).toEqual(['first_response', 'resolution']);
    expect(clocks[0].dataset['tone']).toBe('ok');
    expect(clocks[0].textContent).toMatch(/29m|30m/);
    expect(one('sla-pause')).not.toBeNull();
    expect(all('history-entry')[0]?.textContent).toContain('Created the ticket');
    expect(document.title).toContain('#1001');
  });

  it('styles customer messages, replies and notes apart and never renders HTML', async () => {
    await render(
      ticketDetailFixture({
        messages: [
          messageFixture({ id: 'm-1', content: '<b>Hi</b><img src="x" onerror="alert(1)">' }),
          messageFixture({
            id: 'm-2',
            from_agent: true,
            author_agent_id: 'agent-1',
            from_name: 'Ada Lovelace',
            content: 'It ships today.',
          }),
          messageFixture({
            id: 'm-3',
            from_agent: true,
            is_internal: true,
            author_agent_id: 'agent-2',
            from_name: 'Alan Turing',
            content: 'Check the warehouse first.',
          }),
        ],
      }),
    );
    const messages = all('message');
    expect(messages.map((m) => m.dataset['kind'])).toEqual(['customer', 'reply', 'note']);
    expect(messages[2].textContent).toContain('Internal note');
    expect(messages[1].textContent).toContain('Reply');
    const content = messages[0].querySelector('[data-testid="message-content"]');
    expect(content?.textContent).toBe('<b>Hi</b><img src="x" onerror="alert(1)">');
    expect(content?.querySelector('b, img')).toBeNull();
  });

  it('sends a reply, clears the composer and re-reads the ticket', async () => {
    await render();
    const send = one('composer-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);

    type('  Your parcel left our warehouse.  ');
    fixture.detectChanges();
    flushPresence(); // typing
    expect(send.disabled).toBe(false);
    send.click();

    const req = http.expectOne(`${DETAIL}/messages`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      content: 'Your parcel left our warehouse.',
      is_internal: false,
    });
    req.flush(
      messageFixture({
        id: 'm-9',
        from_agent: true,
        author_agent_id: 'agent-1',
        from_name: 'Ada Lovelace',
        content: 'Your parcel left our warehouse.',
      }),
    );
    const messages = ticketDetailFixture().messages;
    http.expectOne(DETAIL).flush(
      ticketDetailFixture({
        ticket: { ...ticketDetailFixture().ticket, version: 4 },
        messages: [
          ...messages,
          messageFixture({
            id: 'm-9',
            from_agent: true,
            content: 'Your parcel left our warehouse.',
          }),
        ],
      }),
    );
    http.expectOne(HISTORY).flush(historyFixture());
    flushPresence();
    await fixture.whenStable();

    expect(all('message').map((m) => m.dataset['kind'])).toEqual(['customer', 'reply']);
    expect((one('composer-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('sends an internal note when the note toggle is on', async () => {
    await render();
    one('composer-note-toggle')?.click();
    await fixture.whenStable();
    expect(one('composer-note-toggle')?.getAttribute('aria-pressed')).toBe('true');
    type('Customer called twice.');
    flushPresence();
    fixture.detectChanges();
    one('composer-send')?.click();

    const req = http.expectOne(`${DETAIL}/messages`);
    expect(req.request.body).toEqual({ content: 'Customer called twice.', is_internal: true });
    req.flush(
      { statusCode: 403, error: 'forbidden', message: 'Not allowed on this ticket' },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(one('composer-error')?.textContent).toContain('Not allowed on this ticket');
    expect((one('composer-input') as HTMLTextAreaElement).value).toBe('Customer called twice.');
  });

  it('shows a banner on a stale edit (409 version_conflict) and reloads on demand', async () => {
    await render();
    header().statusChange.emit('pending');
    const patch = http.expectOne(DETAIL);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 3, status: 'pending' });
    patch.flush(
      {
        statusCode: 409,
        error: 'version_conflict',
        message: 'This ticket changed since version 3; it is now at version 5',
        details: {
          current: { ...ticketDetailFixture().ticket, version: 5, status: 'in_progress' },
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(one('conflict-banner')?.textContent).toContain(CONFLICT_MESSAGE);
    one('conflict-reload')?.click();
    http.expectOne(DETAIL).flush(
      ticketDetailFixture({
        ticket: { ...ticketDetailFixture().ticket, version: 5, status: 'in_progress' },
      }),
    );
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('conflict-banner')).toBeNull();

    header().statusChange.emit('pending');
    const retry = http.expectOne(DETAIL);
    expect(retry.request.body).toEqual({ version: 5, status: 'pending' });
    retry.flush(
      ticketDetailFixture({
        ticket: { ...ticketDetailFixture().ticket, version: 6, status: 'pending' },
      }),
    );
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('conflict-banner')).toBeNull();
  });

  it('shows the allowed statuses when a transition is refused', async () => {
    await render(
      ticketDetailFixture({ ticket: { ...ticketDetailFixture().ticket, status: 'closed' } }),
    );
    header().statusChange.emit('pending');
    http.expectOne(DETAIL).flush(
      {
        statusCode: 409,
        error: 'invalid_transition',
        message: 'A closed ticket cannot become pending; allowed: open',
        details: { from: 'closed', to: 'pending', allowed: ['open'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(one('transition-error')?.textContent).toContain('cannot become pending');
    const allowed = one('allowed-status-open') as HTMLButtonElement;
    expect(allowed.textContent).toContain('Open');

    allowed.click();
    const req = http.expectOne(DETAIL);
    expect(req.request.body).toEqual({ version: 3, status: 'open' });
    req.flush(ticketDetailFixture());
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('transition-error')).toBeNull();
  });

  it('pauses and resumes the SLA clocks', async () => {
    await render();
    one('sla-pause')?.click();
    http
      .expectOne(`${DETAIL}/sla/pause`)
      .flush(slaSummaryFixture({ is_paused: true, paused_at: new Date().toISOString() }));
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('sla-paused')).not.toBeNull();
    expect(all('sla-chip').map((c) => c.dataset['tone'])).toEqual(['paused', 'paused']);

    one('sla-resume')?.click();
    http.expectOne(`${DETAIL}/sla/resume`).flush(slaSummaryFixture());
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('sla-pause')).not.toBeNull();
  });

  it('takes an unassigned ticket with "Take it"', async () => {
    await render();
    one('claim')?.click();
    http.expectOne(`${DETAIL}/claim`).flush({
      ticket_id: 't-1',
      ticket_number: 1001,
      assigned_agent_id: 'agent-1',
      version: 4,
      updated_at: new Date().toISOString(),
      forced: false,
    });
    http.expectOne(DETAIL).flush(
      ticketDetailFixture({
        ticket: { ...ticketDetailFixture().ticket, version: 4, assigned_agent_id: 'agent-1' },
        assignment: { agent_id: 'agent-1', agent_name: 'Ada Lovelace', agent_status: 'online' },
      }),
    );
    http.expectOne(HISTORY).flush(historyFixture());
    await fixture.whenStable();
    expect(one('assignee')?.textContent).toContain('You');
    expect(one('claim')).toBeNull();
  });

  it('shows who else is viewing or typing, from the live stream', async () => {
    await render();
    expect(one('presence')).toBeNull();
    TestBed.inject(FakeLiveEvents).emit({
      type: 'presence',
      ticketId: 't-1',
      agents: [
        { id: 'agent-1', name: 'Ada Lovelace', state: 'viewing' },
        { id: 'agent-2', name: 'Alan Turing', state: 'typing' },
      ],
    });
    await fixture.whenStable();
    const avatars = all('presence-agent');
    expect(avatars).toHaveLength(1);
    expect(avatars[0].dataset['state']).toBe('typing');
    expect(one('presence')?.textContent).toContain('Alan Turing is typing');
  });

  it('announces viewing on open and leaving on close', async () => {
    await render();
    expect(opened.map((r) => [r.request.method, r.request.body])).toEqual([
      ['GET', null],
      ['POST', { state: 'viewing' }],
    ]);
    fixture.destroy();
    const left = http.match(PRESENCE);
    expect(left.map((r) => r.request.body)).toEqual([{ state: 'left' }]);
    left.forEach((r) => r.flush({ ticket_id: 't-1', agents: [] }));
  });

  it('is read-only for agents who may not work tickets', async () => {
    await render(undefined, ['self', 'tickets:read-own']);
    expect(one('composer-input')).toBeNull();
    expect(one('sla-pause')).toBeNull();
    expect(one('claim')).toBeNull();
  });

  it('explains a ticket that cannot be found', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TicketPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeLiveEvents(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TicketPage);
    fixture.componentRef.setInput('id', 't-1');
    fixture.detectChanges();
    http
      .expectOne(DETAIL)
      .flush(
        { statusCode: 404, error: 'not_found', message: 'Ticket t-1 was not found' },
        { status: 404, statusText: 'Not Found' },
      );
    http
      .expectOne(HISTORY)
      .flush(
        { statusCode: 404, error: 'not_found', message: 'Ticket t-1 was not found' },
        { status: 404, statusText: 'Not Found' },
      );
    flushPresence();
    await fixture.whenStable();
    expect(one('ticket-error')?.textContent).toContain('not visible to you');
  });
});
