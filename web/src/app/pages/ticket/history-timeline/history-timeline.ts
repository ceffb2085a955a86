import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

import { RelativeTimePipe } from '../../../shared/relative-time.pipe';
import type { TimelineItem } from './timeline';

/** What happened to the ticket, oldest first, with loading / empty / error states. */
@Component({
  selector: 'app-history-timeline',
  imports: [DatePipe, MatButton, MatIcon, MatProgressSpinner, RelativeTimePipe],
  templateUrl: './history-timeline.html',
  styleUrl: './history-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryTimeline {
  /** null while loading. */
  readonly items = input.required<readonly TimelineItem[] | null>();
  readonly error = input<string | null>(null);
  readonly retry = output<void>();
}
