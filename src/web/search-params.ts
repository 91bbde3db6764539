/**
 * @module The search parameters shared by `/search` and `/api/search`, validated with zod.
 * Empty strings (an untouched "Alle" option in the form) count as absent. Dates come as the
 * form's date fields send them (YYYY-MM-DD); `person` is a person reference or a name.
 */
import { z } from 'zod';
import { DocumentKind, SectionType } from '../model/index.js';
import type { SearchQuery } from '../archive/types.js';

export const PAGE_SIZE = 20;
export const MAX_LIMIT = 100;
export const MAX_QUERY_LENGTH = 500;
export const MAX_PERSON_LENGTH = 200;

/** A real calendar date written YYYY-MM-DD (no 2024-02-30). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

const dateParam = (name: string, label: string) =>
  optional(z.string().trim().refine(isCalendarDate, `${name} (${label}) skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2024-03-01.`));

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** An optional query parameter, where an empty value (an untouched form field) counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const SearchParams = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `Søgeteksten må højst være ${MAX_QUERY_LENGTH} tegn.`)
    .default(''),
  body: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'body skal være et organs kortnavn (fx kkr-midtjylland).')),
  year: optional(z.coerce.number({ error: 'year skal være et årstal.' }).int('year skal være et årstal.').min(1900, 'year skal være mellem 1900 og 2100.').max(2100, 'year skal være mellem 1900 og 2100.')),
  from: dateParam('from', 'fra dato'),
  to: dateParam('to', 'til dato'),
  person: optional(
    z
      .string()
      .trim()
      .max(MAX_PERSON_LENGTH, `person må højst være ${MAX_PERSON_LENGTH} tegn.`)
      .regex(/^[^\p{C}]*$/u, 'person må ikke indeholde styretegn.'),
  ),
  kind: optional(z.enum(DocumentKind.options, { error: 'kind skal være agenda eller minutes.' })),
  section: optional(z.enum(SectionType.options, { error: `section skal være en af: ${SectionType.options.join(', ')}.` })),
  sort: optional(z.enum(['relevance', 'newest', 'oldest'], { error: 'sort skal være relevance, newest eller oldest.' })),
  page: optional(z.coerce.number({ error: 'page skal være et helt tal.' }).int('page skal være et helt tal.').min(1, 'page skal være mindst 1.').max(10_000, 'page må højst være 10000.')),
  limit: optional(z.coerce.number({ error: 'limit skal være et helt tal.' }).int('limit skal være et helt tal.').min(1, 'limit skal være mindst 1.').max(MAX_LIMIT, `limit må højst være ${MAX_LIMIT}.`)),
}).refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, 'Fra-datoen skal ligge før eller på til-datoen.');

/** A validated search: an archive query with page, limit and sort filled in. */
export type ValidSearch = SearchQuery & { page: number; limit: number; sort: NonNullable<SearchQuery['sort']> };

export type SearchParamsResult = { ok: true; query: ValidSearch } | { ok: false; error: string };

/** Parse query-string parameters; `allowLimit` is false for the HTML page, which has a fixed page size. */
export function parseSearchParams(raw: Record<string, string>, allowLimit: boolean): SearchParamsResult {
  const result = SearchParams.safeParse(raw);
  if (!result.success) {
    const messages = result.error.issues.map((issue) => issue.message);
    return { ok: false, error: [...new Set(messages)].join(' ') };
  }
  const v = result.data;
  const query: ValidSearch = {
    q: v.q,
    sort: v.sort ?? 'relevance',
    page: v.page ?? 1,
    limit: allowLimit ? (v.limit ?? PAGE_SIZE) : PAGE_SIZE,
  };
  if (v.body !== undefined) query.body = v.body;
  if (v.year !== undefined) query.year = v.year;
  if (v.from !== undefined) query.from = v.from;
  if (v.to !== undefined) query.to = v.to;
  if (v.person !== undefined) query.person = v.person;
  if (v.kind !== undefined) query.kind = v.kind;
  if (v.section !== undefined) query.sectionType = v.section;
  return { ok: true, query };
}

/** The query-string form of a search (for links: pagination, sorting), without defaults. */
export function searchQueryParams(query: Partial<SearchQuery>): Record<string, string | number | undefined> {
  return {
    q: query.q,
    body: query.body,
    year: query.year,
    from: query.from,
    to: query.to,
    person: query.person,
    kind: query.kind,
    section: query.sectionType,
    sort: query.sort === 'relevance' ? undefined : query.sort,
    page: query.page && query.page > 1 ? query.page : undefined,
  };
}
