import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import type { AgentStatus } from '@quimbi/contracts';

import { AuthService } from '../../core/auth/auth.service';
import { toDisplayError } from '../../core/http/api-error';
import { navItemsFor } from '../../core/nav/feature-route';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { FEATURE_ROUTES } from '../../feature.routes';
import { NavList } from '../nav-list/nav-list';
import { NotificationsMenu } from '../notifications-menu/notifications-menu';
import { UserMenu } from '../user-menu/user-menu';

/**
 * The signed-in frame: toolbar (notifications bell, account menu), permission-filtered side
 * navigation, and the page outlet.
 */
@Component({
  selector: 'app-shell',
  imports: [
    MatToolbar,
    MatIconButton,
    MatIcon,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    RouterOutlet,
    RouterLink,
    NavList,
    NotificationsMenu,
    UserMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly notifications = inject(NotificationsService);

  protected readonly agent = this.auth.agent;
  protected readonly navItems = computed(() =>
    navItemsFor(FEATURE_ROUTES, this.auth.permissions()),
  );
  protected readonly busy = signal(false);
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    this.notifications.start();
    inject(DestroyRef).onDestroy(() => this.notifications.stop());
  }

  protected closeIfHandset(sidenav: MatSidenav): void {
    if (this.handset()) void sidenav.close();
  }

  protected changeStatus(status: AgentStatus): void {
    this.busy.set(true);
    this.auth.updateStatus(status).subscribe({
      next: () => this.busy.set(false),
      error: (err: unknown) => {
        this.busy.set(false);
        const { message } = toDisplayError(err, 'Your status could not be updated.');
        this.snackBar.open(message, 'Dismiss', { duration: 6000 });
      },
    });
  }

  protected logout(): void {
    this.busy.set(true);
    this.auth.logout().subscribe(() => {
      this.busy.set(false);
      void this.router.navigate(['/login']);
    });
  }
}
