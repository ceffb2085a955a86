import { DestroyRef, inject, Signal, signal } from '@angular/core';

/**
 * The current time (ms) as a signal refreshed every `periodMs`, for countdowns. Call in an
 * injection context; the timer stops with the component.
 */
export function nowSignal(periodMs: number): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
