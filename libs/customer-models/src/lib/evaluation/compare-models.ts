/**
 * End-to-end model comparison on dated transactions: build the calibration/holdout
 * summary, fit every count model and the spend model, evaluate each churn ranking and
 * holdout forecast, and pick the churn-risk definition (model and quantity) that ranks the
 * holdout best. Pure: all I/O is left to callers.
 */
import { buildRfmSummary, defaultCalibrationEnd, type RfmSummary, type Transaction } from '../data/rfm';
import { COUNT_MODELS, fitCountModel, paramRecord } from '../models/count-models';
import { fitGammaGamma, populationMeanSpend } from '../models/gamma-gamma';
import type { CountModelFit, CountModelName, FitOptions, GammaGammaFit, TimeUnit } from '../types';
import {
  CHURN_RISK_DEFINITIONS,
  evaluateChurn,
  selectBestModelByAuc,
  selectChurnRisk,
  type ChurnEvaluation,
  type ChurnRiskDefinition,
} from './churn';

export const NAIVE_BASELINE_DEFINITION =
  'rank by time since last purchase (T − t_x, longer = more likely churned), ties by fewer repeat purchases';

export interface CompareModelsOptions {
  /** Last calibration day; default: the last day of week `calibrationWeeks` after the first transaction. */
  readonly calibrationEnd?: string;
  /** Default 39. */
  readonly calibrationWeeks?: number;
  /** Last holdout day; default: the last transaction day. */
  readonly holdoutEnd?: string;
  /** Default `'week'`. */
  readonly timeUnit?: TimeUnit;
  readonly models?: readonly CountModelName[];
  readonly fitOptions?: Omit<FitOptions, 'onProgress'>;
  /** Called before each long step. */
  readonly onStep?: (label: string) => void;
  /** Optimiser progress of the model being fitted. */
  readonly onFitProgress?: (model: string, iteration: number, logLikelihood: number) => void;
}

export interface ModelReport {
  readonly model: CountModelName;
  readonly params: Record<string, number>;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly fitMs: number;
  readonly message?: string;
  /** AUC of 1 − P(alive); null without a holdout. */
  readonly auc: number | null;
  /** AUC of P(no purchase in the holdout | history), horizon = holdout length; null without a holdout. */
  readonly aucNoPurchase: number | null;
  readonly aucExpectedPurchases: number | null;
  readonly holdout: {
    readonly mae: number;
    readonly rmse: number;
    readonly predicted: number;
    readonly actual: number;
    readonly aggregateRelativeError: number;
  } | null;
}

export interface ModelComparison {
  readonly customers: number;
  readonly excludedCustomers: number;
  readonly timeUnit: TimeUnit;
  readonly calibration: { readonly start: string; readonly end: string };
  readonly holdout: { readonly end: string; readonly length: number };
  readonly churnRate: number | null;
  readonly naiveBaseline: { readonly definition: string; readonly auc: number | null };
  readonly models: ModelReport[];
  readonly gammaGamma: {
    readonly params: Record<string, number>;
    readonly logLikelihood: number;
    readonly converged: boolean;
    readonly iterations: number;
    readonly fitMs: number;
    readonly n: number;
    readonly excluded: number;
    readonly populationMeanSpend: number;
  };
  /** Best model by the AUC of 1 − P(alive). */
  readonly bestModelByAuc: CountModelName | null;
  /** The model and churn-risk definition with the highest holdout AUC, against the naive baseline. */
  readonly churnRisk: {
    readonly model: CountModelName;
    readonly definition: ChurnRiskDefinition;
    readonly description: string;
    /** τ of the `'no-purchase'` definition (the holdout length, in `timeUnit`); null for `'not-alive'`. */
    readonly horizon: number | null;
    readonly auc: number;
    readonly naiveAuc: number;
    readonly beatsNaive: boolean;
  } | null;
  /** Raw objects for further use. */
  readonly summary: RfmSummary;
  readonly fits: CountModelFit[];
  readonly gammaGammaFit: GammaGammaFit;
  readonly evaluation: ChurnEvaluation | null;
}

