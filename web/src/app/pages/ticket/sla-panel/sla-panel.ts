import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import type { SlaClock, SlaTicketSummary } from '../../../core/tickets/ticket-detail';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { RelativeTimePipe } from '../../../shared/relative-time.pipe';
import { secondsUntil, type SlaTone } from '../../../shared/sla';
import { SlaChip } from '../../../shared/sla-chip/sla-chip';

interface ClockView {
  key: 'first_response' | 'resolution';
  label: string;
  clock: SlaClock;
  remaining: number | null;
  tone: SlaTone;
  note: string | null;
  percent: number;
}

function toneOf(clock: SlaClock, remaining: number | null, paused: boolean, now: number): SlaTone {
  if (clock.completed_at) return clock.status === 'breached' ? 'danger' : 'met';
  if (clock.status === 'met') return 'met';
  if (clock.status === 'breached' || (remaining !== null && remaining <= 0)) return 'danger';
  if (paused || clock.paused || clock.status === 'paused') return 'paused';
  if (clock.status === 'warning' || now >= Date.parse(clock.warning_at)) return 'warn';
  return 'ok';
}

/** Both SLA clocks counting down live, with the policy applied and pause / resume. */
@Component({
  selector: 'app-sla-panel',
  imports: [DatePipe, HumanizePipe, MatButton, MatIcon, MatProgressBar, RelativeTimePipe, SlaChip],
  templateUrl: './sla-panel.html',
  styleUrl: './sla-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaPanel {
  readonly sla = input.required<SlaTicketSummary | null>();
  readonly now = input.required<number>();
  /** The agent may pause and resume (tickets:work). */
  readonly canChange = input(false);
  /** The ticket is resolved or closed: its clocks are stopped. */
  readonly resolved = input(false);
  readonly busy = input(false);
  readonly pauseClock = output<void>();
  readonly resumeClock = output<void>();

  protected readonly clocks = computed<ClockView[]>(() => {
    const sla = this.sla();
    if (!sla) return [];
    const now = this.now();
    const live = !sla.is_paused && sla.mode === 'wall-clock';
    return (
      [
        ['first_response', 'First reply', sla.first_response],
        ['resolution', 'Resolution', sla.resolution],
      ] as const
    ).map(([key, label, clock]) => {
      const running = !clock.completed_at && clock.status !== 'met';
      // Paused clocks and business-hours clocks do not run down with the wall clock here.
      const remaining = !running
        ? null
        : live
          ? secondsUntil(clock.deadline, now)
          : clock.remaining_seconds;
      const percent =
        running && live && remaining !== null && clock.target_seconds > 0
          ? 100 * (1 - remaining / clock.target_seconds)
          : clock.percent_used;
      return {
        key,
        label,
        clock,
        remaining,
        tone: toneOf(clock, remaining, sla.is_paused, now),
        note: clock.completed_at && clock.status === 'breached' ? 'met late' : null,
        percent: Math.max(0, Math.min(100, percent)),
      };
    });
  });
}
