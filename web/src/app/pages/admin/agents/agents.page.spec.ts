import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Role } from '@quimbi/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { agentFixture, loginResponseFixture } from '../../../testing/fixtures';
import { AgentsPage } from './agents.page';

const MANAGER = agentFixture({
  id: 'me',
  name: 'Mia Manager',
  role: 'manager',
  permissions: ['self', 'agents:read', 'agents:manage'],
});
const ADMIN = agentFixture({
  id: 'me',
  name: 'Ann Admin',
  role: 'admin',
  permissions: ['self', 'agents:read', 'agents:manage', 'agents:admin'],
});

describe('AgentsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AgentsPage>;
  const root = () => fixture.nativeElement as HTMLElement;
  const all = (id: string, from: ParentNode = root()) =>
    Array.from(from.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const one = (id: string, from: ParentNode = root()) =>
    from.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const listRequest = () => http.expectOne((r) => r.url === '/api/agents' && r.method === 'GET');

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** The dialog's close animation runs before `afterClosed` emits. */
  async function closed() {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settle();
  }

  function setup(me = MANAGER) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AgentsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).login({ email: 'x@example.com', password: 'x' }).subscribe();
    http.expectOne('/api/agents/login').flush(loginResponseFixture({ agent: me }));
    fixture = TestBed.createComponent(AgentsPage);
    fixture.detectChanges();
  }

  const team = [
    agentFixture({ id: 'a-1', name: 'Zed Agent', role: 'agent' }),
    agentFixture({ id: 'a-2', name: 'Bea Lead', role: 'team_lead', is_active: false }),
    agentFixture({ id: 'a-3', name: 'Max Boss', role: 'manager' }),
    MANAGER,
  ];

  afterEach(() => {
    fixture?.destroy();
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('lists agents (inactive included), from a bare list or a wrapped one', async () => {
    setup();
    expect(one('agents-loading')).not.toBeNull();
    const req = listRequest();
    expect(req.request.params.get('include_inactive')).toBe('true');
    req.flush({ agents: team });
    await settle();
    const rows = all('agent-row');
    expect(rows.map((r) => r.dataset['agentId'])).toEqual(['a-2', 'a-3', 'me', 'a-1']);
    // Deactivated lead can be reactivated; the manager cannot touch another manager or self.
    expect(one('agent-reactivate', rows[0])).not.toBeNull();
    expect(one('agent-deactivate', rows[1])).toBeNull();
    expect(one('agent-deactivate', rows[2])).toBeNull();
    expect(one('agent-deactivate', rows[3])).not.toBeNull();
    expect(one('agent-reset-password')).toBeNull();
  });

  it('searches with a debounce and shows an empty state', async () => {
    jest.useFakeTimers();
    try {
      setup();
      listRequest().flush(team);
      const input = one('agent-search') as HTMLInputElement;
      input.value = 'zed';
      input.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(300);
      const req = listRequest();
      expect(req.request.params.get('q')).toBe('zed');
      req.flush([]);
      fixture.detectChanges();
      expect(one('agents-empty')).not.toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows a load failure with a retry', async () => {
    setup();
    listRequest().flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(one('agents-error')).not.toBeNull();
    (one('agents-error')?.querySelector('button') as HTMLButtonElement).click();
    listRequest().flush([]);
  });

  it('creates an agent with a grantable role and shows the one-time password once', async () => {
    setup();
    listRequest().flush(team);
    await settle();
    one('agent-create')?.click();
    await settle();

    const roleSelect = one('role-select', document) as HTMLElement;
    roleSelect.click();
    await settle();
    const offered = Array.from(document.querySelectorAll('mat-option')).map((o) =>
      o.textContent?.trim(),
    );
    expect(offered).toEqual(['Agent', 'Senior agent', 'Team lead']);
    (document.querySelectorAll('mat-option')[1] as HTMLElement).click();
    await settle();

    const email = one('agent-email', document) as HTMLInputElement;
    email.value = 'new@example.com';
    email.dispatchEvent(new Event('input'));
    const name = one('agent-name-input', document) as HTMLInputElement;
    name.value = 'New Person';
    name.dispatchEvent(new Event('input'));
    one('agent-create-submit', document)?.click();

    const req = http.expectOne((r) => r.url === '/api/agents' && r.method === 'POST');
    expect(req.request.body).toEqual({
      email: 'new@example.com',
      name: 'New Person',
      role: 'senior_agent' satisfies Role,
    });
    req.flush({
      agent: agentFixture({ id: 'a-9', name: 'New Person', role: 'senior_agent' }),
      temporary_password: 'Temp-Pass-123!',
    });
    await closed();
    expect(all('agent-row').some((r) => r.dataset['agentId'] === 'a-9')).toBe(true);
    expect(one('agent-temp-password')?.textContent).toContain('Temp-Pass-123!');
  });

  it('lists the details of a refused creation (weak password)', async () => {
    setup();
    listRequest().flush([]);
    await settle();
    one('agent-create')?.click();
    await settle();
    (one('agent-email', document) as HTMLInputElement).value = 'n@example.com';
    one('agent-email', document)?.dispatchEvent(new Event('input'));
    (one('agent-name-input', document) as HTMLInputElement).value = 'N';
    one('agent-name-input', document)?.dispatchEvent(new Event('input'));
    (one('agent-password', document) as HTMLInputElement).value = 'weak';
    one('agent-password', document)?.dispatchEvent(new Event('input'));
    one('agent-create-submit', document)?.click();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        {
          statusCode: 400,
          error: 'validation_failed',
          message: 'The password is too weak',
          details: [{ field: 'password', message: 'must be at least 12 characters' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    const error = one('agent-error', document);
    expect(error?.textContent).toContain('The password is too weak');
    expect(error?.textContent).toContain('password: must be at least 12 characters');
  });

  it('deactivates, and reports a refusal (last admin)', async () => {
    setup(ADMIN);
    listRequest().flush(team);
    await settle();
    const row = all('agent-row').find((r) => r.dataset['agentId'] === 'a-1') as HTMLElement;
    one('agent-deactivate', row)?.click();
    const req = http.expectOne('/api/agents/a-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ is_active: false });
    req.flush({ ...team[0], is_active: false });
    await settle();
    const updated = all('agent-row').find((r) => r.dataset['agentId'] === 'a-1') as HTMLElement;
    expect(one('agent-reactivate', updated)).not.toBeNull();

    const boss = all('agent-row').find((r) => r.dataset['agentId'] === 'a-3') as HTMLElement;
    one('agent-deactivate', boss)?.click();
    http
      .expectOne('/api/agents/a-3')
      .flush(
        { statusCode: 409, error: 'last_admin', message: 'At least one active admin must remain' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(one('agent-error')?.textContent).toContain('At least one active admin must remain');
  });

  it('lets admins reset a password and shows it once', async () => {
    setup(ADMIN);
    listRequest().flush(team);
    await settle();
    const boss = all('agent-row').find((r) => r.dataset['agentId'] === 'a-3') as HTMLElement;
    one('agent-reset-password', boss)?.click();
    const req = http.expectOne('/api/agents/a-3/reset-password');
    expect(req.request.method).toBe('POST');
    req.flush({ temporary_password: 'Reset-Pass-456!' });
    await settle();
    expect(one('agent-temp-password')?.textContent).toContain('Reset-Pass-456!');
  });
});
