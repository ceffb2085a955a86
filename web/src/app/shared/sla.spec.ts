import { countdownTone, formatDuration, secondsUntil } from './sla';

describe('SLA display', () => {
  it('formats countdowns as agents read them', () => {
    expect(formatDuration(2 * 86_400 + 4 * 3600 + 59)).toBe('2d 4h');
    expect(formatDuration(3600 + 5 * 60)).toBe('1h 05m');
    expect(formatDuration(12 * 60 + 5)).toBe('12m');
    expect(formatDuration(12 * 60 + 5, { seconds: true })).toBe('12m 05s');
    expect(formatDuration(42)).toBe('<1m');
    expect(formatDuration(42, { seconds: true })).toBe('42s');
    expect(formatDuration(-(15 * 60 + 30))).toBe('15m');
  });

  it('counts seconds to a deadline', () => {
    expect(secondsUntil('2026-01-01T00:10:00.000Z', Date.parse('2026-01-01T00:00:00.000Z'))).toBe(
      600,
    );
    expect(secondsUntil(null, 0)).toBeNull();
    expect(secondsUntil('not a date', 0)).toBeNull();
  });

  it('colours a countdown by time left and by the API flag', () => {
    expect(countdownTone(3 * 3600)).toBe('ok');
    expect(countdownTone(20 * 60)).toBe('warn');
    expect(countdownTone(3 * 3600, 'warning')).toBe('warn');
    expect(countdownTone(0)).toBe('danger');
    expect(countdownTone(3 * 3600, 'breached')).toBe('danger');
  });
});
