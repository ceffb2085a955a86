import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, GuardResult, MaybeAsync, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';

import { requiredPermission } from '../nav/feature-route';
import { AuthService } from './auth.service';

/**
 * Enforces the `permission` a route declares in its data (`data: { permission }`): agents who
 * lack it are sent to /forbidden. Routes that declare none are open to any signed-in agent.
 * Usable as `canActivate` on a route or `canActivateChild` on a parent.
 */
export const permissionGuard = (route: ActivatedRouteSnapshot): MaybeAsync<GuardResult> => {
  const required = requiredPermission(route.data);
  if (!required) return true;

  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.ensureProfile().pipe(
    map((agent) => agent.permissions.includes(required) || router.createUrlTree(['/forbidden'])),
    catchError(() => of(router.createUrlTree(['/login']))),
  );
};
