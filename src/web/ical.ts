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

/** A content line folded into lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  // Most lines are short: returned as they are without a walk over their characters.
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  // One walk over the UTF-16 units, counting each character's UTF-8 octets and cutting by index
  // (a calendar folds thousands of lines: no per-character strings).
  let out = '';
  let start = 0;
  let size = 0;
  let limit = 75; // continuation lines start with a space: 74 after the first
  for (let i = 0; i < line.length; ) {
    const unit = line.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < line.length;
    const bytes = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (size + bytes > limit) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      size = 0;
      limit = 74;
    }
    size += bytes;
    i += pair ? 2 : 1;
  }
  return out + line.slice(start);
}

const compact = (date: string) => date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
const clock = (time: string) => `${time.replace(':', '')}00`;

/** A function that computes each distinct value once: a calendar repeats a few names thousands of times. */
function memo(f: (key: string) => string): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) seen.set(key, (value = f(key)));
    return value;
  };
}

/**
 * The calendar's events; `origin` ("https://host") builds URLs and UIDs. Written event by event
 * into one string, each line folded as it is made; the lines that repeat across events (summary,
 * place, status) are escaped and folded once per distinct value.
 */
export function renderCalendar(entries: CalendarEntry[], options: { name: string; origin: string }): string {
  const host = new URL(options.origin).host;
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Referat//Mødearkiv//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`, 'X-WR-TIMEZONE:Europe/Copenhagen', ...VTIMEZONE];
  const summary = memo((name) => `${foldLine(`SUMMARY:${escapeText(name)}`)}\r\n`);
  const location = memo((place) => `${foldLine(`LOCATION:${escapeText(place)}`)}\r\n`);
  const status = memo((code) => {
    const s = code as CalendarEntry['status'];
    return `${foldLine(`DESCRIPTION:${escapeText(STATUS_LABELS[s])}`)}\r\nSTATUS:${s === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}\r\n`;
  });
  let out = `${head.map(foldLine).join('\r\n')}\r\n`;
  for (const e of entries) {
    out += `BEGIN:VEVENT\r\n${foldLine(`UID:meeting-${e.meetingId}@${host}`)}\r\nDTSTAMP:${utcStamp(e.modified)}\r\n`;
    if (e.startTime) {
      const day = compact(e.date);
      out += `DTSTART;TZID=Europe/Copenhagen:${day}T${clock(e.startTime)}\r\n`;
      if (e.endTime && e.endTime > e.startTime) out += `DTEND;TZID=Europe/Copenhagen:${day}T${clock(e.endTime)}\r\n`;
    } else {
      // No time stated: the day itself.
      out += `DTSTART;VALUE=DATE:${compact(e.date)}\r\n`;
    }
    out += summary(e.body ? `Møde i ${e.body.name}` : 'Møde');
    if (e.location) out += location(e.location);
    out += `${status(e.status)}${foldLine(`URL:${options.origin}/meetings/${e.meetingId}`)}\r\nEND:VEVENT\r\n`;
  }
  return `${out}END:VCALENDAR\r\n`;
}
