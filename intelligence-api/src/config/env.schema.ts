import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

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
  @IsOptional() @IsString() MODEL_UPDATE_SCHEDULE = '0 2 * * *';
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
  @IsOptional() @IsIn(['true', 'false']) SEED_DEMO_DATA = 'true';
  @IsOptional() @IsString() QUEUE_PREFIX = 'quimbi';
}
