import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { agentFixture, loginResponseFixture } from '../../testing/fixtures';
import {
  AuthService,
  SESSION_ENDED_NOTICE,
  SESSION_EXPIRED_NOTICE,
  TOKEN_EXPIRY_STORAGE_KEY,
  TOKEN_STORAGE_KEY,
} from './auth.service';

describe('AuthService', () => {
  let http: HttpTestingController;

  function setup(): AuthService {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AuthService);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('login posts the credentials, stores the token and keeps the agent', () => {
    const auth = setup();
    let signedIn: string | undefined;
    auth
      .login({ email: 'ada@example.com', password: 'secret' })
      .subscribe((a) => (signedIn = a.name));

    const req = http.expectOne('/api/agents/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'ada@example.com', password: 'secret' });
    const response = loginResponseFixture();
    req.flush(response);

    expect(signedIn).toBe('Ada Lovelace');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('token-abc');
    expect(localStorage.getItem(TOKEN_EXPIRY_STORAGE_KEY)).toBe(response.expires_at);
    expect(auth.token()).toBe('token-abc');
    expect(auth.agent()?.email).toBe('ada@example.com');
    expect(auth.hasPermission('tickets:read-own')).toBe(true);
    expect(auth.hasPermission('team:manage')).toBe(false);
  });

  it('a failed login stores nothing', () => {
    const auth = setup();
    let failed = false;
    auth
      .login({ email: 'ada@example.com', password: 'wrong' })
      .subscribe({ error: () => (failed = true) });
    http
      .expectOne('/api/agents/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(failed).toBe(true);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(auth.token()).toBeNull();
  });

  it('logout calls the API and clears the token and the agent', () => {
    const auth = setup();
    auth.login({ email: 'ada@example.com', password: 'secret' }).subscribe();
    http.expectOne('/api/agents/login').flush(loginResponseFixture());

    let done = false;
    auth.logout().subscribe(() => (done = true));
    const req = http.expectOne('/api/agents/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });

    expect(done).toBe(true);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(TOKEN_EXPIRY_STORAGE_KEY)).toBeNull();
    expect(auth.token()).toBeNull();
    expect(auth.agent()).toBeNull();
  });

  it('logout still clears the session when the server call fails', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'stale');
    const auth = setup();
    let done = false;
    auth.logout().subscribe(() => (done = true));
    http.expectOne('/api/agents/logout').error(new ProgressEvent('error'));
    expect(done).toBe(true);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('restores the token from localStorage and loads the profile once', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'restored');
    const auth = setup();
    expect(auth.token()).toBe('restored');

    const names: string[] = [];
    auth.ensureProfile().subscribe((a) => names.push(a.name));
    auth.ensureProfile().subscribe((a) => names.push(a.name));
    http.expectOne('/api/agents/me').flush(agentFixture());
    auth.ensureProfile().subscribe((a) => names.push(a.name));

    expect(names).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Ada Lovelace']);
  });

  it('treats an expired token as signed out, with a notice', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'old');
    localStorage.setItem(TOKEN_EXPIRY_STORAGE_KEY, new Date(Date.now() - 1000).toISOString());
    const auth = setup();
    expect(auth.token()).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(auth.notice()).toBe(SESSION_EXPIRED_NOTICE);
  });

  it('updateStatus patches the status and keeps the returned profile', () => {
    const auth = setup();
    auth.updateStatus('away').subscribe();
    const req = http.expectOne('/api/agents/me/status');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ status: 'away' });
    req.flush(agentFixture({ status: 'away' }));
    expect(auth.agent()?.status).toBe('away');
  });

  it('endSession clears the token and sends the agent to /login with a notice', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'revoked');
    const auth = setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.endSession();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(auth.notice()).toBe(SESSION_ENDED_NOTICE);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });
});