export function compareModels(transactions: readonly Transaction[], options: CompareModelsOptions = {}): ModelComparison {
  options.onStep?.('building RFM summary');
  const calibrationEnd = options.calibrationEnd ?? defaultCalibrationEnd(transactions, options.calibrationWeeks ?? 39);
  const summary = buildRfmSummary(transactions, {
    calibrationEnd,
    timeUnit: options.timeUnit ?? 'week',
    ...(options.holdoutEnd ? { holdoutEnd: options.holdoutEnd } : {}),
  });

  const fits: CountModelFit[] = [];
  for (const model of options.models ?? COUNT_MODELS) {
    options.onStep?.(`fitting ${model}`);
    fits.push(
      fitCountModel(model, summary.customers, {
        ...options.fitOptions,
        onProgress: ({ iteration, logLikelihood }) => options.onFitProgress?.(model, iteration, logLikelihood),
      }),
    );
  }
  options.onStep?.('fitting gamma-gamma');
  const gg = fitGammaGamma(summary.customers, {
    ...options.fitOptions,
    onProgress: ({ iteration, logLikelihood }) => options.onFitProgress?.('gamma-gamma', iteration, logLikelihood),
  });

  options.onStep?.('evaluating holdout');
  // models whose parameters could not be estimated are reported but not evaluated
  const usable = fits.filter((f) => Object.values(f.params as object).every((v) => Number.isFinite(v)));
  const evaluation =
    summary.holdoutLength > 0 && summary.customers.length > 0
      ? evaluateChurn(summary.customers, usable, summary.holdoutLength)
      : null;
  const best = evaluation ? selectBestModelByAuc(evaluation.models) : undefined;
  const churnRisk = evaluation ? selectChurnRisk(evaluation.models) : undefined;

  return {
    customers: summary.customers.length,
    excludedCustomers: summary.excludedCustomers,
    timeUnit: summary.timeUnit,
    calibration: { start: summary.firstTransactionDate, end: summary.calibrationEnd },
    holdout: { end: summary.holdoutEnd, length: summary.holdoutLength },
    churnRate: evaluation?.churnRate ?? null,
    naiveBaseline: { definition: NAIVE_BASELINE_DEFINITION, auc: evaluation?.naiveAuc ?? null },
    models: fits.map((f): ModelReport => {
      const ev = evaluation?.models.find((m) => m.model === f.model);
      return {
        model: f.model,
        params: paramRecord(f),
        logLikelihood: f.logLikelihood,
        converged: f.converged,
        iterations: f.iterations,
        fitMs: f.fitMs,
        ...(f.message ? { message: f.message } : {}),
        auc: ev?.auc ?? null,
        aucNoPurchase: ev?.aucNoPurchase ?? null,
        aucExpectedPurchases: ev?.aucExpectedPurchases ?? null,
        holdout: ev
          ? {
              mae: ev.mae,
              rmse: ev.rmse,
              predicted: ev.predictedTotal,
              actual: ev.actualTotal,
              aggregateRelativeError: ev.aggregateRelativeError,
            }
          : null,
      };
    }),
    gammaGamma: {
      params: paramRecord(gg),
      logLikelihood: gg.logLikelihood,
      converged: gg.converged,
      iterations: gg.iterations,
      fitMs: gg.fitMs,
      n: gg.n,
      excluded: gg.excluded ?? 0,
      populationMeanSpend: populationMeanSpend(gg.params),
    },
    bestModelByAuc: best?.model ?? null,
    churnRisk:
      churnRisk && evaluation
        ? {
            model: churnRisk.model,
            definition: churnRisk.definition,
            description: CHURN_RISK_DEFINITIONS[churnRisk.definition],
            horizon: churnRisk.definition === 'no-purchase' ? evaluation.holdoutLength : null,
            auc: churnRisk.auc,
            naiveAuc: evaluation.naiveAuc,
            beatsNaive: churnRisk.auc > evaluation.naiveAuc,
          }
        : null,
    summary,
    fits,
    gammaGammaFit: gg,
    evaluation,
  };
}
