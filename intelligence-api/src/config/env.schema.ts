import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const PG_URL = /^postgres(ql)?:\/\/.+/;
const REDIS_URL = /^rediss?:\/\/.+/;

/** Every environment variable intelligence-api reads; its own settings carry the INTELLIGENCE_ prefix. */
export class IntelligenceEnv {
  @IsOptional() @IsIn(['development', 'production', 'test']) ENVIRONMENT = 'development';
  @IsOptional() @IsInt() @Min(0) @Max(65535) INTELLIGENCE_API_PORT = 8002;
  @IsOptional() @IsString() INTELLIGENCE_HOST = '127.0.0.1';
  @IsOptional() @Matches(PG_URL, { message: 'must be a postgres:// URL' })
  INTELLIGENCE_DATABASE_URL?: string;
  @IsOptional() @Matches(REDIS_URL, { message: 'must be a redis:// URL' }) REDIS_URL?: string;
  @IsOptional() @IsString() DATA_DIR = '.data';
  /** The key callers must send as X-API-Key (support-api sends it as QUIMBI_API_KEY). */
  @IsOptional() @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  INTELLIGENCE_API_KEY?: string;
  @IsOptional() @IsString() ANTHROPIC_API_KEY?: string;
  @IsOptional() @IsString() ANTHROPIC_MODEL = 'claude-sonnet-4-5';
  @IsOptional() @IsString() ANTHROPIC_BASE_URL?: string;
  /** Cron (UTC) for model refits; `off` disables the schedule. */
  @IsOptional() @IsString() MODEL_UPDATE_SCHEDULE = '0 2 * * *';
  /** Annual discount rate for the predicted LTV (converted to a weekly rate). */
  @IsOptional() @IsNumber() @Min(0) @Max(1) INTELLIGENCE_LTV_ANNUAL_DISCOUNT_RATE = 0.1;
  /** In-memory cache of analyze profiles: entries (0 disables) and time to live. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) INTELLIGENCE_PROFILE_CACHE_SIZE = 20_000;
  @IsOptional() @IsInt() @Min(1) @Max(86_400) INTELLIGENCE_PROFILE_CACHE_TTL_SECONDS = 60;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
  @IsOptional() @IsIn(['true', 'false']) SEED_DEMO_DATA = 'true';
  @IsOptional() @IsString() QUEUE_PREFIX = 'quimbi';
}
