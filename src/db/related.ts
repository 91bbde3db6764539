/**
 * @module Related items across meetings without a shared case number (issue 12): DK2020 and the
 * climate strategy over three years, the yearly refugee figures. Found by content, not by a list of
 * topics: each public item gets a profile when its meeting is projected — its most distinctive
 * lexemes by tf-idf (PostgreSQL's `danish` stems, title words counted most, a title compound also
 * by its head: "klimastrategi" → "klima") and its title's subject terms. Two items are related when
 * their profiles are alike (cosine) and share a subject term — one of both titles', or the first of
 * one title's among the other's distinctive terms — or when one mentions the other's subject
 * ("Status på DK2020" in a list of coming items): its most distinctive subject term and most of the rest. `term_counts` keeps the document frequencies,
 * updated by difference with every projection; reading is a few index lookups, bounded by limits.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PROMISE_GROUP_PATTERNS } from '../import/structure/promises.js';
import titleWords from '../model/lexicon/title-words.json' with { type: 'json' };
import type { RelatedItem } from '../archive/types.js';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { deferRelated } from './related-batch.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';
import { visibleItems } from './visibility.js';

/** Lexemes kept per profile, and subject terms per title. */
const PROFILE_TERMS = 30;
const SUBJECT_TERMS = 3;
/** An item with fewer lexemes (a group heading, "Eventuelt") has no profile: too little to compare. */
const MIN_LEXEMES = 20;
/** A subject term is distinctive when at most this share of items has it (or at most 10: a young archive's counts are small). */
const SUBJECT_SHARE = 0.01;
const MIN_SUBJECT_ITEMS = 10;
/** Headings recurring at every meeting ("Punkter til næste møde") name no subject of their own: they mention others'. */
const RECURRING = sql`array[${sql.join(PROMISE_GROUP_PATTERNS.map((p) => sql`${p.replace(/\\b/g, '\\y')}`), sql`, `)}]::text[]`;
/** The least cosine of two profiles sharing a subject term, and the least share of a subject another item mentions. */
export const MIN_SIMILARITY = 0.08;
export const MIN_MENTION = 0.6;
/** Candidates read per question: related items are a suggestion, the first few hundred suffice. */
const CANDIDATES = 400;
/** Profile candidates: this many for each of the item's most distinctive terms. */
const PER_TERM_TERMS = 12;
const PER_TERM = 40;

const TREATMENT_WORDS = titleWords.entries.flatMap((e) => e.words).join(' ');

/**
 * Which of a meeting's items count (public, live, with text); the caller's alias for agenda_items. `(…) is true`
 * is not the search indexes' predicate, so the planner reads the meeting's items by meeting_id even without
 * statistics (PGlite never analyses) instead of scanning every public item through a partial search index.
 */
const counted = (meetingId: number) => sql`i.meeting_id = ${meetingId} and (i.access = 'public') is true and i.deleted_at is null and i.tsv <> ''::tsvector`;

/** The lexemes of a meeting's counted items before the projection rewrites them (see refreshRelated). */
export interface TermsBefore {
  lexemes: string;
  items: number;
}

/** The select-list columns `lexemes` and `items` of termsBefore, for a query that reads more of the meeting at once. */
export const termsBeforeColumns = (meetingId: number) =>
  sql`(select json_agg(t)::text from agenda_items i, unnest(tsvector_to_array(i.tsv)) t where ${counted(meetingId)}) as lexemes,
      (select count(*)::int from agenda_items i where ${counted(meetingId)}) as items`;

/** What the meeting's items counted in term_counts before its projection: call before writing items. */
export async function termsBefore(tx: Tx, meetingId: number): Promise<TermsBefore> {
  const [row] = await queryRows<{ lexemes: string | null; items: number }>(tx, sql`select ${termsBeforeColumns(meetingId)}`);
  return termsOf(row);
}

/** A termsBefore row (null: no items) as TermsBefore. */
export const termsOf = (row: { lexemes: string | null; items: number } | undefined): TermsBefore => ({ lexemes: row?.lexemes ?? '[]', items: row?.items ?? 0 });

