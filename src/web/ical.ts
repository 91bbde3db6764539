/**
 * @module iCalendar (RFC 5545) of meetings: one VEVENT per meeting with a stable UID, times in
 * Europe/Copenhagen with its VTIMEZONE, the place, a summary, the meeting page's URL, and
 * STATUS:CANCELLED for a cancelled meeting. Lines are CRLF-terminated and folded at 75 octets.
 */
import type { CalendarEntry } from '../archive/types.js';
import { STATUS_LABELS } from '../model/index.js';

/** Europe/Copenhagen as the EU has kept it since 1996: last Sunday of March and of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Copenhagen',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  // One pass: a calendar escapes thousands of values.
  return text.replace(/\r?\n|[\\;,]/g, (c) => (c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n'));
}

/** UTF-8 octets of one code point, worked out rather than encoded (folding runs over every character of a calendar). */
const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A content line folded into lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  // Most lines are short: returned as they are without a walk over their characters.
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = octets(char.codePointAt(0)!);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');
const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** The calendar's events; `origin` ("https://host") builds URLs and UIDs. */
export function renderCalendar(entries: CalendarEntry[], options: { name: string; origin: string }): string {
  const host = new URL(options.origin).host;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Referat//Mødearkiv//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`, 'X-WR-TIMEZONE:Europe/Copenhagen', ...VTIMEZONE];
  for (const e of entries) {
    const summary = e.body ? `Møde i ${e.body.name}` : 'Møde';
    lines.push('BEGIN:VEVENT', `UID:meeting-${e.meetingId}@${host}`, `DTSTAMP:${utcStamp(e.modified)}`);
    if (e.startTime) {
      lines.push(`DTSTART;TZID=Europe/Copenhagen:${compact(e.date)}T${e.startTime.replace(':', '')}00`);
      if (e.endTime && e.endTime > e.startTime) lines.push(`DTEND;TZID=Europe/Copenhagen:${compact(e.date)}T${e.endTime.replace(':', '')}00`);
    } else {
      // No time stated: the day itself.
      lines.push(`DTSTART;VALUE=DATE:${compact(e.date)}`);
    }
    lines.push(`SUMMARY:${escapeText(summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    lines.push(`DESCRIPTION:${escapeText(STATUS_LABELS[e.status])}`, `URL:${options.origin}/meetings/${e.meetingId}`);
    lines.push(`STATUS:${e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
