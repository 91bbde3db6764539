/**
 * @module Time in Europe/Copenhagen, where the meetings are held: +01:00 in winter, +02:00 in
 * summer. Stored timestamps are UTC instants and meeting times local wall-clock times; pages,
 * OParl and the meeting status all read them through here.
 */

const ZONE = 'Europe/Copenhagen';

/** Made once: building an Intl formatter costs far more than using it, and OParl lists format thousands of times. */
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Copenhagen's offset from UTC, in minutes, at an instant, as the time-zone database has it. */
function zoneOffsetAt(instant: Date): number {
  const parts = WALL_CLOCK.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** Since 1996 the EU rule: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
const EU_RULE_SINCE = 1996;
const summerTimes = new Map<number, [number, number]>();
const lastSundayAtOneUtc = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month + 1, 0)); // the month's last day
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
};

/**
 * Copenhagen's offset from UTC, in minutes, at an instant: worked out from the EU rule for the
 * years it holds (formatting through Intl costs microseconds, and an OParl page formats over a
 * thousand timestamps), from the time-zone database before it.
 */
function offsetAt(instant: Date): number {
  const year = instant.getUTCFullYear();
  if (!(year >= EU_RULE_SINCE)) return zoneOffsetAt(instant);
  let summer = summerTimes.get(year);
  if (!summer) summerTimes.set(year, (summer = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)]));
  const t = instant.getTime();
  return t >= summer[0] && t < summer[1] ? 120 : 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

function withOffset(wall: { y: number; m: number; d: number; h: number; min: number; s: number }, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.y}-${pad(wall.m)}-${pad(wall.d)}T${pad(wall.h)}:${pad(wall.min)}:${pad(wall.s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A UTC timestamp (as the database gives it) as Copenhagen time with its offset. */
export function copenhagenTimestamp(value: string | Date): string {
  const instant = value instanceof Date ? value : new Date(value);
  const offset = offsetAt(instant);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000);
  return withOffset(
    { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), h: local.getUTCHours(), min: local.getUTCMinutes(), s: local.getUTCSeconds() },
    offset,
  );
}

/** A Copenhagen wall-clock date and time ("2020-06-17", "10:00") with the offset it had that day. */
export function copenhagenDateTime(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  // The offset at that wall time: try winter time, correct once (a wall time inside a change is rare).
  const guess = Date.UTC(y, m - 1, d, h, min) - 60 * 60_000;
  const offset = offsetAt(new Date(Date.UTC(y, m - 1, d, h, min) - offsetAt(new Date(guess)) * 60_000));
  return withOffset({ y, m, d, h, min, s: 0 }, offset);
}

/** Today in Copenhagen, as YYYY-MM-DD: when an agenda's meeting counts as held. */
export function copenhagenToday(now = new Date()): string {
  return copenhagenTimestamp(now).slice(0, 10);
}
