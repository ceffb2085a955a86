import { demoAnchor } from './anchor';

describe('demoAnchor', () => {
  it('is the start of the current UTC hour, so two processes starting together agree', () => {
    expect(demoAnchor(new Date('2026-11-22T10:59:59.999Z')).toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(demoAnchor(new Date('2026-11-22T10:00:00.000Z')).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });
});
