import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

import { formatDuration, type SlaTone } from '../sla';

const ICONS: Readonly<Record<SlaTone, string>> = {
  ok: 'timer',
  warn: 'timer',
  danger: 'alarm',
  paused: 'pause_circle',
  met: 'check_circle',
};

/** One SLA countdown ("First reply 42m", "Resolve overdue 1h 05m", "paused"), coloured by tone. */
@Component({
  selector: 'app-sla-chip',
  imports: [MatIcon, DatePipe],
  template: `
    <span
      class="chip"
      data-testid="sla-chip"
      [attr.data-tone]="tone()"
      [attr.data-clock]="clock()"
      [attr.title]="deadline() ? label() + ' due ' + (deadline() | date: 'medium') : null"
    >
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <span class="label">{{ label() }}</span>
      <span class="value">{{ text() }}</span>
    </span>
  `,
  styleUrl: './sla-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaChip {
  /** e.g. "First reply", "Resolve". */
  readonly label = input.required<string>();
  /** `first_response` or `resolution`, exposed as `data-clock`. */
  readonly clock = input<string | null>(null);
  /** Seconds left; negative once overdue; ignored when paused or met. */
  readonly remainingSeconds = input<number | null>(null);
  readonly tone = input.required<SlaTone>();
  readonly deadline = input<string | null>(null);
  /** Show seconds under an hour (the ticket page ticks every second). */
  readonly showSeconds = input(false);
  /** Replaces the countdown (e.g. "met late" for a clock completed after its deadline). */
  readonly note = input<string | null>(null);

  protected readonly icon = computed(() => ICONS[this.tone()]);
  protected readonly text = computed(() => {
    const note = this.note();
    if (note) return note;
    const tone = this.tone();
    if (tone === 'paused') return 'paused';
    if (tone === 'met') return 'met';
    const remaining = this.remainingSeconds();
    if (remaining === null) return '—';
    const d = formatDuration(remaining, { seconds: this.showSeconds() });
    return remaining < 0 ? `overdue ${d}` : d;
  });
}
