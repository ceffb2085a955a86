import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  AgentProfile,
  AgentStatus,
  LoginRequest,
  LoginResponse,
  Permission,
} from '@quimbi/contracts';
import { catchError, finalize, map, Observable, of, shareReplay, tap } from 'rxjs';
import { ANONYMOUS_REQUEST, SKIP_SESSION_END } from './auth-context';

export const TOKEN_STORAGE_KEY = 'quimbi.access_token';
export const TOKEN_EXPIRY_STORAGE_KEY = 'quimbi.access_token_expires_at';

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';
export const SESSION_EXPIRED_NOTICE = 'Your session expired. Please sign in again.';

interface StoredSession {
  token: string;
  expiresAt: number | null;
}

function readStoredSession(): StoredSession | null {
  try {
    const token = localStorage.getItem(TOKEN_STORAGE_KEY);
    if (!token) return null;
    const expiry = Date.parse(localStorage.getItem(TOKEN_EXPIRY_STORAGE_KEY) ?? '');
    return { token, expiresAt: Number.isNaN(expiry) ? null : expiry };
  } catch {
    return null;
  }
}

function writeStoredSession(token: string, expiresAt: string): void {
  try {
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
    localStorage.setItem(TOKEN_EXPIRY_STORAGE_KEY, expiresAt);
  } catch {
    // Storage unavailable (private mode, quota): the session lives in memory only.
  }
}

function clearStoredSession(): void {
  try {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    localStorage.removeItem(TOKEN_EXPIRY_STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/**
 * Data access and state for the signed-in agent: sign-in/out, the bearer token (kept in
 * localStorage), the agent's profile and permissions, and their availability status.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly session = signal<StoredSession | null>(readStoredSession());
  private readonly currentAgent = signal<AgentProfile | null>(null);
  private readonly currentNotice = signal<string | null>(null);
  private profileRequest: Observable<AgentProfile> | null = null;

  /** The signed-in agent, once known (after sign-in or the first GET /api/agents/me). */
  readonly agent = this.currentAgent.asReadonly();
  /** Why the agent was sent back to the sign-in page, if they did not choose to. */
  readonly notice = this.currentNotice.asReadonly();
  readonly permissions = computed<readonly string[]>(() => this.currentAgent()?.permissions ?? []);

  /** The bearer token, or null when there is none or it has expired (which ends the session). */
  token(): string | null {
    const session = this.session();
    if (!session) return null;
    if (session.expiresAt !== null && session.expiresAt <= Date.now()) {
      this.clearSession();
      this.currentNotice.set(SESSION_EXPIRED_NOTICE);
      return null;
    }
    return session.token;
  }

  hasPermission(permission: Permission | string): boolean {
    return this.permissions().includes(permission);
  }

  login(credentials: LoginRequest): Observable<AgentProfile> {
    return this.http
      .post<LoginResponse>('/api/agents/login', credentials, {
        context: new HttpContext().set(ANONYMOUS_REQUEST, true),
      })
      .pipe(
        tap((res) => {
          writeStoredSession(res.access_token, res.expires_at);
          const expiry = Date.parse(res.expires_at);
          this.session.set({
            token: res.access_token,
            expiresAt: Number.isNaN(expiry) ? null : expiry,
          });
          this.currentAgent.set(res.agent);
          this.currentNotice.set(null);
        }),
        map((res) => res.agent),
      );
  }

  /** Revokes the token server-side when possible; the local session is cleared regardless. */
  logout(): Observable<void> {
    const revoke: Observable<unknown> = this.token()
      ? this.http
          .post<void>('/api/agents/logout', null, {
            context: new HttpContext().set(SKIP_SESSION_END, true),
          })
          .pipe(catchError(() => of(null)))
      : of(null);
    return revoke.pipe(
      map(() => {
        this.clearSession();
        this.currentNotice.set(null);
      }),
    );
  }

  /** The agent's profile, fetched once per page load and shared by concurrent callers. */
  ensureProfile(): Observable<AgentProfile> {
    const agent = this.currentAgent();
    if (agent) return of(agent);
    if (!this.profileRequest) {
      this.profileRequest = this.http.get<AgentProfile>('/api/agents/me').pipe(
        tap((profile) => this.currentAgent.set(profile)),
        finalize(() => (this.profileRequest = null)),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
    }
    return this.profileRequest;
  }

  updateStatus(status: AgentStatus): Observable<AgentProfile> {
    return this.http
      .patch<AgentProfile>('/api/agents/me/status', { status })
      .pipe(tap((profile) => this.currentAgent.set(profile)));
  }

  /** Shows a message on the sign-in page (e.g. the server could not be reached). */
  setNotice(message: string | null): void {
    this.currentNotice.set(message);
  }

  /**
   * The server no longer accepts the token (signed out elsewhere, expired, deactivated):
   * forget it and send the agent to sign in, coming back where they were afterwards.
   */
  endSession(notice: string = SESSION_ENDED_NOTICE): void {
    const hadSession = this.session() !== null;
    this.clearSession();
    this.currentNotice.set(notice);
    const current = this.router.url;
    if (!hadSession && current.startsWith('/login')) return;
    const returnUrl = current && current !== '/' && !current.startsWith('/login') ? current : null;
    void this.router.navigate(['/login'], { queryParams: returnUrl ? { returnUrl } : {} });
  }

  private clearSession(): void {
    clearStoredSession();
    this.session.set(null);
    this.currentAgent.set(null);
    this.profileRequest = null;
  }
}
