/**
 * @module A batch's term counts and item profiles (related.ts) in one statement at its end instead
 * of two per document (store-batch.ts; and a delete of the profiles of meetings stored before). What is stored stays what storing one by one stores: each
 * meeting's profiles are weighed by the term counts as they stood right after its (last) projection
 * in the batch — the counts before the batch plus the differences of the projections up to it — and
 * its items' approvals (minutes_of) as they were then. term_counts gets every projection's difference
 * summed (a term a projection added keeps its row, as one by one, even when a later one takes it
 * away again).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './content.js';
import { PROFILE_SQL, type TermsBefore } from './related.js';
import { queryRows } from './rows.js';

/** One projection's refresh, in the batch's order. */
interface Deferred {
  meetingId: number;
  before: TermsBefore;
  newMeeting: boolean;
  /** The meeting's items with minutes_of set when its projection refreshed (profiles leave them out). */
  approved: number[];
}

const batches = new WeakMap<object, Deferred[]>();

/** Runs `work` with the transaction's related refreshes deferred to one set-based refresh at its end. */
export async function withDeferredRelated<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  batches.set(tx, []);
  try {
    const out = await work();
    await refreshDeferred(tx, batches.get(tx)!);
    return out;
  } finally {
    batches.delete(tx);
  }
}

/** Records the refresh when the transaction defers them (true), else leaves it to the caller (false). */
export async function deferRelated(tx: Tx, meetingId: number, before: TermsBefore, newMeeting: boolean): Promise<boolean> {
  const list = batches.get(tx);
  if (!list) return false;
  // A new meeting's items were all just written, minutes_of not yet set.
  const approved = newMeeting
    ? []
    : (await queryRows<{ id: number }>(tx, sql`select id from agenda_items where meeting_id = ${meetingId} and minutes_of is not null`)).map((r) => r.id);
  list.push({ meetingId, before, newMeeting, approved });
  return true;
}

/** Whether term_counts held a row for the term after projection `cut.k`: before the batch, or added by one up to it. */
const known = (term: SQL) => sql`(exists (select 1 from term_counts c where c.term = ${term}) or (since.k ->> ${term})::int <= cut.k)`;

/** Counted items (related.ts `counted`) of the meeting `m` names. */
const countedOf = (m: SQL) => sql`i.meeting_id = ${m} and (i.access = 'public') is true and i.deleted_at is null and i.tsv <> ''::tsvector`;

async function refreshDeferred(tx: Tx, list: Deferred[]): Promise<void> {
  if (list.length === 0) return;
  const earlier = [...new Set(list.filter((d) => !d.newMeeting).map((d) => d.meetingId))];
  if (earlier.length > 0) {
    await tx.execute(sql`delete from item_profiles where item_id in (select id from agenda_items where meeting_id = any(${`{${earlier.join(',')}}`}::int[]))`);
  }
  // The planner's guess for generate_series (1,000 rows) puts the statement's cost above jit_above_cost, and
  // compiling it took ≈ 0.5 s on PostgreSQL with JIT, for a statement that runs in ≈ 0.1 s (for the rest of the batch's transaction only).
  await tx.execute(sql`set local jit = off`);
  await tx.execute(deferredStatement(list));
}

