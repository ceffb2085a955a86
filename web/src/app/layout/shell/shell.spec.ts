import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { AuthService, TOKEN_STORAGE_KEY } from '../../core/auth/auth.service';
import { agentFixture, loginResponseFixture } from '../../testing/fixtures';
import { Shell } from './shell';

describe('Shell', () => {
  let http: HttpTestingController;

  async function render(permissions: string[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'ada@example.com', password: 'x' }).subscribe();
    http
      .expectOne('/api/agents/login')
      .flush(loginResponseFixture({ agent: agentFixture({ role: 'senior_agent', permissions }) }));
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture;
  }

  afterEach(() => http.verify());

  it('shows the agent name and role and the nav items their permissions allow', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="agent-name"]')?.textContent).toContain('Ada Lovelace');
    expect(el.querySelector('[data-testid="agent-role"]')?.textContent).toContain('Senior agent');
    expect(el.querySelector('[data-testid="nav-inbox"]')?.getAttribute('href')).toBe('/inbox');
  });

  it('hides what the agent cannot use', async () => {
    const fixture = await render(['self']);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="nav-inbox"]')).toBeNull();
  });

  it('logout clears the token and goes to /login', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('[data-testid="user-menu"]')
      ?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    http.expectOne('/api/agents/logout').flush(null, { status: 204, statusText: 'No Content' });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('changes the status from the menu', async () => {
    const fixture = await render(['self', 'tickets:read-own']);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('[data-testid="user-menu"]')
      ?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="status-busy"]')?.click();
    const req = http.expectOne('/api/agents/me/status');
    expect(req.request.body).toEqual({ status: 'busy' });
    req.flush(agentFixture({ status: 'busy' }));
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="agent-status"]')
        ?.textContent,
    ).toContain('Busy');
  });
});
