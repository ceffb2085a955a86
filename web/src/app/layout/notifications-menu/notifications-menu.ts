import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatBadge } from '@angular/material/badge';
import { MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import type { AgentNotification } from '../../core/notifications/notification';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';

/** "Notifications, 3 unread" for the bell's accessible name. */
export function notificationsLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}

/** What the badge shows: nothing at 0, the count up to 99, then "99+". */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

const TYPE_ICONS: Record<string, string> = { 'sla.breached': 'timer_off' };

/**
 * The toolbar bell: a badge with the unread count and a menu of the latest notifications, each
 * opening its ticket (and marking it read), plus "Mark all read".
 */
@Component({
  selector: 'app-notifications-menu',
  imports: [
    DatePipe,
    RouterLink,
    MatBadge,
    MatIconButton,
    MatIcon,
    MatDivider,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    RelativeTimePipe,
  ],
  templateUrl: './notifications-menu.html',
  styleUrl: './notifications-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsMenu {
  readonly notifications = input<readonly AgentNotification[]>([]);
  readonly unread = input(0);
  readonly loading = input(false);
  /** The list has been read at least once, so an empty list means there are none. */
  readonly loaded = input(false);
  readonly error = input<string | null>(null);
  /** The menu opened (or "Try again"): the list should be read again. */
  readonly refresh = output<void>();
  readonly read = output<AgentNotification>();
  readonly readAll = output<void>();

  protected readonly label = computed(() => notificationsLabel(this.unread()));
  protected readonly badge = computed(() => badgeText(this.unread()));
  protected readonly anyUnread = computed(
    () => this.unread() > 0 || this.notifications().some((n) => !n.read_at),
  );

  protected icon(notification: AgentNotification): string {
    return TYPE_ICONS[notification.type] ?? 'notifications';
  }
}
