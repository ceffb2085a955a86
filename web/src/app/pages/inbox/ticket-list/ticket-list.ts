import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  model,
  output,
} from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { TicketListItem } from '@quimbi/contracts';

import {
  CHANNEL_ICONS,
  CHANNEL_LABELS,
  churnLevel,
  PRIORITY_ICONS,
  SENTIMENT_ICONS,
  sentimentMood,
  type ChurnLevel,
  type SentimentMood,
} from '../../../shared/display';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { RelativeTimePipe } from '../../../shared/relative-time.pipe';
import { countdownTone, secondsUntil, type SlaTone } from '../../../shared/sla';
import { SlaChip } from '../../../shared/sla-chip/sla-chip';
import { ScoreChip, type BreakdownState } from '../score-chip/score-chip';

interface SlaCountdown {
  clock: 'first_response' | 'resolution' | 'sla';
  label: string;
  remaining: number | null;
  tone: SlaTone;
  deadline: string | null;
}

interface TicketRow {
  ticket: TicketListItem;
  domId: string;
  channelIcon: string;
  channelLabel: string;
  priorityIcon: string;
  mood: SentimentMood | null;
  moodIcon: string | null;
  churn: ChurnLevel;
  sla: SlaCountdown[];
}

/** Focus in these takes the keys for itself (typing, choosing). */
function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = el.getAttribute('role');
  return role === 'combobox' || role === 'listbox' || role === 'option' || role === 'menuitem';
}

/** Enter on these already does something (press a button, follow a link). */
function isActionable(el: Element | null): boolean {
  return el instanceof HTMLElement && (el.tagName === 'BUTTON' || el.tagName === 'A');
}

function slaCountdowns(ticket: TicketListItem, now: number): SlaCountdown[] {
  const sla = ticket.sla;
  if (!sla) return [];
  if (sla.is_paused || sla.status === 'paused') {
    return [{ clock: 'sla', label: 'SLA', remaining: null, tone: 'paused', deadline: null }];
  }
  const clocks = [
    {
      clock: 'first_response' as const,
      label: 'First reply',
      deadline: sla.first_response_deadline,
    },
    { clock: 'resolution' as const, label: 'Resolve', deadline: sla.resolution_deadline },
  ].flatMap((c) => {
    const remaining = secondsUntil(c.deadline, now);
    return remaining === null ? [] : [{ ...c, remaining }];
  });
  if (clocks.length === 0) {
    return sla.status === 'met'
      ? [{ clock: 'sla', label: 'SLA', remaining: null, tone: 'met', deadline: null }]
      : [];
  }
  // The API flags the ticket as a whole; the flag belongs to the clock closest to its deadline.
  const nearest = clocks.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  const flag = sla.status === 'warning' || sla.status === 'breached' ? sla.status : null;
  return clocks.map((c) => ({
    ...c,
    tone: countdownTone(c.remaining, c === nearest ? flag : null),
  }));
}

/**
 * The ordered ticket list (a grid of rows): each row links to its ticket. `j`/`k` move the
 * selection, Enter opens the selected ticket; the score opens a breakdown popover.
 */
@Component({
  selector: 'app-ticket-list',
  imports: [
    RouterLink,
    MatIcon,
    DatePipe,
    DecimalPipe,
    PercentPipe,
    HumanizePipe,
    RelativeTimePipe,
    SlaChip,
    ScoreChip,
  ],
  templateUrl: './ticket-list.html',
  styleUrl: './ticket-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class TicketList {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly tickets = input.required<readonly TicketListItem[]>();
  /** Current time (ms), for the SLA countdowns. */
  readonly now = input<number>(Date.now());
  /** The breakdown popover's state, for the ticket it is open on. */
  readonly breakdown = input<BreakdownState | null>(null);
  /** The selected ticket; the first ticket when unset or gone. */
  readonly selectedId = model<string | null>(null);
  readonly opened = output<TicketListItem>();
  readonly breakdownToggled = output<TicketListItem>();
  readonly breakdownClosed = output<string>();
  readonly breakdownRetry = output<TicketListItem>();

  protected readonly rows = computed<TicketRow[]>(() => {
    const now = this.now();
    return this.tickets().map((ticket) => {
      const mood = typeof ticket.sentiment === 'number' ? sentimentMood(ticket.sentiment) : null;
      return {
        ticket,
        domId: `ticket-row-${ticket.id}`,
        channelIcon: CHANNEL_ICONS[ticket.channel] ?? 'help',
        channelLabel: CHANNEL_LABELS[ticket.channel] ?? ticket.channel,
        priorityIcon: PRIORITY_ICONS[ticket.priority] ?? 'drag_handle',
        mood,
        moodIcon: mood ? SENTIMENT_ICONS[mood] : null,
        churn: churnLevel(ticket.customer_churn_risk ?? 0),
        sla: slaCountdowns(ticket, now),
      };
    });
  });

  /** The id actually selected: the chosen one while listed, else the top ticket. */
  protected readonly activeId = computed(() => {
    const tickets = this.tickets();
    const chosen = this.selectedId();
    if (chosen && tickets.some((t) => t.id === chosen)) return chosen;
    return tickets[0]?.id ?? null;
  });

  protected readonly activeDomId = computed(() => {
    const id = this.activeId();
    return id ? `ticket-row-${id}` : null;
  });

  protected select(ticket: TicketListItem): void {
    this.selectedId.set(ticket.id);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (isEditable(target) || this.inOverlay(target)) return;
    const key = event.key;
    const inGrid = target !== null && this.host.nativeElement.contains(target);
    if (key === 'j' || key === 'k' || (inGrid && (key === 'ArrowDown' || key === 'ArrowUp'))) {
      event.preventDefault();
      this.move(key === 'j' || key === 'ArrowDown' ? 1 : -1);
    } else if (key === 'Enter' && !isActionable(target)) {
      const ticket = this.tickets().find((t) => t.id === this.activeId());
      if (ticket) {
        event.preventDefault();
        this.opened.emit(ticket);
      }
    }
  }

  private move(step: 1 | -1): void {
    const tickets = this.tickets();
    if (tickets.length === 0) return;
    const current = tickets.findIndex((t) => t.id === this.activeId());
    const next = Math.min(tickets.length - 1, Math.max(0, current + step));
    this.selectedId.set(tickets[next].id);
    const id = tickets[next].id;
    const row = Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>('[data-ticket-id]'),
    ).find((r) => r.dataset['ticketId'] === id);
    if (row instanceof HTMLElement && typeof row.scrollIntoView === 'function') {
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  private inOverlay(target: Element | null): boolean {
    return target?.closest('.cdk-overlay-container') != null;
  }
}
