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

  it('agree with the time-zone database at and around every change from 1990 to 2060, and at random instants', () => {
    const zone = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
    });
    const expected = (instant: Date) => {
      const p = Object.fromEntries(zone.formatToParts(instant).map((x) => [x.type, x.value]));
      const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.replace('GMT', '');
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
    };
    const instants: Date[] = [];
    const offset = (t: number) => expected(new Date(t)).slice(-6);
    for (let day = Date.UTC(1990, 0, 1); day < Date.UTC(2060, 0, 1); day += 86_400_000) {
      if (offset(day) === offset(day + 86_400_000)) continue;
      // A day with a change: its hour before the change, with the seconds around it.
      for (let hour = day; hour < day + 86_400_000; hour += 3_600_000) {
        if (offset(hour) === offset(hour + 3_600_000)) continue;
        for (const d of [-3_600_000, -1000, 0, 999, 1000, 3_599_000, 3_600_000, 3_601_000, 7_200_000]) instants.push(new Date(hour + d));
      }
    }
    expect(instants.length).toBeGreaterThan(70 * 2 * 9 - 1);
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      instants.push(new Date(Date.UTC(1990, 0, 1) + (seed / 2_147_483_648) * 70 * 365.25 * 86_400_000));
    }
    for (const instant of instants) expect(copenhagenTimestamp(instant), instant.toISOString()).toBe(expected(instant));
  });
});
