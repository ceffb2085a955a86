import { randomBytes } from 'node:crypto';

import type { ScoringWeights } from '@quimbi/scoring';
import { splitList } from '@quimbi/server-kit';

import { SupportEnv } from './env.schema';

/** Typed configuration derived from the validated environment. Read once at boot. */
export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  secretKey: string;
  secretKeyGenerated: boolean;
  tokenTtlHours: number;
  quimbi: {
    baseUrl: string;
    apiKey?: string;
    timeoutMs: number;
    maxRetries: number;
    ttl: { intelligence: number; churn: number; ltv: number; draft: number };
  };
  corsOrigins: string[];
  scoring: ScoringWeights;
  logLevel: string;
  runWorkers: boolean;
  seedDemoData: boolean;
  webDistDir: string;
  rateLimits: { anonymousPerMinute: number; agentPerMinute: number };
  login: { maxFailures: number; lockoutSeconds: number };
  queuePrefix: string;
  slaCheckIntervalMs: number;
  /** How long identical inbox requests share one result (0: never); dropped on any change. */
  inboxCacheMs: number;
  /** SLA marks recorded per transaction. */
  slaCheckBatchSize: number;
  /** On a breach, notify the lead of the ticket's team (or of its assignee's team). */
  slaNotifyTeamLead: boolean;
  /** Outbound webhook for SLA warnings and breaches; absent when not configured. */
  slaWebhook?: SlaWebhookConfig;
  figuresRefreshIntervalMs: number;
  metricsToken?: string;
  inboundSecrets: { email?: string; sms?: string; chat?: string };
}

export interface SlaWebhookConfig {
  url: string;
  secret: string;
  maxAttempts: number;
  /** First retry delay; each further retry doubles it (capped at one hour). */
  backoffMs: number;
  timeoutMs: number;
  /** How often due deliveries are swept up, whatever triggered them. */
  sweepIntervalMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function toAppConfig(env: SupportEnv): AppConfig {
  const generated = !env.SECRET_KEY;
  if (env.SLA_WEBHOOK_URL && !env.SLA_WEBHOOK_SECRET) {
    // Receivers verify deliveries by their signature: never send unsigned ones.
    throw new Error('SLA_WEBHOOK_SECRET: required when SLA_WEBHOOK_URL is set');
  }
  if (generated && env.ENVIRONMENT === 'production') {
    // Production must not sign tokens with a per-process key.
    throw new Error('SECRET_KEY: required when ENVIRONMENT=production');
  }
  return {
    environment: env.ENVIRONMENT as AppConfig['environment'],
    port: env.SUPPORT_API_PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: env.DATA_DIR,
    secretKey: env.SECRET_KEY ?? randomBytes(32).toString('hex'),
    secretKeyGenerated: generated,
    tokenTtlHours: env.ACCESS_TOKEN_EXPIRE_HOURS,
    quimbi: {
      baseUrl: env.QUIMBI_BASE_URL.replace(/\/$/, ''),
      apiKey: env.QUIMBI_API_KEY,
      timeoutMs: Math.round(env.QUIMBI_TIMEOUT * 1000),
      maxRetries: env.QUIMBI_MAX_RETRIES,
      ttl: {
        intelligence: env.QUIMBI_CACHE_INTELLIGENCE_TTL,
        churn: env.QUIMBI_CACHE_CHURN_TTL,
        ltv: env.QUIMBI_CACHE_LTV_TTL,
        draft: env.QUIMBI_CACHE_DRAFT_TTL,
      },
    },
    corsOrigins: splitList(env.CORS_ORIGINS),
    scoring: {
      churnWeight: env.SCORING_CHURN_WEIGHT,
      valueWeight: env.SCORING_VALUE_WEIGHT,
      valueCap: env.SCORING_VALUE_CAP,
      urgencyWeight: env.SCORING_URGENCY_WEIGHT,
      waitWeight: env.SCORING_WAIT_WEIGHT,
      waitCap: env.SCORING_WAIT_CAP,
      easyBonus: env.SCORING_EASY_BONUS,
      complexPenalty: env.SCORING_COMPLEX_PENALTY,
      sentimentBoost: env.SCORING_SENTIMENT_BOOST,
      sentimentThreshold: env.SCORING_SENTIMENT_THRESHOLD,
      slaWarningBoost: env.SCORING_SLA_WARNING_BOOST,
      slaBreachBoost: env.SCORING_SLA_BREACH_BOOST,
      topicAlertBoost: env.TOPIC_ALERT_BOOST,
    },
    logLevel: env.LOG_LEVEL,
    runWorkers: env.RUN_WORKERS === 'true',
    seedDemoData: env.SEED_DEMO_DATA === 'true',
    webDistDir: env.WEB_DIST_DIR,
    rateLimits: {
      anonymousPerMinute: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      agentPerMinute: env.RATE_LIMIT_AGENT_PER_MINUTE,
    },
    login: { maxFailures: env.LOGIN_MAX_FAILURES, lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS },
    queuePrefix: env.QUEUE_PREFIX,
    slaCheckIntervalMs: env.SLA_CHECK_INTERVAL_MS,
    inboxCacheMs: env.INBOX_CACHE_MS,
    slaCheckBatchSize: env.SLA_CHECK_BATCH_SIZE,
    slaNotifyTeamLead: env.SLA_NOTIFY_TEAM_LEAD === 'true',
    slaWebhook:
      env.SLA_WEBHOOK_URL && env.SLA_WEBHOOK_SECRET
        ? {
            url: env.SLA_WEBHOOK_URL,
            secret: env.SLA_WEBHOOK_SECRET,
            maxAttempts: env.SLA_WEBHOOK_MAX_ATTEMPTS,
            backoffMs: env.SLA_WEBHOOK_BACKOFF_MS,
            timeoutMs: env.SLA_WEBHOOK_TIMEOUT_MS,
            sweepIntervalMs: env.SLA_WEBHOOK_SWEEP_INTERVAL_MS,
          }
        : undefined,
    figuresRefreshIntervalMs: env.FIGURES_REFRESH_INTERVAL_MS,
    metricsToken: env.METRICS_TOKEN,
    inboundSecrets: {
      email: env.INBOUND_EMAIL_SECRET,
      sms: env.INBOUND_SMS_SECRET,
      chat: env.INBOUND_CHAT_SECRET,
    },
  };
}
