/**
 * @module Danish full-text search over the agenda items a viewer may read.
 *
 * search-query.ts turns the user's text into tsquery text (phrases, exclusion, `or`/`eller`,
 * `-`/`ikke`, prefixes, compounds); ranking weights title (A) and decision (B) above
 * summary/recommendation (C) and other text (D), and a word matched only as the start of a
 * compound counts half. A query of one prefix, word-with-compounds or phrase is ranked as one
 * term (search-rank.ts), on every path and on the naive reference alike. A case number in the query (however typed) also finds the case's items,
 * ranked first; a name also finds the person. Which rows make the page is decided in
 * search-strategy.ts so that common words stay fast; this module prepares the query and filters
 * and turns the page into hits with snippets.
 */
import { sql, type SQL } from 'drizzle-orm';
import { grantsOf } from '../archive/policy.js';
import type { SearchHit, SearchQuery, SearchResult } from '../archive/types.js';
import type { DocumentKind, Viewer } from '../model/index.js';
import { itemUrl } from '../web/urls.js';
import { papersByKey, visiblePapers } from './case-index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';
import { attendedMeetings, peopleNamed, peopleOfFilter } from './search-people.js';
import { caseCandidates, COMPOUND_MIN_LENGTH, compoundWords, hasCompounds, nameWords, parseQuery, toTsquery, withoutRuns, type CompoundChoice, type ParsedQuery } from './search-query.js';
import { headCountRank, oneTerm, oneTermRank } from './search-rank.js';
import { estimateRows, findPage, intArray, labelOperand, tierFunction, tierLabels, TUNING, type SearchPlan, type Tuning } from './search-strategy.js';
import { visibleItems } from './visibility.js';

export const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const MAX_QUERY_LENGTH = 500;
/** Snippets are cut from the first this-many characters: ts_headline's cost grows with the text. */
const SNIPPET_SOURCE_LENGTH = 4000;
/**
 * A word ANDed with others is read as a compound start only when the words it starts are in at
 * most this many items (planner estimate): the index gathers every such item before the AND, so
 * a first part that starts very many words ("klima" in a climate archive) would make a query
 * of rare words slow. A query of one word always expands (the strategy handles common words).
 */
const COMPOUND_BUDGET = 2000;
const MAX_COMPOUND_WORDS = 6;

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
  const parsed = parseQuery(q);
  const personRef = query.person?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200) || undefined;
  // Without words, a search lists the items of a person's meetings (newest first by default).
  if (parsed.clauses.length === 0 && !personRef) return none;
  const personFilter = personRef ? await peopleOfFilter(db, viewer, personRef) : undefined;
  const meetingIds = personFilter ? await attendedMeetings(db, viewer, personFilter.map((p) => p.id)) : null;
  const extra = { ...(personFilter ? { personFilter } : {}) };
  if (meetingIds !== null && meetingIds.length === 0) return { ...none, ...extra };
  const cases = await caseMatches(db, viewer, parsed);
  const people = page === 1 ? await peopleNamed(db, viewer, nameWords(parsed)) : [];
  Object.assign(extra, people.length > 0 ? { people } : {}, cases.references.length > 0 ? { cases: cases.references } : {});
  // One transaction: the strategy's planner settings are SET LOCAL to it.
  return db.transaction(async (tx) => {
    // The body's id as a constant, so the planner can estimate and index the filter.
    let bodyId: number | null = null;
    if (query.body) {
      const [body] = await queryRows<{ id: number }>(tx, sql`select id from organizations where slug = ${query.body}`);
      if (!body) return { ...none, ...extra };
      bodyId = body.id;
    }
    const texts = await tsqueries(tx, parsed, cases.rest, await compoundChoice(tx, parsed));
    const plan = searchPlan(viewer, query, texts, cases.paperIds, { bodyId, meetingIds }, (page - 1) * limit, limit, tuning);
    if (!plan) return { ...none, ...extra };
    const found = await findPage(tx, plan);
    if (found.hits.length === 0) return { ...none, ...extra, total: found.total, totalIsEstimate: !found.exact };
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
    return { total: found.total, totalIsEstimate: !found.exact, page, limit, results, ...extra };
  });
}

