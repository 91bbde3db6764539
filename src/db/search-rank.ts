/**
 * @module Ranking a query that is one term — a prefix (`bolig*`), a word with its compounds
 * (`skole`), or a phrase (`"fælles indkøb"`) — as ONE term.
 *
 * `ts_rank` scores each distinct lexeme a prefix expands into separately and adds the scores, so
 * an item whose body holds eight different compounds of a word outranks one with the word in its
 * title; a phrase it ranks by the distances between all occurrences of its words, anywhere. Here
 * the term's occurrences are counted per weight (A title, B decision, C summary, D body; for a
 * phrase, its occurrences as a phrase) with `ts_rank_cd`, and the counts go through ts_rank's
 * formula for one term (PostgreSQL's tsrank.c, calc_rank_or): over the occurrences in text
 * order, (w₀ + Σⱼ wⱼ/(j+1)²) / 1.64493406685, weights {D 0.1, C 0.2, B 0.4, A 1}. The vectors
 * hold title, decision, summary and body in that order, so the occurrences come strongest first
 * and the sum is wA·S(a) + wB·(S(a+b) − S(a)) + … with S(n) = Σ_{k≤n} 1/k².
 */
import { sql, type SQL } from 'drizzle-orm';

/** How a query of one term is ranked, read from its normalised tsquery text; null: not one term. */
export type OneTerm =
  /** `'bol':*`: every occurrence of a lexeme with that start. */
  | { kind: 'prefix'; term: string }
  /** `'skol' | 'skol':*`: the word and its compounds as one term, averaged with the word alone. */
  | { kind: 'compounds'; term: string; exact: string }
  /**
   * `'fæl' <-> 'indkøb'`: ts_rank_cd divides an occurrence by 1 + its words' gaps (`<2>`: one
   * stop word between), the same for every occurrence; `gaps` undoes that.
   */
  | { kind: 'phrase'; term: string; gaps: number };

const LEXEME = String.raw`'(?:[^']|'')+'`;
const PREFIX = new RegExp(String.raw`^${LEXEME}:\*$`);
const COMPOUNDS = new RegExp(String.raw`^(${LEXEME}) \| \1:\*$`);
const PHRASE = new RegExp(String.raw`^${LEXEME}(?: <(?:-|\d+)> ${LEXEME})+$`);

/** The query's one term, when it is one (a plain word is left to ts_rank: it is one lexeme). */
export function oneTerm(tsquery: string): OneTerm | null {
  const text = tsquery.trim();
  if (PREFIX.test(text)) return { kind: 'prefix', term: text };
  const compounds = COMPOUNDS.exec(text);
  if (compounds) return { kind: 'compounds', term: `${compounds[1]}:*`, exact: compounds[1]! };
  if (PHRASE.test(text)) {
    const distances = [...text.matchAll(/<(-|\d+)>/g)].map((m) => (m[1] === '-' ? 1 : Number(m[1])));
    return { kind: 'phrase', term: text, gaps: distances.reduce((sum, d) => sum + d - 1, 0) };
  }
  return null;
}

/** ts_rank's default weights, D to A, as its weight arrays are ordered. */
const WEIGHTS = [0.1, 0.2, 0.4, 1] as const;
/** ts_rank's normalisation: the limit of Σ 1/k² (π²/6), as tsrank.c writes it. */
const ZETA2 = 1.64493406685;
/**
 * S(n) exactly for n up to this; beyond, π²/6 minus the asymptotic tail 1/n − 1/(2n²) + 1/(6n³)
 * − 1/(30n⁵), off by less than 1e-8 there.
 */
const EXACT_SUMS = 8;
const SUMS = Array.from({ length: EXACT_SUMS + 1 }, (_, n) => Array.from({ length: n }, (_, k) => 1 / (k + 1) ** 2).reduce((a, b) => a + b, 0));

/** S(n) = Σ_{k=1..n} 1/k² of an integer-valued SQL column `n`. */
function squareSum(n: string): string {
  const tail = `1.0 / ${n} - 1.0 / (2 * ${n} ^ 2) + 1.0 / (6 * ${n} ^ 3) - 1.0 / (30 * ${n} ^ 5)`;
  return `(case when ${n} <= ${EXACT_SUMS} then ('{${SUMS.map((x) => x.toPrecision(15)).join(',')}}'::float8[])[${n} + 1] else ${(Math.PI ** 2 / 6).toPrecision(15)} - (${tail}) end)`;
}

