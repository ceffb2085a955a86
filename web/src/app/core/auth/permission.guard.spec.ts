import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  GuardResult,
  provideRouter,
  Router,
  UrlTree,
} from '@angular/router';
import { firstValueFrom, isObservable, Observable, of, throwError } from 'rxjs';

import type { AgentProfile } from '@quimbi/contracts';

import { agentFixture } from '../../testing/fixtures';
import { AuthService } from './auth.service';
import { permissionGuard } from './permission.guard';

describe('permissionGuard', () => {
  function run(data: Record<string, unknown>, profile: Observable<AgentProfile>) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AuthService, useValue: { ensureProfile: () => profile } },
      ],
    });
    const route = { data } as unknown as ActivatedRouteSnapshot;
    return TestBed.runInInjectionContext(() => permissionGuard(route));
  }

  async function resolve(result: ReturnType<typeof permissionGuard>): Promise<GuardResult> {
    return isObservable(result) ? firstValueFrom(result) : result;
  }

  function urlOf(result: GuardResult): string {
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  it('lets through routes that declare no permission', async () => {
    expect(
      await resolve(
        run(
          {},
          throwError(() => new Error('not called')),
        ),
      ),
    ).toBe(true);
  });

  it('lets through an agent holding the permission', async () => {
    const lead = agentFixture({
      role: 'team_lead',
      permissions: ['tickets:read-own', 'team:manage'],
    });
    expect(await resolve(run({ permission: 'team:manage' }, of(lead)))).toBe(true);
  });

  it('sends an agent lacking the permission to /forbidden', async () => {
    const result = await resolve(run({ permission: 'sla:manage' }, of(agentFixture())));
    expect(urlOf(result)).toBe('/forbidden');
  });

  it('sends to /login when the profile cannot be loaded', async () => {
    const result = await resolve(
      run(
        { permission: 'tickets:read-own' },
        throwError(() => new Error('401')),
      ),
    );
    expect(urlOf(result)).toBe('/login');
  });
});
