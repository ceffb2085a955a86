import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { buildRfmSummary } from '@quimbi/customer-models';
import { ValidationError } from '@quimbi/server-kit';

import { INTELLIGENCE_CONFIG, IntelligenceConfig } from '../config/app-config';
import { ProfileCache } from '../profiles/profile-cache';
import { weeklyDiscountRate, type ScoringModels } from '../profiles/profile-scoring';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { ProfilesService } from '../profiles/profiles.service';
import { SegmentsService } from '../segments/segments.service';
import {
  COUNT_MODEL_NAMES,
  DEFAULT_CHURN_MODELS,
  runModelFits,
  toCountModel,
  type ApiCountModelName,
  type FitRun,
  type HoldoutOutcome,
} from './model-fitting';
import { ModelsRepository, type FitRow } from './models.repository';

/** What started a refit: the HTTP endpoint, the schedule, a queued job, first start, or an import. */
export type RefitTrigger = 'api' | 'schedule' | 'job' | 'startup' | 'import';

export interface ChurnModelSelection {
  model: ApiCountModelName | null;
  fit_id: string | null;
  selected_by: 'holdout_auc' | 'default' | 'none';
  reason: string;
}

export interface FitReport {
  id: string;
  model: string;
  converged: boolean;
  is_current: boolean;
  /** True when this fit did not converge and an earlier fit of the model keeps serving. */
  kept_previous: boolean;
  /** The fit of this model that serves predictions after the refit (null: none). */
  serving_fit_id: string | null;
  message: string | null;
  params: Record<string, number | null>;
  log_likelihood: number | null;
  n_customers: number;
  iterations: number;
  fit_ms: number;
  metrics: Record<string, unknown>;
}

export interface RefitSummary {
  refit_id: string;
  trigger: RefitTrigger;
  status: 'completed';
  observation_start: string | null;
  observation_end: string;
  time_unit: 'week';
  customers: number;
  repeat_customers: number;
  purchase_days: number;
  fits: FitReport[];
  churn_model: ChurnModelSelection;
  holdout: Record<string, unknown>;
  /** Profiles are scored on all the data, as of `as_of` (the last order day, or observation_end if later). */
  profiles: { as_of: string; scored: number; with_predictions: number; ms: number };
  segments: { cuts: Record<string, number[]>; source: Record<string, string>; population: number } | null;
  fit_ms_total: number;
  duration_ms: number;
  started_at: string;
  finished_at: string;
}

