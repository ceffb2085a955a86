import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

import type { TicketMessage } from '../../../core/tickets/ticket-detail';
import { RelativeTimePipe } from '../../../shared/relative-time.pipe';

export type MessageKind = 'customer' | 'reply' | 'note';

export function messageKind(m: TicketMessage): MessageKind {
  if (m.is_internal) return 'note';
  return m.from_agent ? 'reply' : 'customer';
}

const KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  customer: 'Customer',
  reply: 'Reply',
  note: 'Internal note',
};

const KIND_ICONS: Readonly<Record<MessageKind, string>> = {
  customer: 'person',
  reply: 'support_agent',
  note: 'sticky_note_2',
};

/**
 * The conversation, oldest first: customer messages, agent replies and internal notes, each
 * styled apart. Content is plain text (interpolated, never bound as HTML).
 */
@Component({
  selector: 'app-conversation',
  imports: [DatePipe, MatIcon, RelativeTimePipe],
  templateUrl: './conversation.html',
  styleUrl: './conversation.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Conversation {
  readonly messages = input.required<readonly TicketMessage[]>();
  /** Shown for customer messages without a sender name. */
  readonly customerName = input<string | null>(null);

  protected readonly items = computed(() =>
    this.messages().map((m) => {
      const kind = messageKind(m);
      return {
        message: m,
        kind,
        label: KIND_LABELS[kind],
        icon: KIND_ICONS[kind],
        author:
          m.from_name ?? (kind === 'customer' ? (this.customerName() ?? 'Customer') : 'Agent'),
      };
    }),
  );
}