/**
 * Brings term_counts and the meeting's item profiles up to date after its projection wrote the items.
 * `newMeeting`: the caller's transaction created the meeting, so none of its items has a profile yet.
 */
export async function refreshRelated(tx: Tx, meetingId: number, before: TermsBefore, newMeeting = false): Promise<void> {
  // A batch's refreshes run together at its end (related-batch.ts).
  if (await deferRelated(tx, meetingId, before, newMeeting)) return;
  // The difference only, in lexeme order (concurrent imports on PostgreSQL then lock rows in one order).
  await tx.execute(sql`
    with b as (select value as t, count(*)::int as c from json_array_elements_text(${before.lexemes}::json) group by value),
    a as (select t, count(*)::int as c from agenda_items i, unnest(tsvector_to_array(i.tsv)) t where ${counted(meetingId)} group by t),
    d as (
      select coalesce(a.t, b.t) as t, coalesce(a.c, 0) - coalesce(b.c, 0) as d from a full join b on a.t = b.t
      where coalesce(a.c, 0) <> coalesce(b.c, 0)
      union all select '', (select count(*)::int from agenda_items i where ${counted(meetingId)}) - ${before.items})
    insert into term_counts (term, items) select t, d from d where d <> 0 order by t
    on conflict (term) do update set items = term_counts.items + excluded.items`);
  if (!newMeeting) await tx.execute(sql`delete from item_profiles where item_id in (select id from agenda_items where meeting_id = ${meetingId})`);
  await tx.execute(sql`
    with n as (select greatest(coalesce((select items from term_counts where term = ''), 1), 1)::float8 as n),
    ${PROFILE_SQL.treatment},
    v as (
      select ${PROFILE_SQL.lexemeColumns}
      from agenda_items i, unnest(i.tsv) u
      where ${counted(meetingId)} and i.minutes_of is null and length(i.tsv) >= ${MIN_LEXEMES}
        and ${PROFILE_SQL.wordLexeme}),
    -- A title compound's head, when both its parts are words of the archive ("klima|strategi", "sundhed|s|aftal"):
    -- "orientering" is no "orient" + "ering".
    heads as (
      select v.id, h.term as lexeme, true as title, v.tf from v cross join lateral (
        select c.term from generate_series(4, length(v.lexeme) - 3) k
          join term_counts c on c.term = substr(v.lexeme, 1, k)
        where exists (select 1 from term_counts r where r.term in (substr(v.lexeme, k + 1), substr(v.lexeme, k + 2))
                        and length(r.term) >= 3 and (r.term = substr(v.lexeme, k + 1) or substr(v.lexeme, k + 1, 1) in ('s', 'e')))
        order by k desc limit 1) h
      where v.title and length(v.lexeme) >= 8),
    f as (select id, lexeme, bool_or(title) as title, sum(tf) as tf from (select * from v union all select * from heads) x group by id, lexeme),
    w as (
      select f.id, f.lexeme, ((1 + ln(f.tf)) * ln(n.n / greatest(c.items, 1)))::real as w, ${PROFILE_SQL.subject(sql`f`, sql`c.items`, sql`n.n`)} as subject
      from f join term_counts c on c.term = f.lexeme cross join n),
    ${PROFILE_SQL.insert}`);
}

/**
 * The parts of the profiles' statement that related-batch.ts shares (so both weigh alike): the
 * `treatment` CTE, whether a lexeme is a subject term (`f`: the row with title, lexeme and id; its
 * term count and the item count), and the insert from the weighted lexemes `w (id, lexeme, w, subject)`.
 */
