import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { loginResponseFixture } from '../../testing/fixtures';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<LoginPage>;
  const q = <T extends Element>(id: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<T>(`[data-testid="${id}"]`);

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(email: string, password: string) {
    const emailInput = q<HTMLInputElement>('login-email');
    const passwordInput = q<HTMLInputElement>('login-password');
    if (!emailInput || !passwordInput) throw new Error('form not rendered');
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
  }

  it('disables the form while submitting and shows the ApiError message', async () => {
    fill('ada@example.com', 'wrong');
    q<HTMLButtonElement>('login-submit')?.click();
    fixture.detectChanges();
    expect(q<HTMLButtonElement>('login-submit')?.disabled).toBe(true);

    http
      .expectOne('/api/agents/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(q('login-error')?.textContent).toContain('Invalid email or password');
    expect(q<HTMLButtonElement>('login-submit')?.disabled).toBe(false);
  });

  it('stores the token and goes to the inbox on success', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fill('ada@example.com', 'secret');
    q<HTMLButtonElement>('login-submit')?.click();
    http.expectOne('/api/agents/login').flush(loginResponseFixture());
    await fixture.whenStable();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-abc');
    expect(navigate).toHaveBeenCalledWith('/inbox');
    expect(q('login-error')).toBeNull();
  });

  it('does not call the API with an invalid form', async () => {
    fill('not-an-email', '');
    q<HTMLButtonElement>('login-submit')?.click();
    await fixture.whenStable();
    http.expectNone('/api/agents/login');
  });
});
