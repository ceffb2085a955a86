import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { ChangePasswordPage } from './change-password.page';

describe('ChangePasswordPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ChangePasswordPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  it('sends the current and new password and lists every rule the server says is broken', () => {
    const fixture = TestBed.createComponent(ChangePasswordPage);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(`missing ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('current-password', 'Temp-Password-123');
    type('new-password', 'password');
    el.querySelector<HTMLButtonElement>('[data-testid="change-password-submit"]')?.click();
    const http = TestBed.inject(HttpTestingController);
    const req = http.expectOne('/api/agents/me/password');
    expect(req.request.body).toEqual({ current_password: 'Temp-Password-123', new_password: 'password' });
    req.flush(
      {
        statusCode: 400,
        error: 'validation_failed',
        message: 'The password breaks 2 rules',
        details: [
          { field: 'new_password', message: 'must be at least 12 characters' },
          { field: 'new_password', message: 'must not be a common password' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    const shown = el.querySelector('[data-testid="change-password-error"]')?.textContent ?? '';
    expect(shown).toContain('must be at least 12 characters');
    expect(shown).toContain('must not be a common password');
    http.verify();
  });
});
