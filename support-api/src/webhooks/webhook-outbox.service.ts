import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable, Subject } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';

import { JobName } from '@quimbi/contracts';
import { ConflictError, NotFoundError } from '@quimbi/server-kit';

import { sign } from '../common/hmac-signature';
import { APP_CONFIG, AppConfig, SlaWebhookConfig } from '../config/app-config';
import { rowsOf } from '../database/rows';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobQueue } from '../jobs/job-queue';
import { nextDelayMs } from './webhook-backoff';
import {
  DeliveriesQuery,
  DeliveriesView,
  DeliveryRunResult,
  DeliveryStatus,
  DeliveryView,
} from './webhooks.dto';

/** One SLA mark to announce. */
export interface MarkNotice {
  ticketId: string;
  clock: 'first_response' | 'resolution';
  deadline: Date;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed';

interface DeliveryRow {
  id: string;
  event_type: string;
  ticket_id: string | null;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
  delivered_at: Date | null;
}

interface ClaimedRow {
  id: string;
  event_type: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Deliveries claimed per round, sent concurrently. */
const CLAIM_BATCH = 20;
/** Rounds per run, so one run ends even while new deliveries keep arriving. */
const MAX_ROUNDS = 50;
/** How long a claimed delivery stays with its sender beyond the request timeout. */
const LEASE_GRACE_MS = 30_000;
/** A kick while one waits is enough. */
const KICK_JOB_ID = 'webhooks-deliver-now';

const DELIVERY_COLUMNS = `id, event_type, ticket_id, status, attempts, max_attempts, last_status_code,
  last_error, CASE WHEN status = 'pending' THEN next_attempt_at END AS next_attempt_at, created_at,
  delivered_at`;

function toView(row: DeliveryRow): DeliveryView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    event_type: row.event_type,
    ticket_id: row.ticket_id,
    status: row.status,
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    next_attempt_at: iso(row.next_attempt_at),
    created_at: new Date(row.created_at).toISOString(),
    delivered_at: iso(row.delivered_at),
  };
}

/** The receiver's address without credentials or query, safe to show. */
function displayUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * SLA warnings and breaches sent to another system as signed webhooks, through an outbox: the
 * delivery row is written in the transaction that records the mark, and the `webhooks:deliver`
 * job sends what is due. A claimed delivery carries a lease (its next attempt time), so a sender
 * that dies mid-request leaves it to be sent again once the lease runs out; receivers deduplicate
 * on `X-Quimbi-Delivery`. Failed attempts are retried with exponential backoff up to
 * `SLA_WEBHOOK_MAX_ATTEMPTS`, then the delivery is marked failed for ops to retry.
 */
