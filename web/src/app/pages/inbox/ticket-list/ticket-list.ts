import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { TicketListItem } from '@quimbi/contracts';
import {
  CHANNEL_ICONS,
  CHANNEL_LABELS,
  PRIORITY_ICONS,
  SENTIMENT_ICONS,
  sentimentMood,
  type SentimentMood,
} from '../../../shared/display';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { RelativeTimePipe } from '../../../shared/relative-time.pipe';

interface TicketRow {
  ticket: TicketListItem;
  channelIcon: string;
  channelLabel: string;
  priorityIcon: string;
  mood: SentimentMood | null;
  moodIcon: string | null;
  sla: 'warning' | 'breached' | null;
}

/** The ordered ticket list; each row links to its ticket. */
@Component({
  selector: 'app-ticket-list',
  imports: [RouterLink, MatIcon, MatTooltip, DatePipe, DecimalPipe, HumanizePipe, RelativeTimePipe],
  templateUrl: './ticket-list.html',
  styleUrl: './ticket-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketList {
  readonly tickets = input.required<readonly TicketListItem[]>();

  protected readonly rows = computed<TicketRow[]>(() =>
    this.tickets().map((ticket) => {
      const mood = typeof ticket.sentiment === 'number' ? sentimentMood(ticket.sentiment) : null;
      const slaStatus = ticket.sla?.status;
      return {
        ticket,
        channelIcon: CHANNEL_ICONS[ticket.channel] ?? 'help',
        channelLabel: CHANNEL_LABELS[ticket.channel] ?? ticket.channel,
        priorityIcon: PRIORITY_ICONS[ticket.priority] ?? 'drag_handle',
        mood,
        moodIcon: mood ? SENTIMENT_ICONS[mood] : null,
        sla: slaStatus === 'warning' || slaStatus === 'breached' ? slaStatus : null,
      };
    }),
  );
}