/**
 * Two counts from one ts_rank_cd call: with weight 1 for one class and 2⁻¹² for another, each
 * occurrence adds 1 or 2⁻¹², so the sum is `high + low / 4096`, exact in its float4 while both are
 * below 4096 (a prefix's lexemes keep at most 256 positions each). A call costs about eight times
 * a ts_rank, so two calls, not one per weight.
 */
const LOW = 2 ** -12;

/** ts_rank_cd's weight array (D, C, B, A) giving `high` weight 1 and `low` 2⁻¹², the others 0. */
function pairWeights(high: number, low: number): string {
  return `{${[0, 1, 2, 3].map((i) => (i === high ? 1 : i === low ? LOW : 0)).join(',')}}`;
}

/**
 * ts_rank's one-term score of every occurrence of `query` (its lexemes merged), from the counts
 * per weight. `head`: the vector holds title and decision only (head_tsv), so one call counts all.
 */
export function termRank(vector: SQL, query: SQL, options: { gaps?: number; head?: boolean } = {}): SQL {
  const scale = sql.raw(String(1 + (options.gaps ?? 0)));
  const pair = (high: number, low: number) =>
    options.head && high < 2 ? sql`0::float8` : sql`ts_rank_cd(${pairWeights(high, low)}::float4[], ${vector}, ${query})::float8 * ${scale}`;
  const [wd, wc, wb, wa] = WEIGHTS;
  const split = (x: string) => `floor(${x} + ${LOW / 2})`;
  const low = (x: string) => `round((${x} - ${split(x)}) / ${LOW})`;
  // Inside out: the two pair sums, the counts, their running totals (the occurrences come A
  // first, then B, C, D), S of those, and the formula. `offset 0` keeps each level a subquery:
  // pulled up, the pair sums would be called in every place they are used, and the expressions
  // substituted into each other take the planner 1.9 ms instead of 0.6.
  return sql`(select (${sql.raw(`${wa} * s.a + ${wb} * (s.ab - s.a) + ${wc} * (s.abc - s.ab) + ${wd} * (s.abcd - s.abc)) / ${ZETA2}`)}
    from (select ${sql.raw(['a', 'ab', 'abc', 'abcd'].map((n) => `${squareSum(`n.${n}`)} as ${n}`).join(', '))}
          from (select k.a, k.a + k.b as ab, k.a + k.b + k.c as abc, k.a + k.b + k.c + k.d as abcd
                from (select ${sql.raw(`${split('x.ab')}::int as a, ${low('x.ab')}::int as b, ${split('x.cd')}::int as c, ${low('x.cd')}::int as d`)}
                      from (select ${pair(3, 2)} as ab, ${pair(1, 0)} as cd offset 0) x offset 0) k offset 0) n offset 0) s)`;
}

/**
 * A cheap stand-in for termRank of a head vector (title A, decision B), for choosing which of
 * many title/decision matches to rank exactly: one ts_rank_cd call gives `a + b/4096` (title and
 * decision occurrences), mapped into [0, 1) by 1 − 1/(1+x) (x once, so one call; below 1, so a
 * case bonus of 1 still comes first). It orders rows as the one-term rank does — by title
 * occurrences, then decision occurrences — except where a row with one title occurrence fewer
 * has many more in its decision (≥ 49 more against one title occurrence, ≥ 5 against three), and
 * there the ranks differ by at most 0.03; equal counts tie in both (search-rank.test.ts). Without termRank's arithmetic on every row (its subquery levels and
 * S(n)), pre-ranking 12,832 title/decision matches took 45–54 ms instead of 66–100 (bench/README.md).
 */
export function headCountRank(vector: SQL, query: SQL): SQL {
  return sql`(1 - 1 / (1 + ts_rank_cd(${pairWeights(3, 2)}::float4[], ${vector}, ${query})::float8))`;
}

/**
 * The rank of one term: a word with compounds counts its own occurrences fully and its
 * compounds' at half (the average of the two one-term ranks), as search.ts ranks compounds.
 */
export function oneTermRank(term: OneTerm, vector: SQL, tsquery: (text: string) => SQL, head = false): SQL {
  if (term.kind === 'compounds') return sql`(${termRank(vector, tsquery(term.term), { head })} + ts_rank(${vector}, ${tsquery(term.exact)})) / 2`;
  return termRank(vector, tsquery(term.term), { gaps: term.kind === 'phrase' ? term.gaps : 0, head });
}