export const PROFILE_SQL = {
  minLexemes: MIN_LEXEMES,
  /** An item's lexeme row (`i` the item, `u` a lexeme of its tsv): id, lexeme, in the title, weighted term frequency. */
  lexemeColumns: sql`i.id, u.lexeme, 'A' = any(u.weights) as title,
    (select coalesce(sum(case w when 'A' then 4 when 'B' then 2 when 'C' then 1.5 else 1 end), 1) from unnest(u.weights) w) as tf`,
  /** A lexeme that is a word: letters, no hyphenated part, more than one character. */
  wordLexeme: sql`u.lexeme ~ '[[:alpha:]]' and strpos(u.lexeme, '-') = 0 and length(u.lexeme) > 1`,
  treatment: sql`treatment as (select unnest(tsvector_to_array(to_tsvector('danish', ${TREATMENT_WORDS}))) as t)`,
  subject: (f: SQL, items: SQL, n: SQL) => sql`${f}.title
    and not exists (select 1 from treatment t where t.t = ${f}.lexeme or (length(${f}.lexeme) >= 5 and (t.t like ${f}.lexeme || '%' or ${f}.lexeme like t.t || '%')))
    and ${items} <= greatest(${MIN_SUBJECT_ITEMS}, ${n} * ${SUBJECT_SHARE})
    and not (select i.title ~* any(${RECURRING}) from agenda_items i where i.id = ${f}.id)`,
  insert: sql`r as (
      select w.*, row_number() over (partition by id order by w desc, lexeme) as rn,
        row_number() over (partition by id, subject order by w desc, lexeme) as sn
      from w where w > 0)
    insert into item_profiles (item_id, terms, weights, norm, subject, subject_weights)
    select id,
      array_agg(lexeme order by rn) filter (where rn <= ${PROFILE_TERMS}),
      array_agg(w order by rn) filter (where rn <= ${PROFILE_TERMS}),
      sqrt(sum(w * w) filter (where rn <= ${PROFILE_TERMS}))::real,
      coalesce(array_agg(lexeme order by sn) filter (where subject and sn <= ${SUBJECT_TERMS}), '{}'),
      coalesce(array_agg(w order by sn) filter (where subject and sn <= ${SUBJECT_TERMS}), '{}')
    from r group by id`,
};

interface Row {
  id: number;
  meeting_id: number;
  number: string;
  title: string;
  decision: string | null;
  score: number;
}

/** A lexeme as a tsquery operand, quoted (the 'simple' configuration stems nothing). */
const operand = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Items related to one item by content, best first; other meetings' public items only, and not the same case. */
export async function relatedByContent(db: Db, viewer: Viewer, itemId: number, limit = 8): Promise<RelatedItem[]> {
  return present(db, viewer, await relatedRows(db, viewer, itemId, limit));
}

