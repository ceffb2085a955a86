import { Injectable } from '@nestjs/common';

import type { Intent } from '@quimbi/contracts';
import { analyzeMessage, analyzeTicket } from '@quimbi/text';

export interface DerivationInput {
  subject: string;
  messages: { text: string; at: Date; fromCustomer: boolean; isInternal: boolean }[];
}

export interface Derived {
  sentiment: number;
  intent: Intent;
  difficulty: number;
  /** Subject and customer messages: what topic alerts match against (full-text indexed). */
  searchText: string;
  /** Per input message, in order; null for agent messages. */
  messages: ({ sentiment: number; intent: Intent } | null)[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * What a ticket's text tells us: sentiment, intent and difficulty (from the text library) and the
 * text that topic alerts search. One mechanism for new tickets, new messages, imports and seeds.
 */
@Injectable()
export class TicketDerivations {
  derive(input: DerivationInput): Derived {
    const customer = input.messages.filter((m) => m.fromCustomer && !m.isInternal);
    const ticket = analyzeTicket(
      customer.map((m) => ({ text: m.text, at: m.at, fromCustomer: true })),
      { subject: input.subject },
    );
    return {
      sentiment: round2(ticket.sentiment),
      intent: ticket.intent,
      difficulty: round2(ticket.difficulty),
      searchText: [input.subject, ...customer.map((m) => m.text)].join('\n'),
      messages: input.messages.map((m) => {
        if (!m.fromCustomer || m.isInternal) return null;
        const a = analyzeMessage(m.text);
        return { sentiment: round2(a.sentiment), intent: a.intent };
      }),
    };
  }
}
