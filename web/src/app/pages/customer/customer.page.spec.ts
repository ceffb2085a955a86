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

  it('loads, then shows the intelligence and every recent order', async () => {
    expect(one('customer-loading')).not.toBeNull();
    http.expectOne(URL).flush(intelligenceFixture());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-loading')).toBeNull();
    expect(one('churn-gauge')).not.toBeNull();
    expect(all('recent-order')).toHaveLength(1);
  });

  it('says when there are no orders', async () => {
    http.expectOne(URL).flush(intelligenceFixture({ recent_orders: [] }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-no-orders')).not.toBeNull();
  });

  it('offers a retry after a failure', async () => {
    http.expectOne(URL).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-error')?.textContent).toContain('could not be loaded');
    (one('customer-error')?.querySelector('button') as HTMLButtonElement).click();
    http.expectOne(URL).flush(intelligenceFixture());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(one('customer-error')).toBeNull();
  });
});