/** The rows of relatedByContent, without their meetings. */
async function relatedRows(db: Db, viewer: Viewer, itemId: number, limit: number): Promise<Row[]> {
  const [me] = await queryRows<{ subject: string[]; lexemes: string[] }>(
    db,
    sql`select p.subject, tsvector_to_array(i.tsv) as lexemes from item_profiles p join agenda_items i on i.id = p.item_id where p.item_id = ${itemId}`,
  );
  if (!me) return [];
  const lexemes = `{${me.lexemes.map((l) => `"${l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  // Items that mention this one's subject, through the search index (a query of constants, so the index serves it).
  const mentions = me.subject.length > 0 ? me.subject.map(operand).join(' | ') : null;
  const candidates = await queryRows<{ id: number }>(
    db,
    sql`with me as (select p.* from item_profiles p where p.item_id = ${itemId})
        -- A few per distinctive term, so that no common term fills the list by itself.
          (select c.item_id as id from me, unnest(me.terms[1:${PER_TERM_TERMS}]) t(t)
             cross join lateral (select o.item_id from item_profiles o where o.terms @> array[t.t] and o.item_id <> me.item_id limit ${PER_TERM}) c)
          union
          (select i.id from agenda_items i
           where ${mentions === null ? sql`false` : sql`i.tsv @@ to_tsquery('simple', ${mentions})`} and i.access = 'public' and i.deleted_at is null
             and i.id <> ${itemId} limit ${CANDIDATES})
          union
          (select o.item_id from item_profiles o where o.subject && ${lexemes}::text[] and o.item_id <> ${itemId} limit ${CANDIDATES})`,
  );
  if (candidates.length === 0) return [];
  const rows = await queryRows<Row>(
    db,
    sql`with me as (
          select p.*, i.meeting_id, i.tsv, i.paper_id, tsvector_to_array(i.tsv) as lexemes
          from item_profiles p join agenda_items i on i.id = p.item_id where p.item_id = ${itemId}),
        scored as (
          select i.id, i.meeting_id, i.number, i.title, i.decision,
            coalesce((select sum(a.w * b.w) from unnest(me.terms, me.weights) a(t, w) join unnest(o.terms, o.weights) b(t, w) on a.t = b.t)
              / nullif(me.norm * o.norm, 0), 0) as content,
            -- A subject term of both, or the first subject term of one among the other's distinctive terms.
            coalesce(me.subject && o.subject or me.subject[1] = any(o.terms) or o.subject[1] = any(me.terms), false) as shares_subject,
            case when i.tsv @@ to_tsquery('simple', quote_literal(me.subject[1])) then
              coalesce((select sum(s.w) from unnest(me.subject, me.subject_weights) s(t, w) where i.tsv @@ to_tsquery('simple', quote_literal(s.t)))
                / nullif((select sum(w) from unnest(me.subject_weights) w), 0), 0) else 0 end as mentions_me,
            case when o.subject[1] = any(me.lexemes) then
              coalesce((select sum(s.w) from unnest(o.subject, o.subject_weights) s(t, w) where s.t = any(me.lexemes))
                / nullif((select sum(w) from unnest(o.subject_weights) w), 0), 0) else 0 end as mentioned
          from agenda_items i left join item_profiles o on o.item_id = i.id, me
          where i.id in (${sql.join(candidates.map((c) => sql`${c.id}`), sql`, `)}) and i.meeting_id <> me.meeting_id and i.paper_id is distinct from me.paper_id and ${visibleItems(viewer, 'i')} and i.access = 'public')
        select id, meeting_id, number, title, decision,
          (case when shares_subject and content >= ${MIN_SIMILARITY} then content else 0 end
           + case when greatest(mentions_me, mentioned) >= ${MIN_MENTION} then 0.5 * greatest(mentions_me, mentioned) else 0 end)::float8 as score
        from scored
        where (shares_subject and content >= ${MIN_SIMILARITY}) or greatest(mentions_me, mentioned) >= ${MIN_MENTION}
        order by score desc, id limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** Items related by content to a meeting's item, by its number (none for an item without a profile). */
export async function itemRelatedByContent(db: Db, viewer: Viewer, meetingId: number, number: string): Promise<RelatedItem[]> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from agenda_items where meeting_id = ${meetingId} and number = ${number} and deleted_at is null`);
  return row ? relatedByContent(db, viewer, row.id) : [];
}

/** Rows as RelatedItem, with their meetings (only those the viewer may see). */
async function present(db: Db, viewer: Viewer, rows: Row[]): Promise<RelatedItem[]> {
  const meetings = await meetingSummariesById(db, viewer, rows.map((r) => r.meeting_id));
  return rows
    .filter((r) => meetings.has(r.meeting_id))
    .map((r) => ({ id: r.id, meeting: meetings.get(r.meeting_id)!, number: r.number, title: r.title, decision: r.decision, score: Number(r.score) }));
}

/**
 * Items related to a set of items (a case's thread), best first, without `exclude` (the case's items): the
 * related items of each, and theirs again for the strongest few — a thread reaches the later meetings that
 * mention its related items ("Status på DK2020" under the next meeting's points). Bounded: 8 items, 2 second steps.
 */
export async function relatedToItems(db: Db, viewer: Viewer, itemIds: readonly number[], exclude: ReadonlySet<number>, limit = 10): Promise<RelatedItem[]> {
  const found = new Map<number, Row>();
  const add = (r: Row, score: number) => {
    if (exclude.has(r.id)) return;
    const known = found.get(r.id);
    if (!known || known.score < score) found.set(r.id, { ...r, score });
  };
  for (const id of itemIds.slice(0, 8)) for (const r of await relatedRows(db, viewer, id, 8)) add(r, r.score);
  const strongest = [...found.values()].sort((a, b) => b.score - a.score).slice(0, 2);
  for (const r of strongest) for (const s of await relatedRows(db, viewer, r.id, 4)) add(s, r.score * s.score);
  return present(db, viewer, [...found.values()].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit));
}
