import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { ticketFixture, ticketListFixture } from '../../testing/fixtures';
import { InboxPage } from './inbox.page';

describe('InboxPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<InboxPage>;
  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => el().querySelectorAll(`[data-testid="${id}"]`);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InboxPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxPage);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function expectListRequest() {
    return http.expectOne((req) => req.url === '/api/tickets');
  }

  it('shows a loading state, then asks for open tickets, first page', () => {
    expect(byTestId('inbox-loading')).toHaveLength(1);
    const req = expectListRequest();
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('limit')).toBe('50');
    expect(req.request.params.has('channel')).toBe(false);
    req.flush(ticketListFixture([]));
  });

  it('renders one row per ticket, in the order received', async () => {
    expectListRequest().flush(
      ticketListFixture(
        [
          ticketFixture({
            id: 'a',
            subject: 'Refund not received',
            matches_topic_alert: true,
            is_vip: true,
          }),
          ticketFixture({
            id: 'b',
            subject: 'Change my address',
            channel: 'chat',
            detected_intent: null,
            customer_name: null,
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
    expect(rows[0].getAttribute('href')).toBe('/tickets/a');
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
    expect(rows[0].querySelector('[data-testid="ticket-score"]')?.textContent?.trim()).toBe('42.5');
    expect(rows[0].querySelector('[data-testid="ticket-priority"]')?.textContent).toContain('High');
    expect(rows[0].querySelector('[data-testid="ticket-status"]')?.textContent).toContain('Open');
    expect(rows[0].querySelector('time')?.textContent).toContain('2 hr. ago');
    expect(byTestId('inbox-topic-alerts')[0]?.textContent).toContain('refund');
    expect(byTestId('inbox-empty')).toHaveLength(0);
    expect(byTestId('inbox-error')).toHaveLength(0);
    expect(el().querySelector('mat-paginator')).not.toBeNull();
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
});
