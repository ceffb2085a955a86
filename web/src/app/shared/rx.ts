import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Like `debounceTime(dueMs)`, but a steady stream still lets a value through at least every
 * `maxWaitMs`: live refreshes settle after a burst without starving during a busy spell.
 */
export function debounceWithMaxWait<T>(
  dueMs: number,
  maxWaitMs: number,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let pending: { value: T } | null = null;
      let dueTimer: ReturnType<typeof setTimeout> | null = null;
      let maxTimer: ReturnType<typeof setTimeout> | null = null;
      const clear = () => {
        if (dueTimer) clearTimeout(dueTimer);
        if (maxTimer) clearTimeout(maxTimer);
        dueTimer = maxTimer = null;
      };
      const flush = () => {
        clear();
        if (pending) {
          const { value } = pending;
          pending = null;
          subscriber.next(value);
        }
      };
      const sub = source.subscribe({
        next: (value) => {
          pending = { value };
          if (dueTimer) clearTimeout(dueTimer);
          dueTimer = setTimeout(flush, dueMs);
          maxTimer ??= setTimeout(flush, maxWaitMs);
        },
        error: (err: unknown) => {
          clear();
          subscriber.error(err);
        },
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        clear();
        sub.unsubscribe();
      };
    });
}
