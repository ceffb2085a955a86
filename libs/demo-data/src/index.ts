export { generateDemoStore, DEMO_DEFAULTS, DEMO_STORE } from './lib/generate';
export {
  DEMO_PASSWORD,
  DEMO_ADMIN_EMAIL,
  DEMO_STAFF_DOMAIN,
  DEMO_TEAMS,
  DEMO_AGENTS,
  TEAM_IDS,
  TICKET_HANDLING_ROLES,
} from './lib/staff';
export { CATEGORY_LABELS } from './lib/catalog';
export { PERSONA_PROFILES, type PersonaProfile } from './lib/customers';
export { Rng, apportion, hash128, stableUuid, type WeightedEntries } from './lib/random';
export * from './lib/types';
export { demoAnchor } from './lib/anchor';
