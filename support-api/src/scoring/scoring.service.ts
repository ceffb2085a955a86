import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { JobName, JobPayloads, Priority } from '@quimbi/contracts';
import { difficultyClassOf, storedComponents, storedScore } from '@quimbi/scoring';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobQueue } from '../jobs/job-queue';

interface ScoreRow {
  priority: Priority;
  customer_sentiment: string;
  estimated_difficulty: string;
  lifetime_value: string;
  churn_risk: string;
}

/** Keeps each ticket's stored score part current; the clock-dependent parts are added in SQL. */
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  /** Asks for a rescore; repeated requests for one ticket while it waits collapse into one job. */
  async requestRescore(ticketId: string, reason: JobPayloads[typeof JobName.TicketRescore]['reason']) {
    try {
      await this.jobs.enqueue(JobName.TicketRescore, { ticketId, reason }, { jobId: `rescore-${ticketId}` });
    } catch (err) {
      // Queue down: score now so the inbox order stays right.
      this.logger.warn(`Queue unavailable, rescoring ${ticketId} inline: ${String(err)}`);
      await this.rescore({ ticketId, reason });
    }
  }

  @JobHandler(JobName.TicketRescore)
  async rescore(payload: JobPayloads[typeof JobName.TicketRescore]): Promise<{ score: number } | null> {
    const rows = await this.db.query<ScoreRow[]>(
      `SELECT t.priority, t.customer_sentiment, t.estimated_difficulty, c.lifetime_value, c.churn_risk
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1`,
      [payload.ticketId],
    );
    const row = rows[0];
    if (!row) return null;
    const input = {
      churnRisk: Number(row.churn_risk),
      lifetimeValue: Number(row.lifetime_value),
      priority: row.priority,
      difficulty: difficultyClassOf(Number(row.estimated_difficulty)),
      sentiment: Number(row.customer_sentiment),
    };
    const score = storedScore(input, this.config.scoring);
    await this.db.query(
      `UPDATE tickets SET smart_score = $2, score_components = $3 WHERE id = $1`,
      [payload.ticketId, score, JSON.stringify(storedComponents(input, this.config.scoring))],
    );
    return { score };
  }
}