/** The known cases the query's case-number-like words name: their papers, and the query without those words. */
async function caseMatches(db: Db, viewer: Viewer, parsed: ParsedQuery): Promise<{ paperIds: number[]; references: string[]; rest: ParsedQuery | null }> {
  const candidates = caseCandidates(parsed);
  if (candidates.length === 0) return { paperIds: [], references: [], rest: null };
  const known = await papersByKey(db, candidates.map((c) => c.key));
  // Only cases the viewer can see items of: a closed case's number is not revealed, nor searched.
  const visible = await visiblePapers(db, viewer, [...known.values()].flatMap((papers) => [...papers.keys()]));
  for (const [key, papers] of known) {
    for (const id of papers.keys()) if (!visible.has(id)) papers.delete(id);
    if (papers.size === 0) known.delete(key);
  }
  // Longest runs first, none overlapping: "SAG 2020 01697" is one case, not three words.
  const runs: typeof candidates = [];
  for (const c of candidates) {
    if (known.has(c.key) && !runs.some((r) => c.start < r.end && r.start < c.end)) runs.push(c);
  }
  if (runs.length === 0) return { paperIds: [], references: [], rest: null };
  const papers = runs.flatMap((r) => [...known.get(r.key)!]);
  return {
    paperIds: [...new Set(papers.map(([id]) => id))],
    references: [...new Set(papers.map(([, reference]) => reference))].sort(),
    rest: withoutRuns(parsed, runs),
  };
}

/** Which words also match as compound starts; see COMPOUND_BUDGET. */
async function compoundChoice(tx: Tx, parsed: ParsedQuery): Promise<CompoundChoice> {
  const words = compoundWords(parsed);
  if (words.length === 0) return false;
  if (parsed.clauses.length === 1 && parsed.clauses[0]!.alternatives.length === 1) return true;
  const chosen = new Set<string>();
  for (const word of words.slice(0, MAX_COMPOUND_WORDS)) {
    const prefix = toTsquery({ clauses: [{ alternatives: [{ operand: { kind: 'word', text: word, raw: word, prefix: true }, negated: false }] }] }, { compounds: false });
    const estimate = await estimateRows(tx, sql`i.access = 'public' and i.deleted_at is null and i.tsv @@ to_tsquery('danish', ${prefix})`);
    if (estimate <= COMPOUND_BUDGET) chosen.add(word);
  }
  return chosen;
}

/** A tsquery as the database normalised it ('' when nothing is left), and whether it can use the index. */
interface Tsq {
  text: string;
  indexable: boolean;
}

interface Texts {
  /** The whole query, with compounds, and exact (for ranking exact matches above compounds). */
  full: Tsq;
  exact: Tsq;
  compounds: boolean;
  /** The query without its case numbers, when it has some. */
  rest: Tsq | null;
  /** The user typed no terms at all (a search by filters alone). */
  empty: boolean;
  /** The query is one word or prefix (no phrase, alternative or exclusion). */
  single: boolean;
  /** The query excludes a word: a title/decision match may still have it in the body. */
  excludes: boolean;
}

/** Stems the query's forms in one round trip; `querytree` is 'T' for a query of exclusions alone. */
async function tsqueries(tx: Tx, parsed: ParsedQuery, rest: ParsedQuery | null, compounds: CompoundChoice): Promise<Texts> {
  const forms = [toTsquery(parsed, { compounds }), toTsquery(parsed, { compounds: false }), rest ? toTsquery(rest, { compounds }) : ''];
  const [row] = await queryRows<Record<string, string>>(
    tx,
    sql`select a::text as t0, querytree(a) as q0, b::text as t1, querytree(b) as q1, c::text as t2, querytree(c) as q2
        from to_tsquery('danish', ${forms[0]}) a, to_tsquery('danish', ${forms[1]}) b, to_tsquery('danish', ${forms[2]}) c`,
  );
  const tsq = (i: number): Tsq => {
    const tree = row?.[`q${i}`] ?? '';
    return { text: row?.[`t${i}`] ?? '', indexable: tree !== '' && tree !== 'T' };
  };
  const full = withoutShortStems(tsq(0));
  const exact = tsq(1);
  return { full, exact, compounds: hasCompounds(parsed, compounds) && full.text !== exact.text, rest: rest ? withoutShortStems(tsq(2)) : null, empty: parsed.clauses.length === 0, single: isSingleWord(parsed),
    excludes: parsed.clauses.some((c) => c.alternatives.some((a) => a.negated)),
  };
}

/**
 * A word matches as a compound start only when its stem keeps COMPOUND_MIN_LENGTH letters:
 * "muligt" stems to `mul`, and `mul:*` would find "multihal" and "mulch".
 */
function withoutShortStems(tsq: Tsq): Tsq {
  const text = tsq.text.replace(/'((?:[^']|'')+)' \| '\1':\*/g, (whole, stem: string) => ([...stem.replace(/''/g, "'")].length < COMPOUND_MIN_LENGTH ? `'${stem}'` : whole));
  return { ...tsq, text };
}

/** The query is one term: no alternative, exclusion or case number left beside it. */
function parsedOneTerm(texts: Texts): boolean {
  return !texts.empty && texts.rest === null && oneTerm(texts.full.text) !== null;
}

function isSingleWord(parsed: ParsedQuery): boolean {
  const [clause, ...more] = parsed.clauses;
  const alternative = clause?.alternatives.length === 1 ? clause.alternatives[0]! : null;
  return more.length === 0 && alternative !== null && !alternative.negated && alternative.operand.kind === 'word';
}

