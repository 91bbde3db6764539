/**
 * @module A month as a server-rendered calendar grid: a table with a caption, weekday column
 * headers and week-number row headers (Danish weeks start on Monday), where a day with
 * meetings links to its meeting, or to the day in the list below when it has several.
 */
import type { MeetingSummary } from '../../archive/types.js';
import { bodyName, danishDate, danishMonth } from '../format.js';
import { meetingUrl } from '../urls.js';

const WEEKDAYS = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

/** The ISO 8601 week number of a UTC date. */
export function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The week's Thursday decides the year the week belongs to.
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

export interface CalendarWeek {
  week: number;
  /** Monday to Sunday: YYYY-MM-DD, or null for a day of another month. */
  days: Array<string | null>;
}

/** The weeks of a YYYY-MM month, Monday first. */
export function monthGrid(month: string): CalendarWeek[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // days before the 1st in its week
  const weeks: CalendarWeek[] = [];
  for (let start = -lead; start < daysInMonth; start += 7) {
    const days = Array.from({ length: 7 }, (_, i) => {
      const day = start + i + 1;
      return day >= 1 && day <= daysInMonth ? `${month}-${String(day).padStart(2, '0')}` : null;
    });
    weeks.push({ week: isoWeek(new Date(Date.UTC(y, m - 1, start + 1))), days });
  }
  return weeks;
}

/** The anchor of a day in the month's meeting list: `dag-2020-08-28`. */
export function dayAnchor(date: string): string {
  return `dag-${date}`;
}

function Day(props: { date: string; meetings: MeetingSummary[]; today: boolean }) {
  const { date, meetings } = props;
  const day = Number(date.slice(8));
  const current = props.today ? 'date' : undefined;
  if (meetings.length === 0) {
    return <td class="calendar-day" aria-current={current}><span class="calendar-day-number">{day}</span></td>;
  }
  const href = meetings.length === 1 ? meetingUrl(meetings[0]!.id) : `#${dayAnchor(date)}`;
  const names = meetings.map((m) => bodyName(m)).join(', ');
  return (
    <td class="calendar-day calendar-day-with-meetings" aria-current={current}>
      <a href={href} class="calendar-day-link">
        <span class="calendar-day-number">{day}</span>
        <span class="sr-only">. {danishDate(date).replace(/^\d+\. /, '')}: </span>
        <span class="calendar-day-bodies">{names}</span>
      </a>
    </td>
  );
}

/** The month grid; `today` (YYYY-MM-DD) is marked with aria-current="date". */
export function CalendarMonth(props: { month: string; meetings: MeetingSummary[]; today: string }) {
  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of props.meetings) if (m.date) byDay.set(m.date, [...(byDay.get(m.date) ?? []), m]);
  return (
    <div class="table--responsive-scroll calendar-scroll" tabindex={0} role="region" aria-label={`Kalender for ${danishMonth(props.month)}`}>
      <table class="table calendar-month">
        <caption>{danishMonth(props.month).replace(/^./, (c) => c.toUpperCase())}</caption>
        <thead>
          <tr>
            <th scope="col" class="calendar-week"><span aria-hidden="true">Uge</span><span class="sr-only">Ugenummer</span></th>
            {WEEKDAYS.map((d) => (
              <th scope="col"><span aria-hidden="true">{d.slice(0, 3)}</span><span class="sr-only">{d}</span></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(props.month).map((w) => (
            <tr>
              <th scope="row" class="calendar-week"><span class="sr-only">Uge </span>{w.week}</th>
              {w.days.map((date) => (date ? <Day date={date} meetings={byDay.get(date) ?? []} today={date === props.today} /> : <td class="calendar-day calendar-day-outside"></td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
