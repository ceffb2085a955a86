import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { SlaPolicy } from '../../../core/tickets/ticket-detail';
import { slaCalendarFixture, slaSummaryFixture } from '../../../testing/fixtures';
import { calendarChanges, calendarFormOf, toCalendarBody } from './sla-calendar-form';
import type { SlaCalendar } from './sla-settings';
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

  async function loaded(calendars: SlaCalendar[] = []) {
    http.expectOne('/api/sla/policies').flush({
      policies: [
        policy({ id: 'p-high', priority: 'high' }),
        policy({ id: 'p-urgent', priority: 'urgent', first_response_target_seconds: 900 }),
      ],
    });
    http.expectOne('/api/sla/calendars').flush({ calendars });
    await settle();
  }

  /** The list is read again after a calendar change. */
  async function refreshed(calendars: SlaCalendar[]) {
    const req = http.expectOne('/api/sla/calendars');
    expect(req.request.method).toBe('GET');
    req.flush({ calendars });
    await settle();
  }

  function rowOf(id: string) {
    return (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
      `[data-testid="calendar-row"][data-calendar-id="${id}"]`,
    );
  }

  function inRow(row: HTMLElement | null, id: string) {
    return row?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;
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
    const created = slaCalendarFixture({ opening_hours: req.request.body.opening_hours });
    req.flush(created);
    await settle();
    expect(all('calendar-row')).toHaveLength(1);
    expect(one('calendar-form')).toBeNull();
    expect(one('calendar-notice')?.textContent).toContain('“Berlin office” created');
    await refreshed([created]);
    expect(all('calendar-row')).toHaveLength(1);
  });

  it('edits a calendar in a form prefilled with it and sends only what changed', async () => {
    const calendar = slaCalendarFixture();
    await loaded([calendar, slaCalendarFixture({ id: 'cal-2', name: 'Sydney' })]);
    inRow(rowOf('cal-1'), 'calendar-edit')?.click();
    await settle();
    expect(one('calendar-form-title')?.textContent).toContain('Edit “Berlin office”');
    expect((one('calendar-name') as HTMLInputElement).value).toBe('Berlin office');
    expect((one('calendar-time-zone') as HTMLInputElement).value).toBe('Europe/Berlin');
    expect((one('calendar-holidays') as HTMLInputElement).value).toBe('2026-12-25, 2026-12-26');
    expect((one('calendar-start-5-1') as HTMLInputElement).value).toBe('13:00');
    expect((one('calendar-end-5-1') as HTMLInputElement).value).toBe('16:00');
    expect((one('calendar-start-6-0') as HTMLInputElement).disabled).toBe(true);
    // Nothing changed yet: nothing to save.
    expect((one('calendar-save') as HTMLButtonElement).disabled).toBe(true);
    expect(one('calendar-save')?.textContent).toContain('Save changes');

    type('calendar-name', 'Berlin HQ');
    type('calendar-end-1-0', '18:00');
    one('calendar-save')?.click();
    const req = http.expectOne('/api/sla/calendars/cal-1');
    expect(req.request.method).toBe('PATCH');
    expect(Object.keys(req.request.body).sort()).toEqual(['name', 'opening_hours']);
    expect(req.request.body.name).toBe('Berlin HQ');
    expect(req.request.body.opening_hours['1']).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(req.request.body.opening_hours['5']).toEqual(calendar.opening_hours['5']);
    const saved = { ...calendar, name: 'Berlin HQ', opening_hours: req.request.body.opening_hours };
    req.flush(saved);
    await settle();
    expect(one('calendar-form')).toBeNull();
    expect(rowOf('cal-1')?.textContent).toContain('Berlin HQ');
    expect(one('calendar-notice')?.textContent).toContain('“Berlin HQ” saved');
    await refreshed([
      { ...saved, used_by_priorities: ['high'] },
      slaCalendarFixture({ id: 'cal-2' }),
    ]);
    expect(rowOf('cal-1')?.textContent).toContain('Used by: high');
  });

  it('shows the API’s refusal of an edit next to the form and keeps the form open', async () => {
    await loaded([slaCalendarFixture()]);
    inRow(rowOf('cal-1'), 'calendar-edit')?.click();
    await settle();
    type('calendar-time-zone', 'Mars/Olympus');
    one('calendar-save')?.click();
    http.expectOne('/api/sla/calendars/cal-1').flush(
      {
        statusCode: 400,
        error: 'validation_failed',
        message: 'The calendar is invalid',
        details: [{ field: 'time_zone', message: 'is not a known IANA time zone' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(one('calendar-error')?.textContent).toContain('The calendar is invalid');
    expect(one('calendar-error')?.textContent).toContain(
      'time_zone: is not a known IANA time zone',
    );
    expect(one('calendar-time-zone')?.getAttribute('aria-invalid')).toBe('true');
    expect(one('calendar-form')).not.toBeNull();

    one('calendar-cancel')?.click();
    await settle();
    expect(one('calendar-form')).toBeNull();
  });

  it('adds and removes opening intervals of a day', async () => {
    await loaded();
    one('calendar-create')?.click();
    await settle();
    type('calendar-name', 'Split shifts');
    one('calendar-add-interval-1')?.click();
    await settle();
    expect((one('calendar-start-1-1') as HTMLInputElement).value).toBe('17:00');
    expect((one('calendar-end-1-1') as HTMLInputElement).value).toBe('18:00');
    one('calendar-remove-interval-1-0')?.click();
    await settle();
    one('calendar-save')?.click();
    const req = http.expectOne('/api/sla/calendars');
    expect(req.request.body.opening_hours['1']).toEqual([{ start: '17:00', end: '18:00' }]);
    req.flush(slaCalendarFixture({ name: 'Split shifts' }));
    await settle();
    await refreshed([slaCalendarFixture({ name: 'Split shifts' })]);
  });

  it('deletes a calendar only after a confirmation', async () => {
    await loaded([slaCalendarFixture(), slaCalendarFixture({ id: 'cal-2', name: 'Sydney' })]);
    inRow(rowOf('cal-2'), 'calendar-delete')?.click();
    await settle();
    expect(inRow(rowOf('cal-2'), 'calendar-delete-question')?.textContent).toContain(
      'Delete “Sydney”?',
    );
    http.expectNone('/api/sla/calendars/cal-2');

    inRow(rowOf('cal-2'), 'calendar-delete-cancel')?.click();
    await settle();
    expect(inRow(rowOf('cal-2'), 'calendar-delete-question')).toBeNull();

    inRow(rowOf('cal-2'), 'calendar-delete')?.click();
    await settle();
    inRow(rowOf('cal-2'), 'calendar-delete-confirm')?.click();
    const req = http.expectOne('/api/sla/calendars/cal-2');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(rowOf('cal-2')).toBeNull();
    expect(one('calendar-notice')?.textContent).toContain('“Sydney” deleted');
    await refreshed([slaCalendarFixture()]);
    expect(all('calendar-row')).toHaveLength(1);
  });

  it('shows why a calendar in use cannot be deleted', async () => {
    await loaded([slaCalendarFixture({ used_by_priorities: ['urgent'] })]);
    inRow(rowOf('cal-1'), 'calendar-delete')?.click();
    await settle();
    expect(inRow(rowOf('cal-1'), 'calendar-delete-question')?.textContent).toContain(
      'still used by the urgent policy',
    );
    inRow(rowOf('cal-1'), 'calendar-delete-confirm')?.click();
    http.expectOne('/api/sla/calendars/cal-1').flush(
      {
        statusCode: 409,
        error: 'calendar_in_use',
        message: 'The urgent SLA policy uses this calendar; choose another calendar first.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(inRow(rowOf('cal-1'), 'calendar-delete-error')?.textContent).toContain(
      'The urgent SLA policy uses this calendar',
    );
    expect(all('calendar-row')).toHaveLength(1);
    http.expectNone('/api/sla/calendars');
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

describe('calendar form', () => {
  const calendar = slaCalendarFixture();

  it('round-trips a calendar without changes', () => {
    const { body, error } = toCalendarBody(calendarFormOf(calendar));
    expect(error).toBeNull();
    expect(body.opening_hours).toEqual(calendar.opening_hours);
    expect(calendarChanges(calendar, body)).toEqual({});
  });

  it.each([
    ['name', { name: '  ' }, 'name and a time zone'],
    ['time zone', { timeZone: '' }, 'name and a time zone'],
  ])('asks for a %s', (_, change, message) => {
    expect(toCalendarBody({ ...calendarFormOf(calendar), ...change }).error).toContain(message);
  });

  it('asks for the times of an open day', () => {
    const form = calendarFormOf(calendar);
    form.week['1'] = { open: true, intervals: [{ start: '09:00', end: '' }] };
    expect(toCalendarBody(form).error).toContain('opening and closing times');
  });

  it('leaves closed days out and sends changed holidays', () => {
    const form = { ...calendarFormOf(calendar), holidays: '2027-01-01 2027-01-02' };
    form.week['5'] = { ...form.week['5'], open: false };
    const { body } = toCalendarBody(form);
    expect(Object.keys(body.opening_hours)).toEqual(['1', '2', '3', '4']);
    expect(calendarChanges(calendar, body)).toEqual({
      opening_hours: body.opening_hours,
      holidays: ['2027-01-01', '2027-01-02'],
    });
  });
});