/**
 * A one-word query's label in the head tiers (migration 0014): `*start` (its first 8 letters at
 * most) when it also matches as a prefix (compounds, `klima*`), `/lexeme` for a word alone; null
 * when the database made more of it (a hyphenated word becomes a phrase).
 */
export function tierWord(tsquery: string): string | null {
  const letters = prefixLetters(tsquery);
  if (letters) return letters.length >= 4 ? `*${letters.slice(0, 8).join('')}` : null;
  const word = /^'((?:[^']|'')+)'$/.exec(tsquery.trim());
  return word ? `/${unquote(word[1]!)}` : null;
}

/**
 * A query's label in the pair tiers (migration 0020): `"region midtjylland` for a phrase of two
 * adjacent words, `*byg` for a prefix of three letters; null for anything else.
 */
export function pairTierWord(tsquery: string): string | null {
  const text = tsquery.trim();
  const phrase = /^'((?:[^']|'')+)' <-> '((?:[^']|'')+)'$/.exec(text);
  if (phrase) return `"${unquote(phrase[1]!)} ${unquote(phrase[2]!)}`;
  const prefix = /^'((?:[^']|'')+)':\*$/.exec(text);
  return prefix && [...unquote(prefix[1]!)].length === 3 ? `*${unquote(prefix[1]!)}` : null;
}

/**
 * Whether a query's `*start` label holds more words than the query matches: a start is cut at 8
 * letters, so `*sundheds` holds "sundhedsklynge" beside "sundhedsaftale" (`sundhedsaftal:*`).
 */
export function tierWordIsCut(tsquery: string): boolean {
  return (prefixLetters(tsquery)?.length ?? 0) > 8;
}

/** A tsquery's quoted lexeme as written (`''` is one quote). */
const unquote = (w: string) => w.replace(/''/g, "'");

/** The letters of the (first) prefix operand of a tsquery (`'sundhedsaftal':*`), or null. */
function prefixLetters(tsquery: string): string[] | null {
  const prefix = /'((?:[^']|'')+)':\*/.exec(tsquery);
  return prefix ? [...unquote(prefix[1]!)] : null;
}

/** A one-word query's label words: its lexeme and its start when it also matches compounds (see tierLabels). */
function tierWordsOf(texts: Texts): string[] {
  const full = tierWord(texts.full.text);
  if (!full) return [];
  const exact = texts.compounds && texts.exact.indexable ? tierWord(texts.exact.text) : null;
  return exact && exact !== full ? [exact, full] : [full];
}

type Plan = SearchPlan & { query: SQL };

/**
 * The match, filters and ranks of a query; the section-type filter searches the typed vector.
 * Null when nothing can match (a query of exclusions or stop words alone).
 */
