import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { Channel } from '@quimbi/contracts';
import { DomainError, ValidationError } from '@quimbi/server-kit';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TicketWorkflowService } from '../tickets/ticket-workflow.service';
import { InboundChatDto, InboundEmailDto, InboundSmsDto } from './inbound.dto';
import { verifySignature } from '../common/hmac-signature';

export type InboundChannel = 'email' | 'sms' | 'chat';

/** A conversation continues on the sender's latest open ticket of the channel within this window. */
const THREAD_WINDOW_DAYS = 7;

interface Normalised {
  channel: Channel;
  sender: { email?: string | null; phone?: string | null; name?: string | null };
  subject: string;
  text: string;
  ticketNumber: number | null;
  messageId?: string;
}

function subjectFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/**
 * Turns provider payloads into tickets or messages on the right ticket: by the ticket reference
 * ("[#123]" in an email subject, or a chat's ticket number), else the sender's recent open
 * ticket on the same channel, else a new ticket.
 */
@Injectable()
export class InboundService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflow: TicketWorkflowService,
  ) {}

  verify(channel: InboundChannel, signature?: string, timestamp?: string, rawBody?: Buffer): void {
    const secret = this.config.inboundSecrets[channel];
    if (!secret) throw new DomainError('upstream_unavailable', `Inbound ${channel} is not configured`);
    const result = verifySignature(secret, signature, timestamp, rawBody);
    if (!result.ok) throw new DomainError('invalid_signature', `Webhook rejected: ${result.reason}`);
  }

  receive(channel: 'email', dto: InboundEmailDto, requestId?: string): Promise<InboundResult>;
  receive(channel: 'sms', dto: InboundSmsDto, requestId?: string): Promise<InboundResult>;
  receive(channel: 'chat', dto: InboundChatDto, requestId?: string): Promise<InboundResult>;
  async receive(
    channel: InboundChannel,
    dto: InboundEmailDto | InboundSmsDto | InboundChatDto,
    requestId?: string,
  ): Promise<InboundResult> {
    const n = this.normalise(channel, dto);
    if (n.messageId) {
      const fresh = await this.db.query(
        `INSERT INTO idempotency_keys (key, scope, request_hash) VALUES ($1, $2, '-')
         ON CONFLICT DO NOTHING RETURNING key`,
        [n.messageId, `inbound:${channel}`],
      );
      if (fresh.length === 0) return { action: 'duplicate', ticket_id: null };
    }
    const existing = await this.findThread(n);
    if (existing) {
      await this.workflow.addCustomerMessage(
        existing,
        { content: n.text, fromName: n.sender.name, fromEmail: n.sender.email },
        requestId,
      );
      return { action: 'message_added', ticket_id: existing };
    }
    const created = await this.workflow.create(
      null,
      { customer: n.sender, channel: n.channel, subject: n.subject, message: n.text },
      { scope: `inbound:${channel}`, requestId },
    );
    return { action: 'ticket_created', ticket_id: created.body.ticket.id };
  }

  private normalise(channel: InboundChannel, dto: InboundEmailDto | InboundSmsDto | InboundChatDto): Normalised {
    if (channel === 'email') {
      const e = dto as InboundEmailDto;
      if (!e.from.email) throw new ValidationError([{ field: 'from.email', message: 'is required for email' }]);
      const ref = /\[#(\d+)\]/.exec(e.subject);
      return {
        channel,
        sender: { email: e.from.email, name: e.from.name },
        subject: e.subject.replace(/^\s*((re|fwd?):\s*)+/i, '').trim() || subjectFrom(e.text),
        text: e.text,
        ticketNumber: ref ? Number(ref[1]) : null,
        messageId: e.message_id,
      };
    }
    if (channel === 'sms') {
      const s = dto as InboundSmsDto;
      return {
        channel,
        sender: { phone: s.from.replace(/[ ().-]/g, '') },
        subject: subjectFrom(s.body),
        text: s.body,
        ticketNumber: null,
        messageId: s.message_id,
      };
    }
    const c = dto as InboundChatDto;
    if (!c.visitor.email && !c.visitor.phone) {
      throw new ValidationError([{ field: 'visitor', message: 'needs an email or a phone number' }]);
    }
    return {
      channel,
      sender: { email: c.visitor.email, phone: c.visitor.phone, name: c.visitor.name },
      subject: subjectFrom(c.message),
      text: c.message,
      ticketNumber: c.ticket_number ?? null,
      messageId: c.message_id,
    };
  }

  private async findThread(n: Normalised): Promise<string | null> {
    if (n.ticketNumber !== null) {
      const rows = await this.db.query<{ id: string }[]>(
        `SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id
          WHERE t.number = $1 AND t.deleted_at IS NULL
            AND (lower(c.email) = lower($2) OR c.phone = $3)`,
        [n.ticketNumber, n.sender.email ?? '', n.sender.phone ?? ''],
      );
      if (rows[0]) return rows[0].id;
    }
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id
        WHERE t.deleted_at IS NULL AND t.channel = $1 AND t.status <> 'closed'
          AND t.updated_at > now() - make_interval(days => $4)
          AND (lower(c.email) = lower($2) OR c.phone = $3)
        ORDER BY t.updated_at DESC LIMIT 1`,
      [n.channel, n.sender.email ?? '', n.sender.phone ?? '', THREAD_WINDOW_DAYS],
    );
    return rows[0]?.id ?? null;
  }
}

export interface InboundResult {
  action: 'ticket_created' | 'message_added' | 'duplicate';
  ticket_id: string | null;
}
