import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { HANDLES_FORBIDDEN } from './auth-context';
import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_ENDED_NOTICE, TOKEN_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(TOKEN_STORAGE_KEY, 'token-abc');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => controller.verify());

  it('adds the bearer token to API calls only', () => {
    http.get('/api/tickets').subscribe();
    http.get('/assets/x.json').subscribe();
    expect(controller.expectOne('/api/tickets').request.headers.get('Authorization')).toBe(
      'Bearer token-abc',
    );
    expect(controller.expectOne('/assets/x.json').request.headers.has('Authorization')).toBe(false);
  });

  it('does not send the token with the login request', () => {
    TestBed.inject(AuthService)
      .login({ email: 'a@b.c', password: 'x' })
      .subscribe({ error: () => undefined });
    const req = controller.expectOne('/api/agents/login');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Nope' },
      { status: 401, statusText: 'Unauthorized' },
    );
    // A wrong password is not a session end.
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-abc');
  });

  it('ends the session on a 401 of an authenticated call', () => {
    http.get('/api/tickets').subscribe({ error: () => undefined });
    controller
      .expectOne('/api/tickets')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Expired' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(AuthService).notice()).toBe(SESSION_ENDED_NOTICE);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('shows the forbidden page on a 403', () => {
    let status = 0;
    http.get('/api/tickets').subscribe({ error: (e: { status: number }) => (status = e.status) });
    controller
      .expectOne('/api/tickets')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'No' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(status).toBe(403);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/forbidden');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-abc');
  });

  it('leaves a 403 to callers that handle it themselves', () => {
    let status = 0;
    http
      .get('/api/agents', { context: new HttpContext().set(HANDLES_FORBIDDEN, true) })
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    controller
      .expectOne('/api/agents')
      .flush(
        { statusCode: 403, error: 'forbidden', message: 'No' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(status).toBe(403);
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });
});
