export * from './lib/types';
export { toDayNumber, fromDayNumber, addDays } from './lib/data/dates';
export {
  buildRfmSummary,
  defaultCalibrationEnd,
  type Transaction,
  type RfmOptions,
  type RfmSummary,
  type CustomerSummary,
} from './lib/data/rfm';
export {
  parseCdnowTransactions,
  detectCdnowLayout,
  parseSummaryCsv,
  type CdnowLayout,
  type CdnowTransaction,
  type SummaryRow,
} from './lib/data/cdnow-parser';
export {
  fitBgNbd,
  fitMbgNbd,
  bgNbdLogLikelihood,
  mbgNbdLogLikelihood,
} from './lib/models/beta-geo';
export { fitParetoNbd, paretoNbdLogLikelihood } from './lib/models/pareto-nbd';
export {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  expectedAverageSpend,
  populationMeanSpend,
} from './lib/models/gamma-gamma';
export {
  COUNT_MODELS,
  fitCountModel,
  countModelLogLikelihood,
  probabilityAlive,
  probabilityNoPurchase,
  expectedPurchases,
  expectedPurchasesUnconditional,
  paramRecord,
} from './lib/models/count-models';
export { countModelStandardErrors, gammaGammaStandardErrors } from './lib/models/standard-errors';
export { compileRfm, type CompiledRfm } from './lib/models/compiled';
export {
  discountedLtv,
  scoreCustomer,
  type LtvOptions,
  type ScoreOptions,
  type LtvResult,
  type CustomerScore,
} from './lib/models/ltv';
export {
  rocAuc,
  naiveChurnScores,
  evaluateChurn,
  selectBestModelByAuc,
  selectChurnRisk,
  CHURN_RISK_DEFINITIONS,
  type ChurnRiskDefinition,
  type ChurnRiskChoice,
  type HoldoutCustomer,
  type ModelEvaluation,
  type ChurnEvaluation,
} from './lib/evaluation/churn';
export {
  compareModels,
  NAIVE_BASELINE_DEFINITION,
  type CompareModelsOptions,
  type ModelComparison,
  type ModelReport,
} from './lib/evaluation/compare-models';
export {
  simulateRepeatPurchaseTimes,
  simulateRfm,
  simulateSpend,
  simulateTransactionValues,
  simulateTransactions,
  type SyntheticTransactionsOptions,
} from './lib/simulate/simulate';
export {
  createRng,
  sampleBeta,
  sampleExponential,
  sampleGamma,
  sampleNormal,
  type Rng,
} from './lib/math/random';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './lib/math/nelder-mead';
