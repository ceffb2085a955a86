import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  BehaviorSubject,
  catchError,
  distinctUntilChanged,
  map,
  Observable,
  of,
  tap,
  throwError,
} from 'rxjs';

import { HANDLES_FORBIDDEN } from '../auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { httpStatusOf } from '../http/api-error';
import { distinctTopicAlerts, sameTopicAlerts, type TopicAlertsResponse } from './topic-alerts';

export const TOPIC_ALERTS_STORAGE_PREFIX = 'quimbi.topic_alerts.';
const ENDPOINT = '/api/agents/me/topic-alerts';

/** Where the agent's alerts are kept: on their profile, or only in this browser. */
export type TopicAlertsStore = 'unknown' | 'server' | 'browser';

function storageKey(agentId: string): string {
  return `${TOPIC_ALERTS_STORAGE_PREFIX}${agentId}`;
}

function readLocal(agentId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(agentId)) ?? '[]');
    return Array.isArray(parsed)
      ? distinctTopicAlerts(parsed.filter((t): t is string => typeof t === 'string'))
      : [];
  } catch {
    return [];
  }
}

function writeLocal(agentId: string, terms: readonly string[]): void {
  try {
    localStorage.setItem(storageKey(agentId), JSON.stringify(terms));
  } catch {
    // Storage unavailable: the alerts last for this page load only.
  }
}

/** The endpoint is not there (yet) or not for this agent: keep the alerts in the browser. */
const unsupported = (err: unknown) => [403, 404, 405, 501].includes(httpStatusOf(err));

/**
 * The signed-in agent's topic alerts, remembered between sessions: on their profile through
 * `/api/agents/me/topic-alerts`, or in this browser (per agent) where that endpoint is missing.
 * The last known terms are available at once from the browser copy, then confirmed by the API.
 */
@Injectable({ providedIn: 'root' })
export class TopicAlertsService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly context = new HttpContext().set(HANDLES_FORBIDDEN, true);

  private readonly state = new BehaviorSubject<{
    agentId: string | null;
    terms: readonly string[];
  }>({ agentId: null, terms: [] });
  private readonly storeState = signal<TopicAlertsStore>('unknown');
  /** Bumped by every save, so an older load never overwrites a newer choice. */
  private revision = 0;

  /** The current terms; emits synchronously on every change (and the current ones at once). */
  readonly terms$: Observable<readonly string[]> = this.state.pipe(
    map((s) => s.terms),
    distinctUntilChanged(sameTopicAlerts),
  );
  readonly terms = toSignal(this.terms$, { requireSync: true });
  readonly store = this.storeState.asReadonly();

  /**
   * Shows the agent's last known terms at once and refreshes them from the API. Returns the
   * terms in effect right away (synchronously known), so a first query need not wait.
   */
  load(): readonly string[] {
    const agentId = this.agentId();
    if (this.state.value.agentId !== agentId) {
      this.state.next({ agentId, terms: readLocal(agentId) });
      this.storeState.set('unknown');
    }
    if (this.storeState() !== 'browser') {
      const revision = this.revision;
      this.http.get<TopicAlertsResponse>(ENDPOINT, { context: this.context }).subscribe({
        next: (res) => {
          this.storeState.set('server');
          if (revision !== this.revision || this.agentId() !== agentId) return;
          this.apply(agentId, distinctTopicAlerts(res.topic_alerts ?? []));
        },
        error: (err: unknown) => {
          if (unsupported(err)) this.storeState.set('browser');
        },
      });
    }
    return this.state.value.terms;
  }

  /**
   * Remembers new terms (at once in the page and the browser, then on the profile). Emits the
   * terms as stored; errors only when the API refused them (e.g. a validation error).
   */
  save(terms: readonly string[]): Observable<readonly string[]> {
    const agentId = this.agentId();
    const next = distinctTopicAlerts(terms);
    const previous = this.state.value.terms;
    this.revision++;
    this.apply(agentId, next);
    if (this.storeState() === 'browser') return of(next);
    const revision = this.revision;
    return this.http
      .patch<TopicAlertsResponse>(ENDPOINT, { topic_alerts: next }, { context: this.context })
      .pipe(
        map((res) => distinctTopicAlerts(res.topic_alerts ?? next)),
        tap((stored) => {
          this.storeState.set('server');
          if (revision === this.revision) this.apply(agentId, stored);
        }),
        catchError((err: unknown) => {
          if (unsupported(err)) {
            this.storeState.set('browser');
            return of(next);
          }
          if (httpStatusOf(err) >= 400 && httpStatusOf(err) < 500 && revision === this.revision) {
            this.apply(agentId, previous);
          }
          return throwError(() => err);
        }),
      );
  }

  private apply(agentId: string, terms: readonly string[]): void {
    writeLocal(agentId, terms);
    const current = this.state.value;
    if (current.agentId === agentId && sameTopicAlerts(current.terms, terms)) return;
    this.state.next({ agentId, terms });
  }

  private agentId(): string {
    return this.auth.agent()?.id ?? 'anonymous';
  }
}