function searchPlan(
  viewer: Viewer,
  query: SearchQuery,
  texts: Texts,
  paperIds: number[],
  scope: { bodyId: number | null; meetingIds: number[] | null },
  offset: number,
  limit: number,
  tuning: Tuning,
): Plan | null {
  const col = (alias: string, column: string) => sql.raw(`${alias}.${column}`);
  const typed = query.sectionType ? `${query.sectionType}/` : null;
  const tsqText = (text: string) => (typed ? sql`referat_prefix_query(${text}::tsquery, ${typed})` : sql`${text}::tsquery`);
  const tsq = (t: Tsq) => tsqText(t.text);
  const vector = (a: string) => col(a, typed ? 'typed_tsv' : 'tsv');
  const cases = paperIds.length > 0 ? intArray(paperIds) : null;
  const inCase = (a: string) => sql`${col(a, 'paper_id')} = any(${cases}::int[])`;
  const textMatch = texts.full.indexable;
  const filterOnly = texts.empty;
  if (!textMatch && !cases && !filterOnly) return null;

  const matches: Array<(a: string) => SQL> = [];
  if (textMatch) matches.push((a) => sql`${vector(a)} @@ ${tsq(texts.full)}`);
  if (cases) {
    // A case's items, narrowed by the query's other words (if any are left).
    const rest = texts.rest;
    matches.push(rest && rest.text !== '' ? (a) => sql`(${inCase(a)} and ${vector(a)} @@ ${tsq(rest)})` : inCase);
  }
  const match = filterOnly ? () => sql`true` : (a: string) => (matches.length === 1 ? matches[0]!(a) : sql`(${sql.join(matches.map((m) => m(a)), sql` or `)})`);
  // Exact matches count fully, compound matches half; the case's own items come first. A prefix,
  // a word with its compounds or a phrase is ranked as one term (search-rank.ts).
  const term = textMatch ? oneTerm(texts.full.text) : null;
  const textRank = (v: SQL, head = false) =>
    !textMatch
      ? sql`0`
      : term
        ? oneTermRank(term, v, tsqText, head)
        : texts.compounds && texts.exact.text !== ''
          ? sql`(ts_rank(${v}, ${tsq(texts.full)}) + ts_rank(${v}, ${tsq(texts.exact)})) / 2`
          : sql`ts_rank(${v}, ${tsq(texts.full)})`;
  const caseBonus = (a: string) => (cases ? sql` + case when ${inCase(a)} then 1 else 0 end` : sql``);
  const rank = (a: string) => sql`(${textRank(vector(a))}${caseBonus(a)})`;
  const head = !typed && !filterOnly;
  const headMatch = (a: string) => {
    const parts = [...(textMatch ? [sql`${col(a, 'head_tsv')} @@ ${tsq(texts.full)}`] : []), ...(cases ? [inCase(a)] : [])];
    const head = parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
    return texts.excludes ? sql`(${head} and ${match(a)})` : head;
  };
  // A prefix or phrase pre-ranks its many title/decision matches by their counts (headCountRank).
  const headRank = (a: string) =>
    sql`(${term && term.kind !== 'compounds' ? headCountRank(col(a, 'head_tsv'), tsq(texts.full)) : textRank(col(a, 'head_tsv'), true)}${caseBonus(a)})`;
  // The RUM index covers `tsv` of public rows: usable when that is the whole match and the viewer sees public rows only.
  const g = grantsOf(viewer);
  const publicOnly = textMatch && !typed && !cases && g.closed.length === 0 && g.confidential.length === 0;
  // RUM expands a prefix into every lexeme it starts and ranks them all (slower than the bitmap): words only.
  // Nor phrases: RUM orders them by its own distance, far from ts_rank's (overlap@20 ≈ 0 at 1 M items),
  // while the title/decision matches of a phrase are its best-ranked (twoPhase).
  const rumQuery = publicOnly && !texts.full.text.includes(':*') && !/<\d*-?>/.test(texts.full.text) ? tsq(texts.full) : null;
  const words = publicOnly && texts.single ? tierWordsOf(texts) : [];
  // A two-word phrase or a 3-letter prefix: the pair tiers (migration 0020).
  const pairWord = publicOnly && words.length === 0 && !texts.excludes && parsedOneTerm(texts) ? pairTierWord(texts.full.text) : null;
  const tierIndex = pairWord ? 'pair' : 'head';
  // Every item in a pair tier has the phrase or prefix in its title or decision: counting them
  // reads no vector, where testing head_tsv reads it (TOASTed for a long decision).
  const pairHeads = pairWord ? tierLabels([pairWord]).map(labelOperand).join(' | ') : null;

  // Only the current version of each meeting is projected, so a meeting's items count once.
  const filters: SQL[] = [visibleItems(viewer, 'i')];
  if (query.kind) filters.push(sql`i.kind = ${query.kind}`);
  // `= any(…)` rather than `=`: PostgreSQL moves an equality to the end of the filter, after the
  // costly text match, while this stays where it is written (before it).
  if (scope.bodyId !== null) filters.push(sql`i.organization_id = any(${`{${scope.bodyId}}`}::int[])`);
  if (scope.meetingIds !== null) filters.push(sql`i.meeting_id = any(${intArray(scope.meetingIds)}::int[])`);
  if (query.year !== undefined && Number.isInteger(query.year)) {
    filters.push(sql`i.meeting_date >= make_date(${query.year}::int, 1, 1)`);
    filters.push(sql`i.meeting_date < make_date(${query.year}::int + 1, 1, 1)`);
  }
  if (query.from && ISO_DATE.test(query.from)) filters.push(sql`i.meeting_date >= ${query.from}::date`);
  if (query.to && ISO_DATE.test(query.to)) filters.push(sql`i.meeting_date <= ${query.to}::date`);
  return {
    query: texts.full.text !== '' ? tsq(texts.full) : sql`''::tsquery`,
    match,
    filters: sql.join(filters, sql` and `),
    rank,
    headMatch: head ? headMatch : null,
    headRank: head ? headRank : null,
    headSubset: pairHeads
      ? (a) => sql`${tierFunction({ tierIndex }, a)} @@ ${pairHeads}::tsquery`
      : head && textMatch && !cases && !texts.excludes
        ? (a) => sql`${col(a, 'head_tsv')} @@ ${tsq(texts.full)}`
        : null,
    rumQuery,
    tierWords: pairWord ? [pairWord] : words,
    cutTierWords: pairWord ? [] : words.filter((w) => w.startsWith('*') && tierWordIsCut(texts.full.text)),
    tierIndex,
    // Nothing to rank by: the newest first.
    sort: filterOnly && (query.sort ?? 'relevance') === 'relevance' ? 'newest' : (query.sort ?? 'relevance'),
    offset,
    limit,
    tuning,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
