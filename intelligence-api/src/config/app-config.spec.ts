import { loadIntelligenceConfig } from './app-config';

const base = { ENVIRONMENT: 'test', INTELLIGENCE_API_KEY: 'a-key-of-sixteen-chars', DATA_DIR: '/tmp' };

describe('loadIntelligenceConfig (models and cache settings)', () => {
  it('defaults: nightly refit at 02:00 UTC, 10 % a year, a 20,000-entry cache for 60 s', () => {
    expect(loadIntelligenceConfig(base)).toMatchObject({
      modelUpdateSchedule: '0 2 * * *',
      ltvAnnualDiscountRate: 0.1,
      profileCache: { size: 20_000, ttlMs: 60_000 },
    });
  });

  it('turns the schedule off and reads the numbers', () => {
    expect(
      loadIntelligenceConfig({
        ...base,
        MODEL_UPDATE_SCHEDULE: 'off',
        INTELLIGENCE_LTV_ANNUAL_DISCOUNT_RATE: '0.08',
        INTELLIGENCE_PROFILE_CACHE_SIZE: '0',
        INTELLIGENCE_PROFILE_CACHE_TTL_SECONDS: '5',
      }),
    ).toMatchObject({ modelUpdateSchedule: null, ltvAnnualDiscountRate: 0.08, profileCache: { size: 0, ttlMs: 5000 } });
  });

  it('refuses a schedule that is not a cron expression, and a rate above 1', () => {
    expect(() => loadIntelligenceConfig({ ...base, MODEL_UPDATE_SCHEDULE: 'every night' })).toThrow(/MODEL_UPDATE_SCHEDULE/);
    expect(() => loadIntelligenceConfig({ ...base, INTELLIGENCE_LTV_ANNUAL_DISCOUNT_RATE: '1.5' })).toThrow(
      /INTELLIGENCE_LTV_ANNUAL_DISCOUNT_RATE/,
    );
  });
});
