import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { intelligenceFixture } from '../../testing/fixtures';
import { CustomerPage } from './customer.page';

const URL = '/api/ai/customers/c-1/intelligence';

describe('CustomerPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CustomerPage>;
  const one = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) =>
    (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CustomerPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CustomerPage);
    fixture.componentRef.setInput('id', 'c-1');
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const TICKETS = '/api/customers/c-1';
  const ticketsBody = {
    customer: { id: 'c-1', name: 'Casey Customer', email: 'c@example.test', phone: null, is_vip: false },
    tickets: [
      { id: 't-1', number: 12, subject: 'Where is my order?', status: 'open', priority: 'high', channel: 'email', created_at: '2026-11-20T10:00:00Z' },
    ],
  };

  it('loads, then shows the intelligence and every recent order', async () => {
    expect(one('customer-loading')).not.toBeNull();
    http.expectOne(TICKETS).flush(ticketsBody);
    http.expectOne(URL).flush(intelligenceFixture());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-loading')).toBeNull();
    expect(one('churn-gauge')).not.toBeNull();
    expect(all('recent-order')).toHaveLength(1);
    expect(all('customer-ticket')).toHaveLength(1);
    expect(one('customer-ticket')?.textContent).toContain('#12 Where is my order?');
    expect(one('customer-page-name')?.textContent).toContain('Casey Customer');
  });

  it('says when there are no orders', async () => {
    http.expectOne(TICKETS).flush({ ...ticketsBody, tickets: [] });
    http.expectOne(URL).flush(intelligenceFixture({ recent_orders: [] }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-no-orders')).not.toBeNull();
    expect(one('customer-tickets-empty')).not.toBeNull();
  });

  it('offers a retry after a failure', async () => {
    http.expectOne(TICKETS).flush(ticketsBody);
    http.expectOne(URL).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-error')?.textContent).toContain('could not be loaded');
    (one('customer-error')?.querySelector('button') as HTMLButtonElement).click();
    http.expectOne(TICKETS).flush(ticketsBody);
    http.expectOne(URL).flush(intelligenceFixture());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-error')).toBeNull();
  });
});
