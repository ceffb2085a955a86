/** Injection tokens for infrastructure that has no class of its own. */
export const REDIS = Symbol('REDIS');
export const COUNTER_STORE = Symbol('COUNTER_STORE');
export const DATABASE_INFO = Symbol('DATABASE_INFO');

export interface DatabaseInfo {
  url: string;
  embedded: boolean;
}
