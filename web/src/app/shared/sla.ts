/** How an SLA countdown is coloured. */
export type SlaTone = 'ok' | 'warn' | 'danger' | 'paused' | 'met';

/** Below this much time left a running clock turns to the warning colour. */
export const SLA_WARN_SECONDS = 30 * 60;

/**
 * A countdown as agents read it: `2d 4h`, `1h 05m`, `12m`, `<1m`; with `seconds`, `12m 05s`
 * under an hour. Negative durations read as overdue by the same amount.
 */
export function formatDuration(totalSeconds: number, opts: { seconds?: boolean } = {}): string {
  const s = Math.floor(Math.abs(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (opts.seconds) return minutes > 0 ? `${minutes}m ${pad(secs)}s` : `${secs}s`;
  return minutes > 0 ? `${minutes}m` : '<1m';
}

/** Seconds from `now` until `deadline` (negative once past); null without a deadline. */
export function secondsUntil(deadline: string | null | undefined, now: number): number | null {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  return Number.isNaN(at) ? null : Math.round((at - now) / 1000);
}

/** The colour of a running countdown from the time left and whether the API flags a risk. */
export function countdownTone(
  remainingSeconds: number,
  flagged: 'warning' | 'breached' | null = null,
): SlaTone {
  if (remainingSeconds <= 0 || flagged === 'breached') return 'danger';
  if (remainingSeconds <= SLA_WARN_SECONDS || flagged === 'warning') return 'warn';
  return 'ok';
}