export interface ServingModels {
  models: ScoringModels;
  /** The day the serving refit scored profiles as of. */
  windowEnd: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const SERVING_TTL_MS = 30_000;
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Which count model serves churn: the best holdout AUC of P(no purchase in the holdout) (the
 * quantity churn risk is) with a usable fit, else the BG/NBD-family default.
 */
export function selectChurnModel(holdout: HoldoutOutcome, current: ReadonlyMap<string, FitRow>): ChurnModelSelection {
  if (holdout.evaluated && holdout.ranking.length > 0) {
    const aucs = holdout.models
      .filter((m) => m.aucNoPurchase !== null)
      .map((m) => `${m.model} ${(m.aucNoPurchase as number).toFixed(3)}`)
      .join(', ');
    const naive = holdout.naiveAuc === null ? '' : `; naive recency ranking ${holdout.naiveAuc.toFixed(3)}`;
    for (const [i, model] of holdout.ranking.entries()) {
      const fit = current.get(model);
      if (!fit) continue;
      return {
        model,
        fit_id: fit.id,
        selected_by: 'holdout_auc',
        reason:
          `${i === 0 ? 'highest' : 'highest usable'} AUC of P(no purchase in the holdout) on a ` +
          `${holdout.holdoutWeeks}-week holdout (calibration to ${holdout.calibrationEnd}, ` +
          `${holdout.customers} customers): ${aucs}${naive}`,
      };
    }
  }
  const why = holdout.evaluated
    ? holdout.ranking.length > 0
      ? 'no model ranked on the holdout has a usable fit'
      : 'no calibration fit converged'
    : holdout.reason;
  for (const model of DEFAULT_CHURN_MODELS) {
    const fit = current.get(model);
    if (fit) {
      return {
        model,
        fit_id: fit.id,
        selected_by: 'default',
        reason: `default ${model} (BG/NBD family, one-time buyers not certainly alive); no holdout ranking: ${why}`,
      };
    }
  }
  return { model: null, fit_id: null, selected_by: 'none', reason: `no usable count-model fit; ${why}` };
}

function holdoutReport(h: HoldoutOutcome): Record<string, unknown> {
  if (!h.evaluated) return { evaluated: false, reason: h.reason };
  return {
    evaluated: true,
    calibration_end: h.calibrationEnd,
    holdout_weeks: h.holdoutWeeks,
    customers: h.customers,
    churn_rate: r4(h.churnRate),
    naive_auc: h.naiveAuc === null ? null : r4(h.naiveAuc),
    models: h.models.map((m) => ({
      model: m.model,
      calibration_fit_converged: m.converged,
      auc: m.auc === null ? null : r4(m.auc),
      auc_no_purchase: m.aucNoPurchase === null ? null : r4(m.aucNoPurchase),
      auc_expected_purchases: m.aucExpectedPurchases === null ? null : r4(m.aucExpectedPurchases),
      mae: m.mae === null ? null : r4(m.mae),
      predicted_purchases: m.predicted === null ? null : Math.round(m.predicted * 10) / 10,
      actual_purchases: m.actual,
    })),
    fit_ms: Math.round(h.fitMs),
  };
}

/** Fits the customer models on the stored orders, keeps the serving fits and rescores profiles. */
@Injectable()
export class ModelsService {
  private readonly logger = new Logger('Models');
  private queue: Promise<unknown> = Promise.resolve();
  private serving: { value: ServingModels; expires: number } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(INTELLIGENCE_CONFIG) private readonly config: IntelligenceConfig,
    private readonly repo: ModelsRepository,
    private readonly orders: ProfilesRepository,
    private readonly profiles: ProfilesService,
    private readonly segments: SegmentsService,
    private readonly cache: ProfileCache,
  ) {}

