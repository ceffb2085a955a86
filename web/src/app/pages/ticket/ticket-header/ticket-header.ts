import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';

import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@quimbi/contracts';

import type { AgentDirectoryEntry } from '../../../core/agents/agents-directory';
import type { PresenceAgent } from '../../../core/presence/presence';
import type {
  TicketDetailAssignment,
  TicketDetailTicket,
} from '../../../core/tickets/ticket-detail';
import { CHANNEL_ICONS, CHANNEL_LABELS, PRIORITY_ICONS } from '../../../shared/display';
import { HumanizePipe } from '../../../shared/humanize.pipe';
import { PresenceAvatars } from '../presence-avatars/presence-avatars';

/** What the header is busy saving, to show progress and prevent double submits. */
export type HeaderBusy = 'status' | 'priority' | 'claim' | 'assign' | null;

/** Number, subject, status and priority, who holds the ticket, and who else is here. */
@Component({
  selector: 'app-ticket-header',
  imports: [
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    HumanizePipe,
    PresenceAvatars,
  ],
  templateUrl: './ticket-header.html',
  styleUrl: './ticket-header.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketHeader {
  readonly ticket = input.required<TicketDetailTicket>();
  readonly assignment = input<TicketDetailAssignment | null>(null);
  readonly selfId = input<string | null>(null);
  /** May change status and priority (tickets:work). */
  readonly canWork = input(false);
  /** May take an unassigned ticket (tickets:claim). */
  readonly canClaim = input(false);
  /** Agents to assign to; null hides the picker (no permission, or no agent list). */
  readonly agents = input<readonly AgentDirectoryEntry[] | null>(null);
  readonly viewers = input<readonly PresenceAgent[]>([]);
  readonly busy = input<HeaderBusy>(null);
  readonly statusChange = output<TicketStatus>();
  readonly priorityChange = output<Priority>();
  readonly claim = output<void>();
  readonly assign = output<AgentDirectoryEntry>();

  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityIcons = PRIORITY_ICONS;
  /** Follow the ticket, but show a choice at once (and snap back if it is refused). */
  protected readonly status = linkedSignal(() => this.ticket().status);
  protected readonly priority = linkedSignal(() => this.ticket().priority);
  protected readonly channelIcon = computed(() => CHANNEL_ICONS[this.ticket().channel] ?? 'help');
  protected readonly channelLabel = computed(
    () => CHANNEL_LABELS[this.ticket().channel] ?? this.ticket().channel,
  );
  protected readonly mine = computed(() => {
    const self = this.selfId();
    return self !== null && this.ticket().assigned_agent_id === self;
  });
  protected readonly assigneeName = computed(() => {
    if (this.mine()) return 'You';
    return this.assignment()?.agent_name ?? null;
  });

  protected chooseStatus(status: TicketStatus): void {
    this.status.set(status);
    if (status !== this.ticket().status) this.statusChange.emit(status);
  }

  protected choosePriority(priority: Priority): void {
    this.priority.set(priority);
    if (priority !== this.ticket().priority) this.priorityChange.emit(priority);
  }
}
