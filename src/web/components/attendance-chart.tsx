/**
 * @module A person's attendance over time: per year, the meetings present, with afbud and as
 * substitute, as a table (the text) with bars beside the numbers (decoration, hidden from
 * assistive technology). Server-rendered, no script.
 */
import type { Attendance } from '../../archive/types.js';
import { yearOf } from '../format.js';

export interface AttendanceYear {
  year: number;
  present: number;
  afbud: number;
  substitute: number;
}

/** Counts per year (newest first) of meetings present, afbud and as substitute; other attendance (guest) left out. */
export function attendanceByYear(attendance: readonly Attendance[]): AttendanceYear[] {
  const years = new Map<number, AttendanceYear>();
  for (const a of attendance) {
    const year = yearOf(a.meeting.date);
    if (year === null || (a.status !== 'present' && a.status !== 'afbud' && a.status !== 'substitute')) continue;
    const row = years.get(year) ?? { year, present: 0, afbud: 0, substitute: 0 };
    row[a.status]++;
    years.set(year, row);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/** A bar as SVG attributes (the CSP allows no inline style); colours from referat.css by class. */
function Bar(props: { n: number; max: number; kind: string }) {
  return (
    <svg class={`attendance-bar attendance-bar--${props.kind}`} width="80" height="10" viewBox="0 0 80 10" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={String(Math.round((props.n / props.max) * 80))} height="10" />
    </svg>
  );
}

export function AttendanceChart(props: { attendance: readonly Attendance[] }) {
  const years = attendanceByYear(props.attendance);
  // One year alone says nothing about "over time"; the table below has the meetings.
  if (years.length < 2) return null;
  const max = Math.max(...years.map((y) => Math.max(y.present, y.afbud, y.substitute)), 1);
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact attendance-chart">
        <caption>Deltagelse pr. år</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Til stede</th>
            <th scope="col">Afbud</th>
            <th scope="col">Som stedfortræder</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>{y.present} <Bar n={y.present} max={max} kind="present" /></td>
              <td>{y.afbud} <Bar n={y.afbud} max={max} kind="afbud" /></td>
              <td>{y.substitute} <Bar n={y.substitute} max={max} kind="substitute" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
