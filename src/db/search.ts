/**
 * @module Danish full-text search over the agenda items a viewer may read.
 *
 * `websearch_to_tsquery('danish', q)` gives stemming, "quoted phrases", -exclusion and `or`;
 * ranking weights title (A) and decision (B) above summary/recommendation (C) and other text (D).
 * Which rows make the page is decided in search-strategy.ts so that common words stay fast;
 * this module prepares the query and filters and turns the page into hits with snippets.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchHit, SearchQuery, SearchResult } from '../archive/types.js';
import type { DocumentKind, Viewer } from '../model/index.js';
import { itemUrl } from '../web/urls.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { findPage, intArray, TUNING, type SearchPlan, type Tuning } from './search-strategy.js';
import { visibleItems } from './visibility.js';

export const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const MAX_QUERY_LENGTH = 500;
/** Snippets are cut from the first this-many characters: ts_headline's cost grows with the text. */
const SNIPPET_SOURCE_LENGTH = 4000;

// Control characters that never occur in documents mark matches in ts_headline output, so the
// text can be HTML-escaped first and the marks turned into <mark> after.
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/** A search result that also says whether `total` is exact or the planner's estimate. */
export interface DbSearchResult extends SearchResult {
  totalIsEstimate: boolean;
}

interface HitRow {
  id: number;
  title: string;
  number: string;
  meeting_id: number;
  meeting_date: string | null;
  body: string | null;
  kind: DocumentKind;
  snippet: string | null;
}

/** Searches the items the viewer may read: filters, sorting and paging as in `SearchQuery`; see the module comments. */
export async function searchItems(db: Db, viewer: Viewer, query: SearchQuery, tuning: Tuning = TUNING): Promise<DbSearchResult> {
  const limit = clamp(query.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
  const page = clamp(query.page ?? 1, 1, 1_000_000);
  // Control characters have no meaning in a query, and PostgreSQL rejects NUL in text.
  const q = query.q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const none = { total: 0, totalIsEstimate: false, page, limit, results: [] };
  if (!q) return none;
  // One transaction: the strategy's planner settings are SET LOCAL to it.
  return db.transaction(async (tx) => {
    // The body's id as a constant, so the planner can estimate and index the filter.
    let bodyId: number | null = null;
    if (query.body) {
      const [body] = await queryRows<{ id: number }>(tx, sql`select id from organizations where slug = ${query.body}`);
      if (!body) return none;
      bodyId = body.id;
    }
    const plan = searchPlan(viewer, query, q, bodyId, (page - 1) * limit, limit, tuning);
    const found = await findPage(tx, plan);
    if (found.hits.length === 0) return { ...none, total: found.total, totalIsEstimate: !found.exact };
    const ranks = new Map(found.hits.map((h) => [h.id, h.rank]));
    const rows = await queryRows<HitRow>(
      tx,
      sql`select i.id, i.title, i.number, i.meeting_id, i.meeting_date::text as meeting_date, b.name as body, i.kind,
            ts_headline('danish', ${snippetText(query)}, ${plan.query}, ${HEADLINE_OPTIONS}) as snippet
          from unnest(${intArray(found.hits.map((h) => h.id))}::int[]) with ordinality as p(id, ord)
          join agenda_items i on i.id = p.id
          left join organizations b on b.id = i.organization_id
          order by p.ord`,
    );
    const results = rows.map((row) => toHit(row, ranks.get(row.id) ?? 0));
    return { total: found.total, totalIsEstimate: !found.exact, page, limit, results };
  });
}

type Plan = SearchPlan & { query: SQL };

/** The match, filters and ranks of a query; the section-type filter searches the typed vector. */
function searchPlan(viewer: Viewer, query: SearchQuery, q: string, bodyId: number | null, offset: number, limit: number, tuning: Tuning): Plan {
  const tsq = sql`websearch_to_tsquery('danish', ${q})`;
  const col = (alias: string, column: string) => sql.raw(`${alias}.${column}`);
  const typed = query.sectionType ? sql`referat_prefix_query(${tsq}, ${`${query.sectionType}/`})` : null;
  // Only the current version of each meeting is projected, so a meeting's items count once.
  const filters: SQL[] = [visibleItems(viewer, 'i')];
  if (query.kind) filters.push(sql`i.kind = ${query.kind}`);
  // `= any(…)` rather than `=`: PostgreSQL moves an equality to the end of the filter, after the
  // costly text match, while this stays where it is written (before it).
  if (bodyId !== null) filters.push(sql`i.organization_id = any(${`{${bodyId}}`}::int[])`);
  if (query.year !== undefined && Number.isInteger(query.year)) {
    filters.push(sql`i.meeting_date >= make_date(${query.year}::int, 1, 1)`);
    filters.push(sql`i.meeting_date < make_date(${query.year}::int + 1, 1, 1)`);
  }
  return {
    query: tsq,
    match: typed ? (a) => sql`${col(a, 'typed_tsv')} @@ ${typed}` : (a) => sql`${col(a, 'tsv')} @@ ${tsq}`,
    filters: sql.join(filters, sql` and `),
    rank: typed ? (a) => sql`ts_rank(${col(a, 'typed_tsv')}, ${typed})` : (a) => sql`ts_rank(${col(a, 'tsv')}, ${tsq})`,
    headMatch: typed ? null : (a) => sql`${col(a, 'head_tsv')} @@ ${tsq}`,
    headRank: typed ? null : (a) => sql`ts_rank(${col(a, 'head_tsv')}, ${tsq})`,
    sort: query.sort ?? 'relevance',
    offset,
    limit,
    tuning,
  };
}

/** The text a snippet is cut from: the filtered section type's text, else decision and sections. */
function snippetText(query: SearchQuery): SQL {
  const text = query.sectionType
    ? sql`(select string_agg(s.plain_text, ' … ' order by s.position) from sections s
          where s.item_id = i.id and s.type = ${query.sectionType})`
    : sql`coalesce(nullif(concat_ws(' … ', nullif(i.decision, ''), nullif(i.summary_text, ''), nullif(i.body_text, '')), ''), i.title)`;
  return sql`left(translate(coalesce(${text}, ''), ${START + STOP}, ''), ${SNIPPET_SOURCE_LENGTH})`;
}

function toHit(row: HitRow, rank: number): SearchHit {
  return {
    title: row.title,
    itemNumber: row.number,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    body: row.body,
    kind: row.kind,
    snippet: markSnippet(row.snippet ?? ''),
    url: itemUrl(row.meeting_id, row.number),
    rank,
  };
}

/** HTML-escapes ts_headline output and turns its match markers into <mark> elements. */
export function markSnippet(headline: string): string {
  const escaped = headline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped.replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
