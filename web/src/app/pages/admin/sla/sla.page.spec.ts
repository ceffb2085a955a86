import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import { slaSummaryFixture } from '../../../testing/fixtures';
import { SlaPage } from './sla.page';

function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return { ...slaSummaryFixture().policy, ...overrides };
}

describe('SlaPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SlaPage>;
  const one = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(id: string, value: string) {
    const input = one(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  async function loaded() {
    http.expectOne('/api/sla/policies').flush({
      policies: [
        policy({ id: 'p-high', priority: 'high' }),
        policy({ id: 'p-urgent', priority: 'urgent', first_response_target_seconds: 900 }),
      ],
    });
    http.expectOne('/api/sla/calendars').flush({ calendars: [] });
    await settle();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SlaPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SlaPage);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows each policy in minutes and hours', async () => {
    expect(one('sla-loading')).not.toBeNull();
    await loaded();
    expect(one('sla-policy-high')).not.toBeNull();
    expect((one('sla-first-response-high') as HTMLInputElement).value).toBe('60');
    expect((one('sla-first-response-urgent') as HTMLInputElement).value).toBe('15');
    expect((one('sla-resolution-high') as HTMLInputElement).value).toBe('8');
    expect(one('calendars-empty')).not.toBeNull();
  });

  it('saves a changed target in seconds and confirms', async () => {
    await loaded();
    expect((one('sla-save-high') as HTMLButtonElement).disabled).toBe(true);
    type('sla-first-response-high', '30');
    one('sla-save-high')?.click();
    const req = http.expectOne('/api/sla/policies/high');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({
      first_response_target_seconds: 1800,
      resolution_target_seconds: 28800,
      warning_threshold_percent: 80,
    });
    req.flush({ ...policy({ first_response_target_seconds: 1800 }), rederived_tickets: 3 });
    await settle();
    expect(one('sla-saved')?.textContent).toContain('3 open tickets');
  });

  it('validates fields before saving and shows the server’s field errors', async () => {
    await loaded();
    type('sla-first-response-high', '0');
    one('sla-save-high')?.click();
    fixture.detectChanges();
    expect(one('sla-error-first-response-high')?.textContent).toContain('at least 1');
    http.expectNone('/api/sla/policies/high');

    type('sla-first-response-high', '600');
    one('sla-save-high')?.click();
    fixture.detectChanges();
    expect(one('sla-error-resolution-high')?.textContent).toContain('shorter');

    type('sla-first-response-high', '45');
    one('sla-save-high')?.click();
    http.expectOne('/api/sla/policies/high').flush(
      {
        statusCode: 400,
        error: 'validation_failed',
        message: 'The policy is invalid',
        details: [{ field: 'warning_threshold_percent', message: 'must be from 1 to 99' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(one('sla-error-warning-high')?.textContent).toContain('must be from 1 to 99');
    expect(one('sla-saved')).toBeNull();
  });

  it('creates a calendar with weekday hours and holidays', async () => {
    await loaded();
    one('calendar-create')?.click();
    await settle();
    type('calendar-name', 'Berlin office');
    type('calendar-time-zone', 'Europe/Berlin');
    type('calendar-holidays', '2026-12-25, 2026-12-26');
    one('calendar-save')?.click();
    const req = http.expectOne('/api/sla/calendars');
    expect(req.request.method).toBe('POST');
    expect(req.request.body.name).toBe('Berlin office');
    expect(req.request.body.time_zone).toBe('Europe/Berlin');
    expect(Object.keys(req.request.body.opening_hours)).toEqual(['1', '2', '3', '4', '5']);
    expect(req.request.body.opening_hours['1']).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(req.request.body.holidays).toEqual(['2026-12-25', '2026-12-26']);
    req.flush({
      id: 'cal-1',
      name: 'Berlin office',
      time_zone: 'Europe/Berlin',
      opening_hours: req.request.body.opening_hours,
      holidays: ['2026-12-25', '2026-12-26'],
      used_by_priorities: [],
    });
    await settle();
    expect(all('calendar-row')).toHaveLength(1);
  });

  it('shows a load failure with a retry', async () => {
    http.expectOne('/api/sla/policies').flush(null, { status: 500, statusText: 'Error' });
    // The calendars request is dropped with the failed policies request.
    http.match('/api/sla/calendars');
    await settle();
    expect(one('sla-error')).not.toBeNull();
    (one('sla-error')?.querySelector('button') as HTMLButtonElement).click();
    await loaded();
  });
});
