import { addDays, fromDayNumber, toDayNumber } from './dates';

describe('calendar days', () => {
  it.each([
    ['1970-01-01', 0],
    ['19970101', 9862],
    ['1997-09-30', 10134],
    ['2000-02-29', 11016],
  ])('%s is day %p', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date.length === 8 ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date);
  });

  it('reads Date objects by their UTC calendar day', () => {
    expect(toDayNumber(new Date('1997-09-30T23:59:59Z'))).toBe(toDayNumber('1997-09-30'));
  });

  it('the CDNOW calibration period is 39 weeks and the holdout another 39', () => {
    expect(toDayNumber('1997-10-01') - toDayNumber('1997-01-01')).toBe(39 * 7);
    expect(toDayNumber('1998-06-30') - toDayNumber('1997-09-30')).toBe(39 * 7);
    expect(addDays('1997-01-01', 39 * 7 - 1)).toBe('1997-09-30');
  });

  it.each(['1997-02-30', '1997-13-01', '97-01-01', 'yesterday', ''])('rejects %p', (bad) => {
    expect(() => toDayNumber(bad)).toThrow(RangeError);
  });
});
