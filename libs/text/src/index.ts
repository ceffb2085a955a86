export { analyzeMessage, analyzeTicket } from './lib/analyze';
export type {
  MessageAnalysis,
  TextAnalysis,
  TicketAnalysis,
  TicketAnalysisOptions,
  TicketMessageInput,
} from './lib/analyze';
export { analyzeSentiment, type SentimentResult } from './lib/sentiment';
export { classifyIntent, type IntentResult } from './lib/intent';
export {
  COMPLEX_FROM,
  EASY_BELOW,
  difficultyClass,
  scoreDifficulty,
  type DifficultyClass,
  type DifficultyInput,
  type DifficultyResult,
} from './lib/difficulty';
export { BITEXT_INTENTS, BITEXT_TO_INTENT, type BitextIntent } from './lib/intent-map';
export { SIGNAL, THREAT_SIGNALS, type Signal } from './lib/signals';
