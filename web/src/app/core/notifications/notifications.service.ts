import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { catchError, map, Observable, of, Subject, Subscription, switchMap } from 'rxjs';

import { HANDLES_FORBIDDEN } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { toDisplayError } from '../http/api-error';
import type { NotificationLiveEvent } from '../live/live-event';
import { LiveEventsService } from '../live/live-events.service';
import type {
  AgentNotification,
  NotificationListResponse,
  ReadAllNotificationsResponse,
} from './notification';

export const NOTIFICATIONS_URL = '/api/notifications';
/** How many of the latest notifications the bell lists. */
export const NOTIFICATIONS_LIMIT = 20;

/** A 403 on the bell must not send the agent to the forbidden page. */
const inPage = () => ({ context: new HttpContext().set(HANDLES_FORBIDDEN, true) });

/**
 * The signed-in agent's notifications (e.g. an SLA breach on a team ticket) for the toolbar
 * bell: the latest ones and the unread count as signals. `start()` loads them and follows the
 * live stream (a `notification.created` event adds one at once and reloads; `resync` reloads);
 * reading one or all is shown at once and then confirmed by the API.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly live = inject(LiveEventsService);

  private readonly list = signal<AgentNotification[]>([]);
  private readonly unreadCount = signal(0);
  private readonly loadState = signal<'idle' | 'loading' | 'loaded' | 'error'>('idle');
  private readonly problem = signal<string | null>(null);
  private readonly reload$ = new Subject<void>();
  private subscription: Subscription | null = null;
  /** Bumped by every local change (read, read all), so an older load does not undo it. */
  private revision = 0;
  /** Reads still waiting for the API; a load that answered meanwhile is redone after them. */
  private pending = 0;
  private reloadAfterPending = false;

  /** The latest notifications, newest first. */
  readonly notifications = this.list.asReadonly();
  /** All unread notifications of the agent, the ones not listed included. */
  readonly unread = this.unreadCount.asReadonly();
  readonly loading = computed(() => this.loadState() === 'loading');
  /** The list has been read at least once (successfully or not). */
  readonly loaded = computed(() => this.loadState() === 'loaded' || this.loadState() === 'error');
  /** Why the list could not be loaded or a notification could not be marked read. */
  readonly error = this.problem.asReadonly();

  /** Loads the notifications and follows new ones; call once the agent is signed in. */
  start(): void {
    if (this.subscription) return;
    const subscription = new Subscription();
    subscription.add(
      this.reload$
        .pipe(
          switchMap(() => {
            const revision = this.revision;
            this.loadState.set('loading');
            return this.http
              .get<NotificationListResponse>(NOTIFICATIONS_URL, {
                ...inPage(),
                params: { limit: NOTIFICATIONS_LIMIT },
              })
              .pipe(
                map((res) => ({ revision, res, err: null as unknown })),
                catchError((err: unknown) => of({ revision, res: null, err })),
              );
          }),
        )
        .subscribe(({ revision, res, err }) => {
          if (revision !== this.revision) {
            // A read happened meanwhile: this answer may predate it.
            if (this.pending) this.reloadAfterPending = true;
            else this.refresh();
            return;
          }
          if (res) {
            this.list.set(Array.isArray(res.notifications) ? res.notifications : []);
            this.unreadCount.set(
              typeof res.unread === 'number'
                ? res.unread
                : this.list().filter((n) => !n.read_at).length,
            );
            this.loadState.set('loaded');
            this.problem.set(null);
          } else {
            this.loadState.set('error');
            this.problem.set(toDisplayError(err, 'Notifications could not be loaded.').message);
          }
        }),
    );
    subscription.add(
      this.live.notifications$.subscribe((event) => {
        if (event.type === 'resync') {
          this.refresh();
        } else if (this.isForMe(event)) {
          this.add(event.notification);
          this.refresh();
        }
      }),
    );
    this.subscription = subscription;
    this.refresh();
  }

  /** Stops following and forgets the notifications (sign-out). */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.list.set([]);
    this.unreadCount.set(0);
    this.loadState.set('idle');
    this.problem.set(null);
    this.revision++;
    this.pending = 0;
    this.reloadAfterPending = false;
  }

  /** Reads the latest notifications again (a load still under way is dropped). */
  refresh(): void {
    if (this.subscription) this.reload$.next();
  }

  markRead(notification: AgentNotification): void {
    const current = this.list().find((n) => n.id === notification.id) ?? notification;
    if (current.read_at) return;
    const readAt = new Date().toISOString();
    this.list.update((list) =>
      list.map((n) => (n.id === notification.id ? { ...n, read_at: readAt } : n)),
    );
    this.unreadCount.update((n) => Math.max(0, n - 1));
    this.send(
      this.http.post<AgentNotification>(
        `${NOTIFICATIONS_URL}/${encodeURIComponent(notification.id)}/read`,
        {},
        inPage(),
      ),
      (updated) => {
        if (updated && typeof updated.id === 'string') {
          this.list.update((list) => list.map((n) => (n.id === updated.id ? updated : n)));
        }
      },
      'The notification could not be marked read.',
    );
  }

  markAllRead(): void {
    if (!this.unreadCount() && this.list().every((n) => n.read_at)) return;
    const readAt = new Date().toISOString();
    this.list.update((list) => list.map((n) => (n.read_at ? n : { ...n, read_at: readAt })));
    this.unreadCount.set(0);
    this.send(
      this.http.post<ReadAllNotificationsResponse>(`${NOTIFICATIONS_URL}/read-all`, {}, inPage()),
      () => undefined,
      'The notifications could not be marked read.',
    );
  }

  /** Sends a read; on failure shows why and reloads what the API holds. */
  private send<T>(request: Observable<T>, applied: (res: T) => void, failure: string): void {
    this.revision++;
    this.pending++;
    this.problem.set(null);
    const done = (reload: boolean) => {
      this.pending = Math.max(0, this.pending - 1);
      if (reload || (this.reloadAfterPending && !this.pending)) {
        this.reloadAfterPending = false;
        this.refresh();
      }
    };
    request.subscribe({
      next: (res: T) => {
        applied(res);
        done(false);
      },
      error: (err: unknown) => {
        this.problem.set(toDisplayError(err, failure).message);
        done(true);
      },
    });
  }

  private add(notification: AgentNotification): void {
    if (this.list().some((n) => n.id === notification.id)) return;
    this.list.update((list) => [notification, ...list].slice(0, NOTIFICATIONS_LIMIT));
    if (!notification.read_at) this.unreadCount.update((n) => n + 1);
  }

  /** The stream only carries the agent's own notifications; this guards against others. */
  private isForMe(event: NotificationLiveEvent): boolean {
    const me = this.auth.agent()?.id;
    return !event.recipientAgentId || !me || event.recipientAgentId === me;
  }
}
