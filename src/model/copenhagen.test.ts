import { describe, expect, it } from 'vitest';
import { copenhagenDateTime, copenhagenTimestamp, copenhagenToday } from './copenhagen.js';

describe('Copenhagen times', () => {
  it('give wall-clock times the offset of their day: +01:00 in winter, +02:00 in summer', () => {
    expect(copenhagenDateTime('2020-01-15', '10:00')).toBe('2020-01-15T10:00:00+01:00');
    expect(copenhagenDateTime('2020-06-17', '10:00')).toBe('2020-06-17T10:00:00+02:00');
    // The days of the changes: after 03:00 on 29 March 2020 summer time, after 03:00 on 25 October winter time.
    expect(copenhagenDateTime('2020-03-29', '12:00')).toBe('2020-03-29T12:00:00+02:00');
    expect(copenhagenDateTime('2020-03-29', '01:00')).toBe('2020-03-29T01:00:00+01:00');
    expect(copenhagenDateTime('2020-10-25', '12:00')).toBe('2020-10-25T12:00:00+01:00');
  });

  it('turn UTC instants into Copenhagen time with the offset', () => {
    expect(copenhagenTimestamp('2020-06-17T08:00:00Z')).toBe('2020-06-17T10:00:00+02:00');
    expect(copenhagenTimestamp('2020-12-31T23:30:00Z')).toBe('2021-01-01T00:30:00+01:00');
    expect(copenhagenTimestamp(new Date('2020-10-25T00:30:00Z'))).toBe('2020-10-25T02:30:00+02:00');
    expect(copenhagenTimestamp(new Date('2020-10-25T01:30:00Z'))).toBe('2020-10-25T02:30:00+01:00');
  });

  it("gives today's date in Copenhagen, which is tomorrow's in UTC an hour before midnight", () => {
    expect(copenhagenToday(new Date('2020-12-31T23:30:00Z'))).toBe('2021-01-01');
    expect(copenhagenToday(new Date('2020-06-17T21:59:00Z'))).toBe('2020-06-17');
  });
});
