import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const PG_URL = /^postgres(ql)?:\/\/.+/;
const REDIS_URL = /^rediss?:\/\/.+/;
const HTTP_URL = /^https?:\/\/.+/;

/** Every environment variable support-api reads, validated once at boot. */
export class SupportEnv {
  @IsOptional() @IsIn(['development', 'production', 'test']) ENVIRONMENT = 'development';
  @IsOptional() @IsInt() @Min(0) @Max(65535) SUPPORT_API_PORT = 8001;
  @IsOptional() @IsString() HOST = '0.0.0.0';
  @IsOptional() @Matches(PG_URL, { message: 'must be a postgres:// URL' }) DATABASE_URL?: string;
  @IsOptional() @Matches(REDIS_URL, { message: 'must be a redis:// URL' }) REDIS_URL?: string;
  @IsOptional() @IsString() DATA_DIR = '.data';
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  SECRET_KEY?: string;
  @IsOptional() @IsNumber() @Min(0.01) @Max(720) ACCESS_TOKEN_EXPIRE_HOURS = 24;
  @IsOptional() @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  QUIMBI_BASE_URL = 'http://127.0.0.1:8002';
  @IsOptional() @IsString() QUIMBI_API_KEY?: string;
  @IsOptional() @IsNumber() @Min(0.1) @Max(300) QUIMBI_TIMEOUT = 30;
  @IsOptional() @IsInt() @Min(0) @Max(10) QUIMBI_MAX_RETRIES = 3;
  @IsOptional() @IsInt() @Min(1) QUIMBI_CACHE_INTELLIGENCE_TTL = 900;
  @IsOptional() @IsInt() @Min(1) QUIMBI_CACHE_CHURN_TTL = 3600;
  @IsOptional() @IsInt() @Min(1) QUIMBI_CACHE_LTV_TTL = 3600;
  @IsOptional() @IsInt() @Min(1) QUIMBI_CACHE_DRAFT_TTL = 3600;
  @IsOptional() @IsString() CORS_ORIGINS = 'http://localhost:4200';
  @IsOptional() @IsNumber() SCORING_CHURN_WEIGHT = 3.0;
  @IsOptional() @IsNumber() SCORING_VALUE_WEIGHT = 2.0;
  @IsOptional() @IsNumber() @Min(1) SCORING_VALUE_CAP = 10000;
  @IsOptional() @IsNumber() SCORING_URGENCY_WEIGHT = 1.5;
  @IsOptional() @IsNumber() @Min(0) SCORING_WAIT_WEIGHT = 1.5;
  @IsOptional() @IsNumber() @Min(0) SCORING_WAIT_CAP = 3.0;
  @IsOptional() @IsNumber() SCORING_EASY_BONUS = 1.0;
  @IsOptional() @IsNumber() SCORING_COMPLEX_PENALTY = -1.5;
  @IsOptional() @IsNumber() SCORING_SENTIMENT_BOOST = 2.0;
  @IsOptional() @IsNumber() @Min(0) @Max(1) SCORING_SENTIMENT_THRESHOLD = 0.3;
  @IsOptional() @IsNumber() SCORING_SLA_WARNING_BOOST = 2.0;
  @IsOptional() @IsNumber() SCORING_SLA_BREACH_BOOST = 4.0;
  @IsOptional() @IsNumber() TOPIC_ALERT_BOOST = 5.0;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
  @IsOptional() @IsBooleanString() RUN_WORKERS = 'true';
  @IsOptional() @IsBooleanString() SEED_DEMO_DATA = 'true';
  @IsOptional() @IsString() WEB_DIST_DIR = 'dist/web/browser';
  @IsOptional() @IsInt() @Min(1) RATE_LIMIT_ANONYMOUS_PER_MINUTE = 100;
  @IsOptional() @IsInt() @Min(1) RATE_LIMIT_AGENT_PER_MINUTE = 1000;
  @IsOptional() @IsInt() @Min(1) LOGIN_MAX_FAILURES = 5;
  @IsOptional() @IsInt() @Min(1) LOGIN_LOCKOUT_SECONDS = 900;
  @IsOptional() @IsString() QUEUE_PREFIX = 'quimbi';
  @IsOptional() @IsInt() @Min(1000) SLA_CHECK_INTERVAL_MS = 60_000;
  @IsOptional() @IsInt() @Min(1) @Max(1000) SLA_CHECK_BATCH_SIZE = 200;
  @IsOptional() @IsInt() @Min(0) @Max(60_000) INBOX_CACHE_MS = 2_000;
  @IsOptional() @IsBooleanString() SLA_NOTIFY_TEAM_LEAD = 'true';
  @IsOptional() @Matches(HTTP_URL, { message: 'must be an http(s) URL' }) SLA_WEBHOOK_URL?: string;
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  SLA_WEBHOOK_SECRET?: string;
  @IsOptional() @IsInt() @Min(1) @Max(25) SLA_WEBHOOK_MAX_ATTEMPTS = 10;
  @IsOptional() @IsInt() @Min(100) @Max(3_600_000) SLA_WEBHOOK_BACKOFF_MS = 10_000;
  @IsOptional() @IsInt() @Min(100) @Max(60_000) SLA_WEBHOOK_TIMEOUT_MS = 10_000;
  @IsOptional() @IsInt() @Min(1000) SLA_WEBHOOK_SWEEP_INTERVAL_MS = 10_000;
  @IsOptional() @IsInt() @Min(1000) FIGURES_REFRESH_INTERVAL_MS = 300_000;
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;
  @IsOptional() @IsString() @MinLength(16) INBOUND_EMAIL_SECRET?: string;
  @IsOptional() @IsString() @MinLength(16) INBOUND_SMS_SECRET?: string;
  @IsOptional() @IsString() @MinLength(16) INBOUND_CHAT_SECRET?: string;
}
