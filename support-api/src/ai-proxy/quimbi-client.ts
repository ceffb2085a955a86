import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AxiosError, AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';

import { DomainError } from '@quimbi/server-kit';

import { APP_CONFIG, AppConfig } from '../config/app-config';

/** After this many consecutive failures the circuit opens and calls fail fast for a while. */
export const BREAKER_THRESHOLD = 5;
export const BREAKER_OPEN_MS = 30_000;
const MAX_RETRY_AFTER_MS = 10_000;
const BASE_BACKOFF_MS = 200;

export class UpstreamError extends DomainError {
  constructor(
    message: string,
    readonly upstreamStatus: number | null,
  ) {
    super(
      upstreamStatus === 404
        ? 'not_found'
        : upstreamStatus !== null && upstreamStatus < 500 && upstreamStatus !== 429
          ? 'bad_request'
          : 'upstream_unavailable',
      message,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `Retry-After` as seconds or an HTTP date, in milliseconds (bounded). */
export function retryAfterMs(header: unknown, now = Date.now()): number | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : null;
}

/**
 * The intelligence API client: a timeout per call, exponential backoff on 5xx and network
 * errors only, `Retry-After` honoured on 429, 4xx never retried, and a circuit breaker so a
 * service that is down is not hammered.
 */
@Injectable()
export class QuimbiClient {
  private readonly logger = new Logger(QuimbiClient.name);
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly http: HttpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get circuitOpen(): boolean {
    return Date.now() < this.openUntil;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    if (this.circuitOpen) {
      throw new UpstreamError('The intelligence API is unavailable (circuit open)', null);
    }
    const { baseUrl, apiKey, timeoutMs, maxRetries } = this.config.quimbi;
    let attempt = 0;
    for (;;) {
      let res: AxiosResponse<T> | null = null;
      let networkError: unknown = null;
      try {
        res = await firstValueFrom(
          this.http.request<T>({
            method,
            url: `${baseUrl}${path}`,
            data: body,
            timeout: timeoutMs,
            headers: { 'X-API-Key': apiKey ?? '', 'Content-Type': 'application/json' },
            validateStatus: () => true,
          }),
        );
      } catch (err) {
        networkError = err;
      }
      if (res && res.status < 400) {
        this.failures = 0;
        return res.data;
      }
      if (res && res.status >= 400 && res.status < 500 && res.status !== 429) {
        // The request itself is wrong (or the customer unknown): never retried, never a fault of the service.
        this.failures = 0;
        const message = (res.data as { message?: string } | undefined)?.message ?? `status ${res.status}`;
        throw new UpstreamError(`Intelligence API refused the request: ${message}`, res.status);
      }
      const retryable = attempt < maxRetries;
      if (!retryable) {
        this.recordFailure();
        const reason = res ? `status ${res.status}` : (networkError as AxiosError)?.code ?? String(networkError);
        throw new UpstreamError(`Intelligence API unavailable after ${attempt + 1} attempts (${reason})`, res?.status ?? null);
      }
      const wait =
        res?.status === 429
          ? (retryAfterMs(res.headers['retry-after']) ?? BASE_BACKOFF_MS * 2 ** attempt)
          : BASE_BACKOFF_MS * 2 ** attempt + Math.floor(Math.random() * BASE_BACKOFF_MS);
      attempt += 1;
      await sleep(wait);
    }
  }

  private recordFailure() {
    this.failures += 1;
    if (this.failures >= BREAKER_THRESHOLD) {
      this.openUntil = Date.now() + BREAKER_OPEN_MS;
      this.failures = 0;
      this.logger.warn(`Intelligence API failing; pausing calls for ${BREAKER_OPEN_MS / 1000}s`);
    }
  }
}
