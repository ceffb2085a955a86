import { Routes } from '@angular/router';

import { authGuard, guestGuard } from './core/auth/auth.guard';
import { permissionGuard } from './core/auth/permission.guard';
import { FEATURE_ROUTES } from './feature.routes';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [guestGuard],
    loadChildren: () => import('./pages/login/login.routes').then((m) => m.LOGIN_ROUTES),
  },
  {
    path: '',
    loadComponent: () => import('./layout/shell/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    canActivateChild: [permissionGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'inbox' },
      {
        path: 'change-password',
        title: 'Change password',
        loadChildren: () =>
          import('./pages/change-password/change-password.routes').then((m) => m.CHANGE_PASSWORD_ROUTES),
      },
      ...FEATURE_ROUTES,
      {
        path: 'forbidden',
        title: 'Access denied',
        loadChildren: () =>
          import('./pages/forbidden/forbidden.routes').then((m) => m.FORBIDDEN_ROUTES),
      },
      {
        path: '**',
        title: 'Not found',
        loadChildren: () =>
          import('./pages/not-found/not-found.routes').then((m) => m.NOT_FOUND_ROUTES),
      },
    ],
  },
];
