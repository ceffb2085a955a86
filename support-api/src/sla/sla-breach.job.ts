import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { JobName } from '@quimbi/contracts';

import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { ScoringService } from '../scoring/scoring.service';
import { SLA_CLOCKS } from './sla-clock';
import { SlaEvent, SlaEvents } from './sla-events';
import { MarkKind, MarkRecord, SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service';

/** Injection token: milliseconds between scheduled SLA checks. */
export const SLA_CHECK_INTERVAL_MS = Symbol('SLA_CHECK_INTERVAL_MS');
export const DEFAULT_SLA_CHECK_INTERVAL_MS = 60_000;

export interface SlaCheckResult {
  warnings: number;
  breaches: number;
}

/** The configured interval (`slaCheckIntervalMs`, from SLA_CHECK_INTERVAL_MS), or the default. */
export function slaCheckIntervalFrom(config: AppConfig): number {
  const value = (config as AppConfig & { slaCheckIntervalMs?: unknown }).slaCheckIntervalMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : DEFAULT_SLA_CHECK_INTERVAL_MS;
}

/**
 * The scheduled SLA check. Each run records every clock past its warning point or deadline
 * (running, not paused, ticket not deleted) exactly once, however many workers run it at the
 * same time: a conditional UPDATE takes a clock only while its mark is still empty, and the
 * audit entry is written in the same transaction. Then, for what this run recorded: the ticket
 * is rescored, an event is emitted, and a breach raises the priority one step when its policy
 * says so.
 */
@Injectable()
export class SlaBreachJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaBreachJob.name);
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly notifyTeamLead: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SlaRepository,
    private readonly audit: AuditService,
    private readonly scoring: ScoringService,
    private readonly events: SlaEvents,
    private readonly sla: SlaService,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly outbox: WebhookOutbox,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(SLA_CHECK_INTERVAL_MS) intervalMs?: number,
  ) {
    this.intervalMs = intervalMs && intervalMs > 0 ? intervalMs : DEFAULT_SLA_CHECK_INTERVAL_MS;
    this.batchSize = config.slaCheckBatchSize > 0 ? config.slaCheckBatchSize : 200;
    this.notifyTeamLead = config.slaNotifyTeamLead;
  }

  /**
   * Registers the job scheduler (idempotent: one scheduler per name however many processes
   * start). Not awaited, so an unreachable Redis does not hold up start-up.
   */
  onApplicationBootstrap(): void {
    this.jobs.schedule(JobName.SlaCheck, { everyMs: this.intervalMs }, {}).then(
      () => this.logger.log(`SLA check scheduled every ${this.intervalMs} ms`),
      (err: unknown) => this.logger.error(`Could not schedule the SLA check: ${String(err)}`),
    );
  }

  @JobHandler(JobName.SlaCheck)
  check(): Promise<SlaCheckResult> {
    return this.checkAt(new Date());
  }

  async checkAt(now: Date): Promise<SlaCheckResult> {
    const breaches = await this.recordAll('breach', now);
    const warnings = await this.recordAll('warning', now);
    if (breaches.length + warnings.length > 0) await this.outbox.kick();

    await this.escalate(breaches, now);
    const emit = (type: SlaEvent['type'], mark: MarkRecord) =>
      this.events.emit({
        type,
        ticketId: mark.ticketId,
        clock: mark.clock,
        deadline: mark.deadline,
        at: now,
      });
    breaches.forEach((mark) => emit('sla.breached', mark));
    warnings.forEach((mark) => emit('sla.warning', mark));
    for (const ticketId of new Set([...breaches, ...warnings].map((m) => m.ticketId))) {
      await this.safely(`rescore ${ticketId}`, () =>
        this.scoring.requestRescore(ticketId, 'ticket_changed'),
      );
    }
    await this.safely('refresh paused deadlines', () =>
      this.sla.refreshPausedDeadlines(new Date(now.getTime() - this.intervalMs), now),
    );

    if (breaches.length + warnings.length > 0) {
      this.logger.log(
        `SLA check recorded ${breaches.length} breaches and ${warnings.length} warnings`,
      );
    }
    return { warnings: warnings.length, breaches: breaches.length };
  }

  /**
   * Records due marks of both clocks, batch by batch. Each batch commits together with what it
   * owes the outside world: its audit entries, the team leads' notifications of breaches and the
   * outbound webhook deliveries, so a process dying after the commit loses none of them.
   */
  private async recordAll(kind: MarkKind, now: Date): Promise<MarkRecord[]> {
    const recorded: MarkRecord[] = [];
    for (const clock of SLA_CLOCKS) {
      for (;;) {
        const batch = await this.db.transaction(async (m) => {
          const marks = await this.repo.recordMarks(m, clock, kind, now, this.batchSize);
          for (const mark of marks) {
            await this.audit.record(
              {
                actorAgentId: null,
                action: kind === 'breach' ? 'sla.breached' : 'sla.warning',
                entityType: 'ticket',
                entityId: mark.ticketId,
                ticketId: mark.ticketId,
                metadata: {
                  clock: mark.clock,
                  deadline: mark.deadline.toISOString(),
                  priority: mark.priority,
                },
              },
              m,
            );
          }
          const notices =
            kind === 'breach' && this.notifyTeamLead
              ? await this.notifications.recordBreaches(m, marks)
              : [];
          await this.outbox.recordMarks(m, kind === 'breach' ? 'sla.breached' : 'sla.warning', marks, now);
          return { marks, notices };
        });
        // Committed: tell the leads now rather than at the end of a long run.
        this.notifications.publish(batch.notices);
        recorded.push(...batch.marks);
        if (batch.marks.length < this.batchSize) break;
      }
    }
    return recorded;
  }

  /** One step per ticket per run, even when both its clocks breached at once. */
  private async escalate(breaches: readonly MarkRecord[], now: Date): Promise<void> {
    const seen = new Set<string>();
    for (const mark of breaches) {
      if (!mark.escalate || seen.has(mark.ticketId)) continue;
      seen.add(mark.ticketId);
      await this.safely(`escalate ${mark.ticketId}`, () =>
        this.sla.escalatePriority(mark.ticketId, mark.priority, mark.clock, now),
      );
    }
  }

  /** Follow-up work must not undo or repeat what is already recorded: log and go on. */
  private async safely(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.logger.error(
        `SLA check could not ${what}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
