import { ConfigError, loadEnv, LOCAL_INTELLIGENCE_KEY, localSecret } from '@quimbi/server-kit';

import { AppConfig, toAppConfig } from './app-config';
import { SupportEnv } from './env.schema';

/**
 * Reads and validates the environment. Outside production, a missing SECRET_KEY (and the
 * intelligence API key) is generated once and kept under the data directory, so tokens survive
 * restarts and both local APIs agree on the key.
 */
export function loadAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = loadEnv(SupportEnv, env);
  if (parsed.ENVIRONMENT !== 'production') {
    parsed.SECRET_KEY ??= localSecret(parsed.DATA_DIR, 'support-secret');
    parsed.QUIMBI_API_KEY ??= localSecret(parsed.DATA_DIR, LOCAL_INTELLIGENCE_KEY, 24);
    parsed.INBOUND_EMAIL_SECRET ??= localSecret(parsed.DATA_DIR, 'inbound-email');
    parsed.INBOUND_SMS_SECRET ??= localSecret(parsed.DATA_DIR, 'inbound-sms');
    parsed.INBOUND_CHAT_SECRET ??= localSecret(parsed.DATA_DIR, 'inbound-chat');
  }
  const config = toAppConfig(parsed);
  return config;
}

/** Prints a configuration problem naming the variables and exits non-zero. */
export function exitOnConfigError(err: unknown): never {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`support-api: ${message}\n`);
  process.exit(1);
}