  /** Refits one at a time in this process (and across processes, through an advisory lock). */
  refit(options: { observationEnd?: string; trigger: RefitTrigger }): Promise<RefitSummary> {
    const run = this.queue.then(() => this.runRefit(options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runRefit({ observationEnd, trigger }: { observationEnd?: string; trigger: RefitTrigger }): Promise<RefitSummary> {
    const startedAt = new Date();
    const t0 = performance.now();
    const today = todayUtc();
    if (observationEnd !== undefined) {
      const parsed = Date.parse(`${observationEnd}T00:00:00Z`);
      if (!ISO_DAY.test(observationEnd) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== observationEnd) {
        throw new ValidationError([{ field: 'observation_end', message: 'must be a date (YYYY-MM-DD)' }]);
      }
      if (observationEnd > today) {
        throw new ValidationError([{ field: 'observation_end', message: `must not be after today (${today})` }]);
      }
    }
    const lastDay = await this.orders.lastPurchaseDay();
    const windowEnd = observationEnd ?? lastDay ?? today;
    // profiles are the live state: scored on all the data, whatever window the models were fitted on
    const scoringEnd = lastDay !== null && lastDay > windowEnd ? lastDay : windowEnd;
    const transactions = lastDay ? await this.orders.dailyTransactions(this.db, scoringEnd) : [];
    const run = runModelFits(transactions, windowEnd);
    const scoringSummary =
      scoringEnd === windowEnd
        ? run.summary
        : buildRfmSummary(transactions, { calibrationEnd: scoringEnd, timeUnit: 'week' });
    await new Promise((r) => setImmediate(r));

    try {
      const summary = await this.db.transaction(async (m) => {
        await this.repo.lockRefits(m);
        const refitId = await this.repo.insertRefit(m, trigger, startedAt, windowEnd);
        const previous = new Map((await this.repo.currentFits(m)).map((f) => [f.model, f]));
        const fits = await this.storeFits(m, run, refitId, previous);
        const current = new Map((await this.repo.currentFits(m)).map((f) => [f.model, f]));
        const selection = selectChurnModel(run.holdout, current);
        const models = this.scoringModels(current, selection.model);
        const rescored = await this.profiles.rescoreAll(m, models, scoringEnd, scoringSummary);
        const finishedAt = new Date();
        const result: RefitSummary = {
          refit_id: refitId,
          trigger,
          status: 'completed',
          observation_start: run.windowStart,
          observation_end: windowEnd,
          time_unit: 'week',
          customers: run.customers,
          repeat_customers: run.repeatCustomers,
          purchase_days: run.purchaseDays,
          fits,
          churn_model: selection,
          holdout: holdoutReport(run.holdout),
          profiles: {
            as_of: scoringEnd,
            scored: rescored.profiles,
            with_predictions: rescored.modelScored,
            ms: Math.round(rescored.ms),
          },
          segments: rescored.cuts
            ? { cuts: rescored.cuts.cuts, source: rescored.cuts.source, population: rescored.cuts.population }
            : null,
          fit_ms_total: Math.round(run.fitMsTotal),
          duration_ms: Math.round(performance.now() - t0),
          started_at: startedAt.toISOString(),
          finished_at: finishedAt.toISOString(),
        };
        await this.repo.finishRefit(m, refitId, {
          churnModel: selection.model,
          churnModelFitId: selection.fit_id,
          selectionReason: selection.reason,
          customersScored: rescored.profiles,
          summary: result as unknown as Record<string, unknown>,
          durationMs: result.duration_ms,
        });
        return result;
      });
      this.logger.log(
        `Refit (${trigger}) to ${windowEnd}: ${run.customers} customers, ` +
          `${summary.fits.filter((f) => f.converged).length}/${summary.fits.length} fits converged in ` +
          `${summary.fit_ms_total} ms, churn model ${summary.churn_model.model ?? 'none'} ` +
          `(${summary.churn_model.selected_by}), ${summary.profiles.scored} profiles in ${summary.duration_ms} ms`,
      );
      return summary;
    } finally {
      // whatever happened, nothing cached may outlive the transaction's outcome
      this.cache.clear();
      this.segments.invalidate();
      this.serving = null;
    }
  }

  private async storeFits(
    m: Parameters<ModelsRepository['insertFit']>[0],
    run: FitRun,
    refitId: string,
    previous: ReadonlyMap<string, FitRow>,
  ): Promise<FitReport[]> {
    const reports: FitReport[] = [];
    for (const fit of run.fits) {
      const id = await this.repo.insertFit(m, {
        model: fit.model,
        params: fit.params,
        logLikelihood: fit.logLikelihood,
        converged: fit.converged,
        n: fit.n,
        windowStart: run.windowStart,
        windowEnd: run.windowEnd,
        fitMs: fit.fitMs,
        isCurrent: fit.converged,
        metrics: { ...fit.metrics, iterations: fit.iterations },
        error: fit.message,
        refitId,
      });
      const prev = previous.get(fit.model);
      reports.push({
        id,
        model: fit.model,
        converged: fit.converged,
        is_current: fit.converged,
        kept_previous: !fit.converged && prev !== undefined,
        serving_fit_id: fit.converged ? id : (prev?.id ?? null),
        message: fit.converged
          ? null
          : `${fit.message ?? 'did not converge'}; ${
              prev
                ? `the previous fit ${prev.id} (fitted ${prev.created_at.toISOString()}) stays current`
                : 'there is no previous fit, so this model serves no predictions'
            }`,
        params: fit.params,
        log_likelihood: fit.logLikelihood,
        n_customers: fit.n,
        iterations: fit.iterations,
        fit_ms: Math.round(fit.fitMs * 10) / 10,
        metrics: fit.metrics,
      });
    }
    return reports;
  }

  private scoringModels(current: ReadonlyMap<string, FitRow>, churnModel: ApiCountModelName | null): ScoringModels {
    const countFit = churnModel ? current.get(churnModel) : undefined;
    const model = countFit && churnModel ? toCountModel(churnModel, countFit.params) : null;
    const spendFit = current.get('gamma_gamma');
    const p = spendFit?.params ?? {};
    const spendOk = [p['p'], p['q'], p['v']].every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0);
    return {
      count: countFit && model && churnModel ? { fitId: countFit.id, name: churnModel, model } : null,
      spend:
        spendFit && spendOk
          ? { fitId: spendFit.id, params: { p: p['p'] as number, q: p['q'] as number, v: p['v'] as number } }
          : null,
      discountRatePerWeek: weeklyDiscountRate(this.config.ltvAnnualDiscountRate),
    };
  }

  /** The fits serving predictions now (for rescoring customers between refits). */
  async servingModels(): Promise<ServingModels> {
    if (this.serving && this.serving.expires > Date.now()) return this.serving.value;
    const [fits, latest] = await Promise.all([this.repo.currentFits(), this.repo.latestRefit()]);
    const current = new Map(fits.map((f) => [f.model, f]));
    const chosen = (latest?.churn_model ?? null) as ApiCountModelName | null;
    const churnModel =
      chosen && current.has(chosen)
        ? chosen
        : (DEFAULT_CHURN_MODELS.find((m) => current.has(m)) ?? null);
    const asOf = (latest?.summary?.['profiles'] as { as_of?: string } | undefined)?.as_of;
    const value: ServingModels = {
      models: this.scoringModels(current, churnModel),
      windowEnd: asOf ?? latest?.observation_end ?? null,
    };
    this.serving = { value, expires: Date.now() + SERVING_TTL_MS };
    return value;
  }

  async hasCurrentCountFit(): Promise<boolean> {
    const fits = await this.repo.currentFits();
    return fits.some((f) => (COUNT_MODEL_NAMES as readonly string[]).includes(f.model));
  }

  hasOrders(): Promise<boolean> {
    return this.repo.hasOrders();
  }

  /** The serving fits, the churn model choice and the last refit. */
  async current() {
    const [fits, latest] = await Promise.all([this.repo.currentFits(), this.repo.latestRefit()]);
    const selection = (latest?.summary?.['churn_model'] as ChurnModelSelection | undefined) ?? null;
    return {
      models: fits.map((r) => ({
        id: r.id,
        model: r.model,
        params: r.params,
        log_likelihood: r.log_likelihood,
        converged: r.converged,
        n_customers: r.n_customers,
        time_unit: r.time_unit,
        window_start: r.window_start?.toISOString() ?? null,
        window_end: r.window_end.toISOString(),
        fit_ms: r.fit_ms,
        metrics: r.metrics,
        refit_id: r.refit_id,
        fitted_at: r.created_at.toISOString(),
      })),
      churn_model: latest
        ? {
            model: latest.churn_model,
            fit_id: latest.churn_model_fit_id,
            selected_by: selection?.selected_by ?? null,
            reason: latest.selection_reason,
          }
        : null,
      last_refit: latest
        ? {
            id: latest.id,
            trigger: latest.trigger,
            status: latest.status,
            observation_end: latest.observation_end,
            customers_scored: latest.customers_scored,
            duration_ms: latest.duration_ms,
            started_at: latest.started_at.toISOString(),
            finished_at: latest.finished_at.toISOString(),
            holdout: latest.summary?.['holdout'] ?? null,
          }
        : null,
    };
  }
}
