import { testRedisUrl, testServerUrl, uniqueName } from './database';

describe('test isolation helpers', () => {
  it('gives every call a different name with the prefix', () => {
    const names = new Set(Array.from({ length: 50 }, () => uniqueName('run')));
    expect(names.size).toBe(50);
    for (const n of names) expect(n).toMatch(/^run_\d+_[0-9a-f]{8}$/);
  });

  it('defaults to the local servers and honours overrides', () => {
    const saved = { ...process.env };
    delete process.env['TEST_DATABASE_URL'];
    delete process.env['TEST_REDIS_URL'];
    expect(testServerUrl()).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(testRedisUrl()).toBe('redis://127.0.0.1:6379');
    process.env['TEST_DATABASE_URL'] = 'postgres://elsewhere/db';
    expect(testServerUrl()).toBe('postgres://elsewhere/db');
    process.env = saved;
  });
});
