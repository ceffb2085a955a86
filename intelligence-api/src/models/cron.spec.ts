import { nextCronInstant } from './cron';

describe('nextCronInstant', () => {
  it('finds the next daily run in UTC', () => {
    expect(nextCronInstant('0 2 * * *', new Date('2026-03-01T01:59:00Z')).toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(nextCronInstant('0 2 * * *', new Date('2026-03-01T02:00:00Z')).toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('handles steps and weekdays', () => {
    expect(nextCronInstant('*/15 * * * *', new Date('2026-03-01T10:07:30Z')).toISOString()).toBe('2026-03-01T10:15:00.000Z');
    // 2026-03-01 is a Sunday: the next Monday 06:30
    expect(nextCronInstant('30 6 * * 1', new Date('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-03-02T06:30:00.000Z');
  });

  it('refuses nonsense', () => {
    expect(() => nextCronInstant('every night')).toThrow();
  });
});
