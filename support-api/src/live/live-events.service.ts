import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { filter, Observable, Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REDIS } from '../infra/tokens';
import { NotificationEvents } from '../notifications/notification-events';
import { SlaEvents } from '../sla/sla-events';
import { TicketEvents } from '../tickets/ticket-events';

export interface LiveEvent {
  type: string;
  ticketId: string;
  /** Who the ticket is assigned to, for visibility; null when unassigned. */
  assignedAgentId: string | null;
  /** Set on events meant for one agent only (their notifications). */
  recipientAgentId?: string;
  at: string;
  data?: Record<string, unknown>;
}

interface Envelope {
  origin: string;
  event: LiveEvent;
}

/**
 * One stream of live events for the console. With Redis every process publishes to and reads
 * from one channel, so an SLA breach recorded by a worker reaches agents connected to any API
 * process; without Redis the stream is in-process.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsService.name);
  private readonly subject = new Subject<LiveEvent>();
  private readonly origin = randomUUID();
  private readonly subscriptions: Subscription[] = [];
  private subscriber: Redis | null = null;
  private readonly channel: string;

  readonly events$: Observable<LiveEvent> = this.subject.asObservable();

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketEvents,
    private readonly sla: SlaEvents,
    private readonly notifications: NotificationEvents,
  ) {
    this.channel = `${config.queuePrefix}:live-events`;
  }

  async onModuleInit(): Promise<void> {
    if (this.redis) {
      this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      this.subscriber.on('message', (_channel: string, payload: string) => {
        try {
          const envelope = JSON.parse(payload) as Envelope;
          this.subject.next(envelope.event);
        } catch (err) {
          this.logger.warn(`Ignoring a malformed live event: ${String(err)}`);
        }
      });
      await this.subscriber.subscribe(this.channel).catch((err: unknown) => {
        this.logger.warn(`Live events fall back to this process only: ${String(err)}`);
      });
    }
    this.subscriptions.push(
      this.tickets.events$.subscribe((e) => void this.publish(e)),
      this.sla.events$.subscribe((e) => void this.publishSla(e.type, e.ticketId, e.clock, e.deadline, e.at)),
      this.notifications.events$.subscribe(
        (e) =>
          void this.publish({
            type: 'notification.created',
            ticketId: e.notification.ticket_id ?? '',
            assignedAgentId: null,
            recipientAgentId: e.recipientAgentId,
            at: e.notification.created_at,
            data: { notification: e.notification },
          }),
      ),
    );
  }

  async publish(event: LiveEvent): Promise<void> {
    if (this.redis && this.subscriber?.status === 'ready') {
      try {
        await this.redis.publish(this.channel, JSON.stringify({ origin: this.origin, event } satisfies Envelope));
        return;
      } catch (err) {
        this.logger.warn(`Publishing a live event through Redis failed: ${String(err)}`);
      }
    }
    this.subject.next(event);
  }

  /**
   * Events a given agent may see: all of them, or only unassigned tickets and their own; events
   * addressed to one agent reach that agent only.
   */
  visibleTo(agentId: string, seesAll: boolean): Observable<LiveEvent> {
    return this.events$.pipe(
      filter(
        (e) =>
          e.recipientAgentId !== undefined
            ? e.recipientAgentId === agentId
            : seesAll ||
          e.assignedAgentId === null ||
          e.assignedAgentId === agentId ||
          // An agent hears that a ticket left their view: taken from them, or from the unassigned pool.
          (e.data !== undefined &&
            'previous_agent_id' in e.data &&
            (e.data['previous_agent_id'] === agentId || e.data['previous_agent_id'] === null)),
      ),
    );
  }

  private async publishSla(type: string, ticketId: string, clock: string, deadline: Date, at: Date) {
    const rows = await this.db
      .query<{ assigned_agent_id: string | null }[]>(`SELECT assigned_agent_id FROM tickets WHERE id = $1`, [ticketId])
      .catch(() => []);
    await this.publish({
      type,
      ticketId,
      assignedAgentId: rows[0]?.assigned_agent_id ?? null,
      at: at.toISOString(),
      data: { clock, deadline: deadline.toISOString() },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subject.complete();
    await this.subscriber?.quit().catch(() => undefined);
  }
}
