import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

type Queryable = DataSource | EntityManager;

export interface FitRow {
  id: string;
  model: string;
  params: Record<string, number | null>;
  log_likelihood: number | null;
  converged: boolean;
  n_customers: number;
  time_unit: string;
  window_start: Date | null;
  window_end: Date;
  fit_ms: number;
  is_current: boolean;
  metrics: Record<string, unknown> | null;
  error: string | null;
  refit_id: string | null;
  created_at: Date;
}

export interface RefitRow {
  id: string;
  trigger: string;
  status: string;
  observation_end: string | null;
  time_unit: string;
  churn_model: string | null;
  churn_model_fit_id: string | null;
  selection_reason: string | null;
  customers_scored: number;
  summary: Record<string, unknown>;
  duration_ms: number;
  started_at: Date;
  finished_at: Date;
}

export interface NewFit {
  model: string;
  params: Record<string, number | null>;
  logLikelihood: number | null;
  converged: boolean;
  n: number;
  windowStart: string | null;
  windowEnd: string;
  fitMs: number;
  isCurrent: boolean;
  metrics: Record<string, unknown>;
  error: string | null;
  refitId: string;
}

const FIT_COLUMNS = `id, model, params, log_likelihood, converged, n_customers, time_unit, window_start, window_end,
  fit_ms, is_current, metrics, error, refit_id, created_at`;
const REFIT_COLUMNS = `id, trigger, status, to_char(observation_end, 'YYYY-MM-DD') AS observation_end, time_unit,
  churn_model, churn_model_fit_id, selection_reason, customers_scored, summary, duration_ms, started_at, finished_at`;

/** Key of the advisory lock that serialises refits across processes. */
const REFIT_LOCK = 'quimbi:intelligence:models:refit';

/** Model fits and refit runs. */
@Injectable()
export class ModelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Holds the refit lock until the transaction of `m` ends. */
  async lockRefits(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [REFIT_LOCK]);
  }

  async insertRefit(m: EntityManager, trigger: string, startedAt: Date, observationEnd: string): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO model_refits (trigger, status, observation_end, started_at) VALUES ($1, 'running', $2, $3) RETURNING id`,
      [trigger, observationEnd, startedAt],
    );
    return (row as { id: string }).id;
  }

  async finishRefit(
    m: EntityManager,
    id: string,
    values: {
      churnModel: string | null;
      churnModelFitId: string | null;
      selectionReason: string;
      customersScored: number;
      summary: Record<string, unknown>;
      durationMs: number;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE model_refits SET status = 'completed', churn_model = $2, churn_model_fit_id = $3, selection_reason = $4,
              customers_scored = $5, summary = $6, duration_ms = $7, finished_at = now()
        WHERE id = $1`,
      [
        id,
        values.churnModel,
        values.churnModelFitId,
        values.selectionReason,
        values.customersScored,
        JSON.stringify(values.summary),
        Math.round(values.durationMs),
      ],
    );
  }

  /** Stores a fit; a current one first retires the model's previous current fit. */
  async insertFit(m: EntityManager, fit: NewFit): Promise<string> {
    if (fit.isCurrent) {
      await m.query(`UPDATE model_fits SET is_current = false WHERE model = $1 AND is_current`, [fit.model]);
    }
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO model_fits (model, params, log_likelihood, converged, n_customers, time_unit, window_start,
                               window_end, fit_ms, is_current, metrics, error, refit_id)
       VALUES ($1, $2, $3, $4, $5, 'week', $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        fit.model,
        JSON.stringify(fit.params),
        fit.logLikelihood,
        fit.converged,
        Math.round(fit.n),
        fit.windowStart ? new Date(`${fit.windowStart}T00:00:00Z`) : null,
        new Date(`${fit.windowEnd}T00:00:00Z`),
        Math.round(fit.fitMs),
        fit.isCurrent,
        JSON.stringify(fit.metrics),
        fit.error,
        fit.refitId,
      ],
    );
    return (row as { id: string }).id;
  }

  async currentFits(q: Queryable = this.db): Promise<FitRow[]> {
    return q.query<FitRow[]>(`SELECT ${FIT_COLUMNS} FROM model_fits WHERE is_current ORDER BY model`);
  }

  /** The latest completed refit. */
  async latestRefit(q: Queryable = this.db): Promise<RefitRow | null> {
    const [row] = await q.query<RefitRow[]>(
      `SELECT ${REFIT_COLUMNS} FROM model_refits WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1`,
    );
    return row ?? null;
  }

  async hasOrders(): Promise<boolean> {
    const [row] = await this.db.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM orders) AS any`);
    return row?.any ?? false;
  }
}
