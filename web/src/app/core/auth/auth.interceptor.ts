import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { ANONYMOUS_REQUEST, HANDLES_FORBIDDEN, SKIP_SESSION_END } from './auth-context';
import { AuthService } from './auth.service';

const isApiUrl = (url: string): boolean => url === '/api' || url.startsWith('/api/');

/**
 * Adds `Authorization: Bearer <token>` to calls of our API. A 401 on an authenticated call
 * ends the session (back to sign-in with a message); a 403 shows the forbidden page unless the
 * caller said it handles it (`HANDLES_FORBIDDEN`).
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url) || req.context.get(ANONYMOUS_REQUEST)) return next(req);

  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  if (!token) return next(req);

  const authorized = req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
  return next(authorized).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse) {
        if (err.status === 401 && !req.context.get(SKIP_SESSION_END)) {
          auth.endSession();
        } else if (err.status === 403 && (err.error as { error?: string } | null)?.error === 'password_change_required') {
          // After a password reset nothing else works until the agent picks a new password.
          void router.navigateByUrl('/change-password');
        } else if (err.status === 403 && !req.context.get(HANDLES_FORBIDDEN)) {
          void router.navigateByUrl('/forbidden');
        }
      }
      return throwError(() => err);
    }),
  );
};
