import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService } from '../../core/auth/auth.service';
import {
  agentFixture,
  draftFixture,
  historyFixture,
  intelligenceFixture,
  loginResponseFixture,
  recommendationFixture,
  ticketDetailFixture,
} from '../../testing/fixtures';
import { provideFakeLiveEvents } from '../../testing/live-events.fake';
import { TicketPage } from './ticket.page';

const DRAFT = '/api/ai/tickets/t-1/draft-response';
const REGENERATE = '/api/ai/tickets/t-1/regenerate-draft';
const RECOMMENDATION = '/api/ai/tickets/t-1/recommendation';
const INTELLIGENCE = '/api/ai/customers/c-1/intelligence';
const PRESENCE = '/api/tickets/t-1/presence';
const AI_AGENT = ['self', 'tickets:read-own', 'tickets:work', 'tickets:claim', 'ai:use'];

describe('TicketPage AI', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TicketPage>;
  const el = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) =>
    Array.from(el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const composer = () => one('composer-input') as HTMLTextAreaElement;
  const draftRequest = () => http.expectOne((r) => r.url === DRAFT);

  function flushPresence() {
    http.match(PRESENCE).forEach((r) => r.flush({ ticket_id: 't-1', agents: [] }));
  }

  /** Opens the ticket; the AI requests are left pending for the test. */
  function open(permissions = AI_AGENT) {
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
    http.expectOne('/api/tickets/t-1').flush(ticketDetailFixture());
    http.expectOne('/api/tickets/t-1/history').flush(historyFixture());
    flushPresence();
    fixture.detectChanges();
  }

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    fixture?.destroy();
    flushPresence();
    http.verify();
  });

  it('puts the draft into the composer, with personalization chips', async () => {
    open();
    expect(one('draft-status')?.dataset['state']).toBe('loading');
    const req = draftRequest();
    expect(req.request.params.get('tone')).toBe('professional');
    expect(req.request.params.get('length')).toBe('medium');
    req.flush(draftFixture());
    http.expectOne(RECOMMENDATION).flush(recommendationFixture());
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();

    expect(composer().value).toContain('Your order #1234 left our warehouse today.');
    expect(one('draft-status')?.dataset['state']).toBe('ready');
    expect(all('personalization-chip').map((c) => c.textContent?.trim())).toEqual([
      'Used name',
      'Referenced order',
    ]);
    expect(one('draft-fallback')).toBeNull();
    expect(one('draft-tone')).not.toBeNull();
    expect(one('draft-length')).not.toBeNull();
  });

  it('keeps what the agent typed and offers the draft instead', async () => {
    open();
    composer().value = 'My own words';
    composer().dispatchEvent(new Event('input'));
    fixture.detectChanges();
    flushPresence();
    draftRequest().flush(draftFixture());
    http.expectOne(RECOMMENDATION).flush(recommendationFixture());
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();

    expect(composer().value).toBe('My own words');
    expect(one('draft-status')?.dataset['state']).toBe('held');
    one('draft-apply')?.click();
    await settle();
    expect(composer().value).toContain('left our warehouse');
  });

  it('regenerates with the chosen options and flags a fallback draft', async () => {
    open();
    draftRequest().flush(draftFixture());
    http.expectOne(RECOMMENDATION).flush(recommendationFixture());
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();

    one('draft-regenerate')?.click();
    const req = http.expectOne(REGENERATE);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ tone: 'professional', length: 'medium' });
    req.flush(draftFixture({ draft_content: 'Hi Grace, we are looking into it.', fallback: true }));
    await settle();
    // The composer still held the previous draft (untouched), so the new one replaces it.
    expect(composer().value).toBe('Hi Grace, we are looking into it.');
    expect(one('draft-fallback')).not.toBeNull();
  });

  it('reports a draft failure without blocking the composer', async () => {
    open();
    draftRequest().flush(
      { statusCode: 502, error: 'upstream_error', message: 'The AI service failed' },
      { status: 502, statusText: 'Bad Gateway' },
    );
    http.expectOne(RECOMMENDATION).flush(recommendationFixture());
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();
    expect(one('draft-status')?.dataset['state']).toBe('error');
    expect(one('draft-status')?.textContent).toContain('The AI service failed');
    expect(composer().value).toBe('');
  });

  it('shows recommendations by priority, with warnings', async () => {
    open();
    draftRequest().flush(draftFixture());
    http.expectOne(RECOMMENDATION).flush(recommendationFixture());
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();
    const actions = all('recommendation-action');
    expect(actions[0].textContent).toContain('Share tracking');
    expect(actions[1].textContent).toContain('Offer discount');
    expect(all('recommendation-warning')[0].textContent).toContain('Churn risk is high');
    expect(all('talking-point')).toHaveLength(1);
  });

  it('extends the customer panel with intelligence and orders', async () => {
    open();
    draftRequest().flush(draftFixture());
    http.expectOne(RECOMMENDATION).flush(recommendationFixture({ actions: [], warnings: [] }));
    expect(one('intelligence-loading')).not.toBeNull();
    http.expectOne(INTELLIGENCE).flush(intelligenceFixture());
    await settle();
    expect(one('churn-gauge')?.getAttribute('aria-valuenow')).toBe('72');
    expect(one('churn-gauge')?.dataset['level']).toBe('high');
    expect(one('archetype')?.textContent).toContain('Loyal high-value');
    expect(one('intel-ltv')?.textContent).toContain('$4,200');
    expect(all('guidance')).toHaveLength(2);
    const order = all('recent-order')[0];
    expect(order.textContent).toContain('#1234');
    expect(order.textContent).toContain('1Z999');
    expect(order.textContent).toContain('Out for delivery');
  });

  it('asks for nothing AI without ai:use', async () => {
    open(['self', 'tickets:read-own', 'tickets:work']);
    await settle();
    expect(one('ai-draft')).toBeNull();
    expect(one('recommendation')).toBeNull();
    http.expectNone((r) => r.url.startsWith('/api/ai/'));
  });
});