/** The statement of refreshDeferred after the profiles' delete. */
function deferredStatement(list: Deferred[]): SQL {
  const entries = JSON.stringify(list.map((d, k) => ({ k, m: d.meetingId, before: d.before.lexemes, items: d.before.items, approved: d.approved })));
  return sql`
    with p as (select * from json_to_recordset(${entries}::json) as p(k int, m int, before text, items int, approved int[])),
    s as (select p.*, lead(p.before) over w as next_before, lead(p.items) over w as next_items, lead(p.k) over w is null as last
          from p window w as (partition by p.m order by p.k)),
    -- (Each meeting's items through a lateral join that is not flattened (offset 0): read by meeting_id even where
    -- the tables have no statistics yet, rather than every item's lexemes hashed.)
    -- The lexemes counted after each projection: the next projection's "before", or (the meeting's last) its items now.
    a as (
      select s.k, t, count(*)::int as c from s, json_array_elements_text(s.next_before::json) t where not s.last group by s.k, t
      union all
      select s.k, x.t, count(*)::int from s cross join lateral (select t from agenda_items i, unnest(tsvector_to_array(i.tsv)) t where ${countedOf(sql`s.m`)} offset 0) x
      where s.last group by s.k, x.t),
    b as (select s.k, t, count(*)::int as c from s, json_array_elements_text(s.before::json) t group by s.k, t),
    d as (
      select coalesce(a.k, b.k) as k, coalesce(a.t, b.t) as t, coalesce(a.c, 0) - coalesce(b.c, 0) as d from a full join b on a.k = b.k and a.t = b.t
      where coalesce(a.c, 0) <> coalesce(b.c, 0)
      union all
      select s.k, '', case when s.last then (select count(*)::int from agenda_items i where ${countedOf(sql`s.m`)}) else s.next_items end - s.items from s),
    counts as (insert into term_counts (term, items) select t, sum(d)::int from d where d <> 0 group by t order by t
               on conflict (term) do update set items = term_counts.items + excluded.items returning 1),
    -- When a term's row first exists in the batch (before it: only if it stood before the batch), as one jsonb
    -- object: the heads below look up a few hundred parts, each a key lookup rather than a join.
    since as materialized (select coalesce(jsonb_object_agg(t, k), '{}') as k from (select t, min(k) as k from d where d <> 0 group by t) x),
    ${PROFILE_SQL.treatment},
    -- The item count ('') after each projection: the batch's differences up to it.
    items as (select k, sum(d) over (order by k) as sum, bool_or(d <> 0) over (order by k) as added from d where t = ''),
    n as materialized (
      select s.k, greatest(coalesce(case when base.items is not null or c.added then coalesce(base.items, 0) + c.sum end, 1), 1)::float8 as n
      from s join items c on c.k = s.k left join term_counts base on base.term = '' where s.last),
    v as (
      select s.k, x.* from s cross join lateral (
        select ${PROFILE_SQL.lexemeColumns}
        from agenda_items i, unnest(i.tsv) u
        where ${countedOf(sql`s.m`)} and not (i.id = any(coalesce(s.approved, '{}'))) and length(i.tsv) >= ${PROFILE_SQL.minLexemes}
          and ${PROFILE_SQL.wordLexeme} offset 0) x
      where s.last),
    -- A title compound's head (related.ts), each part looked up as the counts stood after the item's projection.
    cut as (
      select v.k, v.id, v.lexeme, v.tf, g, substr(v.lexeme, 1, g) as head, substr(v.lexeme, g + 1) as r1, substr(v.lexeme, g + 2) as r2
      from v, generate_series(4, length(v.lexeme) - 3) g where v.title and length(v.lexeme) >= 8),
    heads as (
      select distinct on (cut.k, cut.id, cut.lexeme) cut.k, cut.id, cut.head as lexeme, true as title, cut.tf
      from cut, since
      where ${known(sql`cut.head`)}
        and ((length(cut.r1) >= 3 and ${known(sql`cut.r1`)}) or (length(cut.r2) >= 3 and substr(cut.r1, 1, 1) in ('s', 'e') and ${known(sql`cut.r2`)}))
      order by cut.k, cut.id, cut.lexeme, cut.g desc),
    f as (select k, id, lexeme, bool_or(title) as title, sum(tf) as tf from (select * from v union all select * from heads) x group by k, id, lexeme),
    fc as (
      select f.k, f.lexeme, (coalesce(max(base.items), 0) + coalesce(sum(d.d), 0))::int as items
      from (select distinct k, lexeme from f) f left join term_counts base on base.term = f.lexeme left join d on d.t = f.lexeme and d.k <= f.k
      group by f.k, f.lexeme),
    w as (
      select f.id, f.lexeme, ((1 + ln(f.tf)) * ln(n.n / greatest(c.items, 1)))::real as w,
        ${PROFILE_SQL.subject(sql`f`, sql`c.items`, sql`n.n`)} as subject
      from f join fc c on c.k = f.k and c.lexeme = f.lexeme join n on n.k = f.k),
    ${PROFILE_SQL.insert}`;
}
