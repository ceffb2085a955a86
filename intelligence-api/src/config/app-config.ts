import { CronExpressionParser } from 'cron-parser';

import { ConfigError, loadEnv, LOCAL_INTELLIGENCE_KEY, localSecret } from '@quimbi/server-kit';

import { IntelligenceEnv } from './env.schema';

export interface IntelligenceConfig {
  environment: string;
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  apiKey: string;
  anthropic: { apiKey?: string; model: string; baseUrl?: string };
  /** Cron expression (UTC) for model refits, or null when scheduling is off. */
  modelUpdateSchedule: string | null;
  /** Annual discount rate applied to the predicted LTV. */
  ltvAnnualDiscountRate: number;
  profileCache: { size: number; ttlMs: number };
  logLevel: string;
  seedDemoData: boolean;
  queuePrefix: string;
}

export const INTELLIGENCE_CONFIG = Symbol('INTELLIGENCE_CONFIG');

export function loadIntelligenceConfig(
  env: Record<string, string | undefined> = process.env,
): IntelligenceConfig {
  const e = loadEnv(IntelligenceEnv, env);
  const schedule = e.MODEL_UPDATE_SCHEDULE.trim();
  const modelUpdateSchedule = schedule === '' || schedule.toLowerCase() === 'off' ? null : schedule;
  if (modelUpdateSchedule) {
    try {
      CronExpressionParser.parse(modelUpdateSchedule, { tz: 'UTC' });
    } catch (err) {
      throw new ConfigError([
        `MODEL_UPDATE_SCHEDULE: not a cron expression (${err instanceof Error ? err.message : String(err)}) (got ${JSON.stringify(schedule)})`,
      ]);
    }
  }
  if (!e.INTELLIGENCE_API_KEY && e.ENVIRONMENT === 'production') {
    throw new Error('INTELLIGENCE_API_KEY: required when ENVIRONMENT=production');
  }
  return {
    environment: e.ENVIRONMENT,
    port: e.INTELLIGENCE_API_PORT,
    host: e.INTELLIGENCE_HOST,
    databaseUrl: e.INTELLIGENCE_DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    apiKey: e.INTELLIGENCE_API_KEY ?? localSecret(e.DATA_DIR, LOCAL_INTELLIGENCE_KEY, 24),
    anthropic: { apiKey: e.ANTHROPIC_API_KEY, model: e.ANTHROPIC_MODEL, baseUrl: e.ANTHROPIC_BASE_URL },
    modelUpdateSchedule,
    ltvAnnualDiscountRate: e.INTELLIGENCE_LTV_ANNUAL_DISCOUNT_RATE,
    profileCache: { size: e.INTELLIGENCE_PROFILE_CACHE_SIZE, ttlMs: e.INTELLIGENCE_PROFILE_CACHE_TTL_SECONDS * 1000 },
    logLevel: e.LOG_LEVEL,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    queuePrefix: e.QUEUE_PREFIX,
  };
}
