import { InjectionToken } from '@angular/core';

/** The part of a streamed response body the live client reads. */
export interface LiveStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | string }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The part of a `fetch` Response the live client needs. */
export interface LiveResponse {
  ok: boolean;
  status: number;
  body: { getReader(): LiveStreamReader } | null;
}

export type LiveFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; cache?: RequestCache },
) => Promise<LiveResponse>;

/**
 * How the live client opens its stream: the browser's `fetch` (EventSource cannot send the
 * bearer header). Replaced in tests.
 */
export const LIVE_FETCH = new InjectionToken<LiveFetch>('LIVE_FETCH', {
  providedIn: 'root',
  factory: () => (url, init) => globalThis.fetch(url, init) as Promise<LiveResponse>,
});

/** How long the stream lingers, and reconnection delays: exponential from `baseMs` up to `maxMs`, with jitter. */
export interface LiveTiming {
  /** How long the stream stays open after its last listener left (page to page navigation). */
  lingerMs: number;
  baseMs: number;
  maxMs: number;
  /** While the endpoint answers 403/404 (not deployed or not allowed). */
  unavailableMs: number;
  /** 0 … 1: share of each delay that is randomised. */
  jitter: number;
}

export const LIVE_TIMING = new InjectionToken<LiveTiming>('LIVE_TIMING', {
  providedIn: 'root',
  factory: () => ({
    lingerMs: 5_000,
    baseMs: 1_000,
    maxMs: 30_000,
    unavailableMs: 60_000,
    jitter: 0.2,
  }),
});
