import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates environment variables against a class-validator schema once, at boot.
 * Empty strings count as unset so `.env` templates with blank values behave like absent ones.
 * Throws a ConfigError naming every bad variable.
 */
export function loadEnv<T extends object>(
  schema: new () => T,
  env: Record<string, string | undefined>,
): T {
  // Numeric settings are those whose default is a number; their text is converted here so a
  // non-number stays a string and fails validation with the variable's name.
  const defaults = new schema() as Record<string, unknown>;
  const present = Object.fromEntries(
    Object.entries(env)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => {
        const numeric = typeof defaults[k] === 'number' && /^-?\d+(\.\d+)?$/.test(String(v).trim());
        return [k, numeric ? Number(v) : v];
      }),
  );
  const instance = plainToInstance(schema, present);
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')} (got ${JSON.stringify(
            isSecretName(e.property) ? '***' : e.value,
          )})`,
      ),
    );
  }
  return instance;
}

export function isSecretName(name: string): boolean {
  return /KEY|SECRET|PASSWORD|TOKEN/i.test(name);
}

/** Parses "a,b,c" into trimmed non-empty items. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
