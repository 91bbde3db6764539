/**
 * @module The meetings list's query string (`/meetings?body=…&year=…&page=…`, or `?month=2020-08`
 * for the month calendar), validated with zod, and the URLs that carry it.
 */
import { z } from 'zod';
import { optional } from './search-params.js';

/** A month the list can show: YYYY-MM, years 1900–2100. */
export const MONTH_PATTERN = /^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;

const MeetingsParams = z.object({
  body: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Organ skal være et organs kortnavn (fx kkr-midtjylland).')),
  year: optional(z.coerce.number({ error: 'År skal være et årstal.' }).int('År skal være et årstal.').min(1900, 'År skal være mellem 1900 og 2100.').max(2100, 'År skal være mellem 1900 og 2100.')),
  page: optional(z.coerce.number({ error: 'Side skal være et helt tal.' }).int('Side skal være et helt tal.').min(1, 'Side skal være mindst 1.').max(10_000, 'Side må højst være 10000.')),
  month: optional(
    z.string().regex(MONTH_PATTERN, 'Måned skal skrives som år og måned, fx 2020-08.'),
  ),
});

export interface MeetingsQuery {
  body?: string;
  year?: number;
  page?: number;
  /** YYYY-MM: the month calendar instead of the list. */
  month?: string;
}

export type MeetingsParamsResult = { ok: true; query: MeetingsQuery } | { ok: false; error: string };

/** Parse `/meetings` query parameters; unknown parameters are ignored. */
export function parseMeetingsParams(raw: Record<string, string>): MeetingsParamsResult {
  const result = MeetingsParams.safeParse(raw);
  if (!result.success) return { ok: false, error: [...new Set(result.error.issues.map((i) => i.message))].join(' ') };
  const query: MeetingsQuery = {};
  for (const key of ['body', 'year', 'page', 'month'] as const) {
    if (result.data[key] !== undefined) (query as Record<string, unknown>)[key] = result.data[key];
  }
  return { ok: true, query };
}

/** `/meetings?…` with empty parameters and page 1 left out. */
export function meetingsUrl(query: MeetingsQuery = {}): string {
  const params = new URLSearchParams();
  if (query.body) params.set('body', query.body);
  if (query.month) params.set('month', query.month);
  else if (query.year !== undefined) params.set('year', String(query.year));
  if (!query.month && query.page && query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `/meetings?${s}` : '/meetings';
}

/** The month before or after a YYYY-MM month. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
