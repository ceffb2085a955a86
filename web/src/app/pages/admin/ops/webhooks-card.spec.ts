import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { webhookDeliveryFixture, webhooksOverviewFixture } from '../../../testing/fixtures';
import { lastResult, WebhooksCard } from './webhooks-card';

const URL = '/api/ops/webhooks';

describe('WebhooksCard', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<WebhooksCard>;
  const one = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) =>
    Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
    );
  const row = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      `[data-testid="webhook-row"][data-delivery-id="${id}"]`,
    );
  const load = () => http.expectOne((r) => r.method === 'GET' && r.url === URL);

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [WebhooksCard],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WebhooksCard);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows where deliveries go, their counts and the latest ones', async () => {
    expect(one('webhooks-loading')).not.toBeNull();
    const req = load();
    expect(req.request.params.get('status')).toBeNull();
    expect(req.request.params.get('limit')).toBe('50');
    req.flush(webhooksOverviewFixture());
    await settle();
    expect(one('webhooks-url')?.textContent).toBe('https://hooks.example.com/sla');
    expect(one('webhooks-not-configured')).toBeNull();
    expect(one('webhooks-count-pending')?.textContent).toContain('Pending: 1');
    expect(one('webhooks-count-delivered')?.textContent).toContain('Delivered: 12');
    expect(one('webhooks-count-failed')?.textContent).toContain('Failed: 1');
    expect(all('webhook-row')).toHaveLength(3);

    const failed = row('wd-1');
    expect(failed?.textContent).toContain('sla.breached');
    expect(failed?.querySelector('[data-testid="webhook-status"]')?.textContent).toContain(
      'Failed',
    );
    expect(failed?.querySelector('[data-testid="webhook-attempts"]')?.textContent).toContain('5/5');
    expect(failed?.querySelector('[data-testid="webhook-result"]')?.textContent).toContain(
      'HTTP 502 · Bad gateway',
    );
    expect(failed?.querySelector('[data-testid="webhook-ticket"]')?.getAttribute('href')).toBe(
      '/tickets/t-1',
    );
    expect(row('wd-2')?.querySelector('[data-testid="webhook-result"]')?.textContent).toContain(
      'connect ECONNREFUSED',
    );
    expect(row('wd-3')?.querySelector('[data-testid="webhook-ticket"]')).toBeNull();
    // Only failed deliveries can be retried.
    expect(all('webhook-retry')).toHaveLength(1);
    expect(row('wd-1')?.querySelector('[data-testid="webhook-retry"]')).not.toBeNull();
  });

  it('says how to configure webhooks when they are not', async () => {
    load().flush(
      webhooksOverviewFixture({
        configured: false,
        url: null,
        counts: { pending: 0, delivered: 0, failed: 0 },
        deliveries: [],
      }),
    );
    await settle();
    expect(one('webhooks-not-configured')?.textContent).toContain(
      'Set SLA_WEBHOOK_URL and SLA_WEBHOOK_SECRET to send SLA warnings and breaches to another system.',
    );
    expect(one('webhooks-configured')).toBeNull();
    expect(one('webhooks-empty')?.textContent).toContain('No deliveries yet');
  });

  it('filters the deliveries by status', async () => {
    load().flush(webhooksOverviewFixture());
    await settle();
    one('webhooks-filter-failed')?.querySelector('button')?.click();
    const req = load();
    expect(req.request.params.get('status')).toBe('failed');
    req.flush(webhooksOverviewFixture({ deliveries: [webhookDeliveryFixture()] }));
    await settle();
    expect(all('webhook-row')).toHaveLength(1);

    one('webhooks-filter-delivered')?.querySelector('button')?.click();
    load().flush(webhooksOverviewFixture({ deliveries: [] }));
    await settle();
    expect(one('webhooks-empty')?.textContent).toContain('No delivered deliveries');

    one('webhooks-filter-all')?.querySelector('button')?.click();
    expect(load().request.params.get('status')).toBeNull();
  });

  it('retries a failed delivery and reads the deliveries again', async () => {
    load().flush(webhooksOverviewFixture());
    await settle();
    one('webhook-retry')?.click();
    const req = http.expectOne('/api/ops/webhooks/wd-1/retry');
    expect(req.request.method).toBe('POST');
    req.flush(
      webhookDeliveryFixture({ status: 'pending', next_attempt_at: '2026-01-01T11:00:00.000Z' }),
    );
    await settle();
    expect(one('webhook-retry-result')?.textContent).toContain('queued to be sent again');
    expect(row('wd-1')?.querySelector('[data-testid="webhook-status"]')?.textContent).toContain(
      'Pending',
    );
    expect(all('webhook-retry')).toHaveLength(0);
    load().flush(webhooksOverviewFixture({ counts: { pending: 2, delivered: 12, failed: 0 } }));
    await settle();
    expect(one('webhooks-count-failed')?.textContent).toContain('Failed: 0');
  });

  it('shows why a retry was refused', async () => {
    load().flush(webhooksOverviewFixture());
    await settle();
    one('webhook-retry')?.click();
    http
      .expectOne('/api/ops/webhooks/wd-1/retry')
      .flush(
        { statusCode: 409, error: 'not_failed', message: 'Only failed deliveries can be retried' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(one('webhook-retry-result')?.textContent).toContain(
      'Only failed deliveries can be retried',
    );
    expect(one('webhook-retry-result')?.classList).toContain('failed');
  });

  it('shows a load failure with a retry', async () => {
    load().flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(one('webhooks-error')?.textContent).toContain('could not be loaded');
    one('webhooks-retry-load')?.click();
    load().flush(webhooksOverviewFixture());
    await settle();
    expect(one('webhooks-error')).toBeNull();
    expect(all('webhook-row')).toHaveLength(3);
  });
});

describe('lastResult', () => {
  it.each([
    [{ last_status_code: 502, last_error: 'Bad gateway' }, 'HTTP 502 · Bad gateway'],
    [{ last_status_code: 200, last_error: null }, 'HTTP 200'],
    [{ last_status_code: null, last_error: 'timeout' }, 'timeout'],
    [{ last_status_code: null, last_error: null }, null],
  ])('describes the last result %o', (change, expected) => {
    expect(lastResult(webhookDeliveryFixture(change))).toBe(expected);
  });
});
