import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';

import { AuthService } from './auth.service';

export const SERVER_UNREACHABLE_NOTICE =
  'We could not load your profile. Check your connection and sign in again.';

/** Lets signed-in agents through once their profile (and so their permissions) is known. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const toLogin = () =>
    router.createUrlTree(['/login'], {
      queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {},
    });

  if (!auth.token()) return toLogin();
  return auth.ensureProfile().pipe(
    map(() => true),
    catchError((err: unknown) => {
      // A 401 has already ended the session (see the interceptor); anything else is an outage.
      if (!(err instanceof HttpErrorResponse) || err.status !== 401) {
        auth.setNotice(SERVER_UNREACHABLE_NOTICE);
      }
      return of(toLogin());
    }),
  );
};

/** The sign-in page is skipped when the agent is already known to be signed in. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.agent() && auth.token() ? inject(Router).createUrlTree(['/inbox']) : true;
};