@Injectable()
export class WebhookOutbox implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookOutbox.name);
  private readonly webhook?: SlaWebhookConfig;
  private readonly outcomesSubject = new Subject<DeliveryOutcome>();
  /** Each attempt's outcome, for metrics. */
  readonly outcomes$: Observable<DeliveryOutcome> = this.outcomesSubject.asObservable();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jobs: JobQueue,
  ) {
    this.webhook = config.slaWebhook;
  }

  get configured(): boolean {
    return this.webhook !== undefined;
  }

  /** A sweep picks up retries that come due and anything a kick missed. */
  onApplicationBootstrap(): void {
    if (!this.webhook) return;
    const everyMs = this.webhook.sweepIntervalMs;
    this.jobs.schedule(JobName.WebhooksDeliver, { everyMs }, {}).then(
      () => this.logger.log(`Webhook deliveries swept every ${everyMs} ms`),
      (err: unknown) => this.logger.error(`Could not schedule webhook deliveries: ${String(err)}`),
    );
  }

  /** Inside the transaction that records the marks: one delivery per mark. */
  async recordMarks(
    m: EntityManager,
    type: 'sla.warning' | 'sla.breached',
    marks: readonly MarkNotice[],
    recordedAt: Date,
  ): Promise<number> {
    if (!this.webhook || marks.length === 0) return 0;
    const result = await m.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (id, event_type, ticket_id, max_attempts, payload)
       SELECT m.id, $1::text, t.id, $2::int,
              jsonb_build_object(
                'id', m.id, 'type', $1::text, 'created_at', $3::timestamptz,
                'data', jsonb_build_object(
                  'ticket_id', t.id, 'ticket_number', t.number, 'subject', t.subject,
                  'status', t.status, 'priority', t.priority, 'channel', t.channel,
                  'clock', m.clock, 'deadline', m.deadline,
                  'assigned_agent_id', t.assigned_agent_id, 'team_id', t.team_id,
                  'customer', jsonb_build_object('id', c.id, 'name', c.name, 'email', c.email)))
         FROM (SELECT gen_random_uuid()::text AS id, u.*
                 FROM unnest($4::text[], $5::text[], $6::timestamptz[]) AS u(ticket_id, clock, deadline)) m
         JOIN tickets t ON t.id = m.ticket_id
         JOIN customers c ON c.id = t.customer_id
       RETURNING id`,
      [
        type,
        this.webhook.maxAttempts,
        recordedAt.toISOString(),
        marks.map((x) => x.ticketId),
        marks.map((x) => x.clock),
        marks.map((x) => x.deadline.toISOString()),
      ],
    );
    return result.length;
  }

  /** After the commit: have the deliveries sent now rather than at the next sweep. */
  async kick(): Promise<void> {
    if (!this.webhook) return;
    try {
      await this.jobs.enqueue(JobName.WebhooksDeliver, {}, { jobId: KICK_JOB_ID });
    } catch (err) {
      // The sweep will send them.
      this.logger.warn(`Could not queue webhook deliveries now: ${String(err)}`);
    }
  }

  @JobHandler(JobName.WebhooksDeliver)
  async deliverDue(): Promise<DeliveryRunResult> {
    const totals: DeliveryRunResult = { delivered: 0, retrying: 0, failed: 0 };
    const webhook = this.webhook;
    if (!webhook) return totals;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await this.claim(webhook);
      const outcomes = await Promise.all(claimed.map((row) => this.attempt(webhook, row)));
      for (const outcome of outcomes) totals[outcome] += 1;
      if (claimed.length < CLAIM_BATCH) break;
    }
    if (totals.delivered + totals.retrying + totals.failed > 0) {
      this.logger.log(
        `Webhooks: ${totals.delivered} delivered, ${totals.retrying} to retry, ${totals.failed} failed`,
      );
    }
    return totals;
  }

  async list(query: DeliveriesQuery): Promise<DeliveriesView> {
    const [rows, counts] = await Promise.all([
      this.db.query<DeliveryRow[]>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
          WHERE $1::text IS NULL OR status = $1
          ORDER BY created_at DESC, id LIMIT $2`,
        [query.status ?? null, query.limit],
      ),
      this.db.query<{ status: DeliveryStatus; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`,
      ),
    ]);
    const count = (s: DeliveryStatus) => counts.find((c) => c.status === s)?.n ?? 0;
    return {
      configured: this.configured,
      url: this.webhook ? displayUrl(this.webhook.url) : null,
      counts: { pending: count('pending'), delivered: count('delivered'), failed: count('failed') },
      deliveries: rows.map(toView),
    };
  }

  /** A failed delivery gets a fresh set of attempts, starting now. */
  async retry(id: string): Promise<DeliveryView> {
    const result = await this.db.query<DeliveryRow[]>(
      `UPDATE webhook_deliveries
          SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE id = $1 AND status = 'failed'
        RETURNING ${DELIVERY_COLUMNS}`,
      [id],
    );
    const row = rowsOf(result)[0];
    if (!row) {
      const found = await this.db.query<{ status: string }[]>(
        `SELECT status FROM webhook_deliveries WHERE id = $1`,
        [id],
      );
      if (!found[0]) throw new NotFoundError('Webhook delivery', id);
      throw new ConflictError(`Only failed deliveries can be retried; this one is ${found[0].status}`, {
        status: found[0].status,
      });
    }
    await this.kick();
    return toView(row);
  }

  /**
   * Takes due deliveries with a lease: no other sender touches them until it runs out. (A CTE,
   * so the locking query runs once and the LIMIT holds; see `SlaRepository.recordMarks`.)
   */
  private async claim(webhook: SlaWebhookConfig): Promise<ClaimedRow[]> {
    const result = await this.db.query<ClaimedRow[]>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id
          LIMIT $1
            FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1,
              next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM due
        WHERE d.id = due.id
        RETURNING d.id, d.event_type, d.payload, d.attempts, d.max_attempts`,
      [CLAIM_BATCH, webhook.timeoutMs + LEASE_GRACE_MS],
    );
    return rowsOf(result);
  }

  private async attempt(webhook: SlaWebhookConfig, row: ClaimedRow): Promise<DeliveryOutcome> {
    const body = JSON.stringify(row.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: string | null = null;
    try {
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Quimbi-Webhooks/1',
          'x-quimbi-event': row.event_type,
          'x-quimbi-delivery': row.id,
          'x-quimbi-attempt': String(row.attempts),
          'x-quimbi-timestamp': timestamp,
          'x-quimbi-signature': sign(webhook.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(webhook.timeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      // Drain the body so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }

    let outcome: DeliveryOutcome;
    if (error === null) {
      outcome = 'delivered';
      await this.db.query(
        `UPDATE webhook_deliveries
            SET status = 'delivered', delivered_at = now(), last_status_code = $2, last_error = NULL
          WHERE id = $1`,
        [row.id, status],
      );
    } else if (row.attempts >= row.max_attempts) {
      outcome = 'failed';
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'failed', last_status_code = $2, last_error = $3
          WHERE id = $1`,
        [row.id, status, error.slice(0, 500)],
      );
    } else {
      outcome = 'retrying';
      const delayMs = nextDelayMs(row.attempts, webhook.backoffMs, retryAfter);
      await this.db.query(
        `UPDATE webhook_deliveries
            SET next_attempt_at = now() + make_interval(secs => $4::double precision / 1000),
                last_status_code = $2, last_error = $3
          WHERE id = $1`,
        [row.id, status, error.slice(0, 500), delayMs],
      );
    }
    this.outcomesSubject.next(outcome);
    return outcome;
  }
}
