import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { webhooksOverviewFixture } from '../../../testing/fixtures';
import type { OpsQueue } from './ops';
import { OpsPage } from './ops.page';

function queue(overrides: Partial<OpsQueue> = {}): OpsQueue {
  return {
    name: 'sla',
    backend: 'in_process',
    counts: { waiting: 1, active: 0, completed: 40, failed: 2, delayed: 0 },
    schedulers: [{ name: 'sla:check', every_ms: 60000, cron: null, next_run_at: null }],
    last_run: null,
    recent_failures: [
      {
        name: 'sla:check',
        id: 'j-1',
        state: 'failed',
        started_at: '2026-01-01T00:00:00.000Z',
        finished_at: '2026-01-01T00:00:01.000Z',
        duration_ms: 1000,
        result: null,
        error: 'database unavailable',
        attempts: 3,
      },
    ],
    ...overrides,
  };
}

describe('OpsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OpsPage>;
  const one = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) =>
    Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
    );

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OpsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OpsPage);
    fixture.detectChanges();
    // The outbound webhooks card loads on its own (see webhooks-card.spec.ts).
    webhooks().flush(webhooksOverviewFixture());
  });

  const webhooks = () => http.expectOne((r) => r.method === 'GET' && r.url === '/api/ops/webhooks');

  afterEach(() => http.verify());

  it('shows each queue with counts, failures and the jobs it can run', async () => {
    expect(one('ops-loading')).not.toBeNull();
    http.expectOne('/api/ops/queues').flush({
      queues: [
        queue(),
        queue({
          name: 'scoring',
          counts: { waiting: 0, active: 0, completed: 3, failed: 0, delayed: 0 },
          recent_failures: [],
        }),
      ],
    });
    await settle();
    const queues = all('ops-queue');
    expect(queues).toHaveLength(2);
    expect(queues[0].querySelector('[data-testid="ops-count-failed"]')?.textContent).toContain('2');
    expect(all('ops-failure')[0].textContent).toContain('database unavailable');
    expect(one('ops-run-sla:check')).not.toBeNull();
    expect(one('ops-run-customers:refresh-figures')).not.toBeNull();
    expect(one('ops-run-teams:auto-assign')).not.toBeNull();
    expect(one('ops-run-ticket:rescore')).toBeNull();
    expect(all('ops-retry')).toHaveLength(1);
  });

  it('runs a job now and shows its result', async () => {
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    one('ops-run-sla:check')?.click();
    const req = http.expectOne('/api/ops/jobs/sla%3Acheck/run');
    expect(req.request.method).toBe('POST');
    req.flush({
      name: 'sla:check',
      id: 'j-2',
      state: 'completed',
      started_at: null,
      finished_at: null,
      duration_ms: 42,
    });
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    expect(one('ops-run-result')?.textContent).toContain('sla:check: completed in 42 ms');
  });

  it('reports a refused run', async () => {
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    one('ops-run-sla:check')?.click();
    http
      .expectOne('/api/ops/jobs/sla%3Acheck/run')
      .flush(
        { statusCode: 409, error: 'already_running', message: 'sla:check is already running' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(one('ops-run-result')?.textContent).toContain('already running');
  });

  it('retries the failed jobs of a queue', async () => {
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    one('ops-retry')?.click();
    http.expectOne('/api/ops/queues/sla/retry').flush({ retried: 2 });
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    expect(one('ops-retry-result')?.textContent).toContain('2 failed jobs');
  });

  it('shows empty and error states', async () => {
    http.expectOne('/api/ops/queues').flush(null, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(one('ops-error')).not.toBeNull();
    (one('ops-error')?.querySelector('button') as HTMLButtonElement).click();
    http.expectOne('/api/ops/queues').flush([]);
    await settle();
    expect(one('ops-empty')).not.toBeNull();
  });

  it('shows the outbound webhooks card and refreshes it with the queues', async () => {
    http.expectOne('/api/ops/queues').flush([queue()]);
    await settle();
    expect(one('webhooks-card')).not.toBeNull();
    expect(all('webhook-row')).toHaveLength(3);
    one('ops-refresh')?.click();
    http.expectOne('/api/ops/queues').flush([queue()]);
    webhooks().flush(webhooksOverviewFixture({ deliveries: [] }));
    await settle();
    expect(all('webhook-row')).toHaveLength(0);
    expect(one('webhooks-empty')).not.toBeNull();
  });
});
