/**
 * @module Danish full-text search over public agenda items.
 *
 * `websearch_to_tsquery('danish', q)` gives stemming, "quoted phrases", -exclusion and `or`.
 * Ranking every match is what makes common terms slow (cost grows with the number of matching
 * rows, and each full vector must be detoasted), so relevance search ranks in two steps:
 * all matches are ordered by the rank of their small title+decision vector (cheap, and the
 * part that dominates `ts_rank` with weights A and B), and only the best `CANDIDATES` of those
 * are ranked by their full vector. Snippets are made for the returned page only.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchHit, SearchQuery, SearchResult } from '../archive/types.js';
import type { DocumentKind } from '../model/index.js';
import { itemUrl } from '../web/urls.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';

export const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
/** How many cheaply pre-ranked matches get the full ranking; pages beyond keep the cheap order. */
const CANDIDATES = 200;
const MAX_QUERY_LENGTH = 500;
const RELEVANCE_ORDER = sql.raw('rank desc, m.head_rank desc, m.meeting_date desc nulls last, m.id desc');

// Control characters that never occur in documents mark matches in ts_headline output, so the
// text can be HTML-escaped first and the marks turned into <mark> after.
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

interface HitRow {
  id: number;
  title: string;
  number: string;
  meeting_id: number;
  meeting_date: string | null;
  body: string | null;
  kind: DocumentKind;
  rank: number;
  total: number;
  snippet: string | null;
}

/** Searches public items; see the module comment for how ranking stays fast. */
export async function searchItems(db: Db, query: SearchQuery): Promise<SearchResult> {
  const limit = clamp(query.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
  const page = clamp(query.page ?? 1, 1, 1_000_000);
  const empty: SearchResult = { total: 0, page, limit, results: [] };
  // Control characters have no meaning in a query, and PostgreSQL rejects NUL in text.
  const q = query.q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return empty;
  const offset = (page - 1) * limit;
  const tsq = sql`websearch_to_tsquery('danish', ${q})`;
  const where = filters(query, tsq);
  const sort = query.sort ?? 'relevance';

  const ordered =
    sort === 'relevance'
      ? sql`
        with matches as (
          select i.id, i.meeting_date, ts_rank(i.head_tsv, ${tsq}) as head_rank, count(*) over () as total
          from agenda_items i where ${where}
          order by head_rank desc, i.meeting_date desc nulls last, i.id desc
          limit ${Math.max(CANDIDATES, offset + limit)}
        )
        select m.id, m.total, ts_rank(i.tsv, ${tsq}) as rank, m.head_rank
        from matches m join agenda_items i on i.id = m.id
        order by ${RELEVANCE_ORDER}
        limit ${limit} offset ${offset}`
      : sql`
        select i.id, count(*) over () as total, 0 as rank, 0 as head_rank
        from agenda_items i where ${where}
        order by ${dateOrder(sort)}
        limit ${limit} offset ${offset}`;

  const rows = await queryRows<HitRow>(
    db,
    sql`
      with page as (${ordered})
      select i.id, i.title, i.number, i.meeting_id, i.meeting_date::text as meeting_date, b.name as body, i.kind,
        p.rank::float8 as rank, p.total::int as total,
        ts_headline('danish', ${snippetText(query)}, ${tsq}, ${HEADLINE_OPTIONS}) as snippet
      from page p
      join agenda_items i on i.id = p.id
      left join bodies b on b.id = i.body_id
      -- The join does not keep the page's order: sort again by the same keys (on ≤ limit rows).
      order by ${sort === 'relevance' ? sql`p.rank desc, p.head_rank desc, i.meeting_date desc nulls last, i.id desc` : dateOrder(sort)}`,
  );
  const total = rows[0]?.total ?? (offset > 0 ? await countMatches(db, where) : 0);
  return { total, page, limit, results: rows.map(toHit) };
}

/** The WHERE clause: a public item matching the query and every given filter. */
function filters(query: SearchQuery, tsq: SQL): SQL {
  const parts: SQL[] = [sql`i.tsv @@ ${tsq}`, sql`not i.closed`];
  // Without a kind, a meeting's items count once: from its minutes when it has them.
  parts.push(query.kind ? sql`i.kind = ${query.kind}` : sql`i.current`);
  if (query.body) parts.push(sql`i.body_id = (select id from bodies where slug = ${query.body})`);
  if (query.year !== undefined && Number.isInteger(query.year)) {
    parts.push(sql`i.meeting_date >= make_date(${query.year}::int, 1, 1)`);
    parts.push(sql`i.meeting_date < make_date(${query.year}::int + 1, 1, 1)`);
  }
  if (query.sectionType) {
    parts.push(sql`i.id in (select s.item_id from sections s where s.type = ${query.sectionType} and s.tsv @@ ${tsq})`);
  }
  return sql.join(parts, sql` and `);
}

/** The text a snippet is cut from: the filtered section type's text, else decision and sections. */
function snippetText(query: SearchQuery): SQL {
  const text = query.sectionType
    ? sql`(select string_agg(s.plain_text, ' … ' order by s.position) from sections s
          where s.item_id = i.id and s.type = ${query.sectionType})`
    : sql`coalesce(nullif(concat_ws(' … ', nullif(i.decision, ''), nullif(i.summary_text, ''), nullif(i.body_text, '')), ''), i.title)`;
  return sql`translate(coalesce(${text}, ''), ${START + STOP}, '')`;
}

/** Date order of items (alias `i`): by meeting date, then the meeting's own item order. */
function dateOrder(sort: 'newest' | 'oldest'): SQL {
  return sort === 'newest'
    ? sql`i.meeting_date desc nulls last, i.meeting_id desc, i.position`
    : sql`i.meeting_date asc nulls last, i.meeting_id, i.position`;
}

/** Total matches, for a page past the end (where the page query returns no row to carry it). */
async function countMatches(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from agenda_items i where ${where}`);
  return row?.n ?? 0;
}

function toHit(row: HitRow): SearchHit {
  return {
    title: row.title,
    itemNumber: row.number,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    body: row.body,
    kind: row.kind,
    snippet: markSnippet(row.snippet ?? ''),
    url: itemUrl(row.meeting_id, row.number),
    rank: row.rank,
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
