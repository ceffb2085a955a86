import {
  CdkConnectedOverlay,
  CdkOverlayOrigin,
  type ConnectedPosition,
} from '@angular/cdk/overlay';
import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

import type { ScoreBreakdown as Breakdown } from '@quimbi/contracts';

import { ScoreBreakdown } from '../score-breakdown/score-breakdown';

/** The breakdown of the one ticket whose popover is open. */
export type BreakdownState =
  | { ticketId: string; status: 'loading' }
  | { ticketId: string; status: 'ready'; breakdown: Breakdown }
  | { ticketId: string; status: 'error'; message: string };

let nextId = 0;

/** A ticket's smart score; activating it shows why (a popover with the score's components). */
@Component({
  selector: 'app-score-chip',
  imports: [
    CdkOverlayOrigin,
    CdkConnectedOverlay,
    DecimalPipe,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    ScoreBreakdown,
  ],
  templateUrl: './score-chip.html',
  styleUrl: './score-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreChip {
  readonly score = input.required<number>();
  /** The breakdown to show; the popover is open while this is set. */
  readonly state = input<BreakdownState | null>(null);
  readonly toggled = output<void>();
  readonly closed = output<void>();
  readonly retry = output<void>();

  protected readonly breakdown = computed(() => {
    const s = this.state();
    return s?.status === 'ready' ? s.breakdown : null;
  });
  protected readonly errorMessage = computed(() => {
    const s = this.state();
    return s?.status === 'error' ? s.message : null;
  });
  protected readonly popoverId = `score-breakdown-${nextId++}`;
  protected readonly positions: ConnectedPosition[] = [
    { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 6 },
    { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -6 },
  ];

  protected outsideClick(event: MouseEvent, origin: HTMLElement): void {
    // A click on the chip itself toggles; anything else outside closes.
    if (event.target instanceof Node && origin.contains(event.target)) return;
    this.closed.emit();
  }

  protected overlayKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closed.emit();
    }
  }
}
