/**
 * @module The search bench's query set, chosen from the corpus's own term statistics
 * (bench_national_terms: items holding each lexeme, written by the generator), so each class
 * means what it says at any corpus size:
 *
 * - **common**: a word in ≥ 10 % of the items;   **medium**: in 0.3–3 %;
 * - **rare**: in 3–50 items per million (at least 3), and no more with its compounds;
 * - **two words**: a common and a medium word, or two medium words (AND);
 * - **phrase**: the samples' most frequent two-word phrases, in quotes;
 * - **prefix**: `stem*` of common and medium words (5–6 letters).
 *
 * A plain word of four letters or more also matches as the start of a compound (search-query.ts),
 * so a word's items are counted with every lexeme it begins ("prefix items", an upper bound).
 */
import type { SearchQuery } from '../src/archive/types.js';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { sql } from 'drizzle-orm';
import type { Samples } from './national/samples.js';

export const QUERY_CLASSES = ['common', 'medium', 'rare', 'two words', 'phrase', 'prefix'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  class: QueryClass;
  query: SearchQuery;
  /** Items the corpus's statistics say match (for a word: with its compounds; upper bound). */
  expected: number;
}

interface Term {
  lexeme: string;
  word: string;
  items: number;
}

/** `n` entries spread evenly over a list (first, …, last), in order. */
export function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / Math.max(1, n - 1))]!);
}

/** Chooses `perClass` queries of each class from the corpus's term statistics and the samples' phrases. */
export async function querySet(db: Db, samples: Samples, items: number, perClass = 6): Promise<BenchQuery[]> {
  const terms = (await queryRows<Term>(db, sql`select lexeme, word, items from bench_national_terms`)).sort((a, b) => (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0));
  const lexemes = terms.map((t) => t.lexeme);
  // Items of every lexeme beginning with `prefix` (sorted lexemes: one contiguous run).
  const prefixItems = (prefix: string) => {
    let lo = 0;
    let hi = lexemes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lexemes[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let sum = 0;
    for (let i = lo; i < lexemes.length && lexemes[i]!.startsWith(prefix); i++) sum += terms[i]!.items;
    return sum;
  };
  const plain = terms.filter((t) => /^[a-zæøå]{4,}$/.test(t.word) && /^[a-zæøå]+$/.test(t.lexeme));
  const byItems = (from: number, to: number, bound = Infinity) =>
    plain.filter((t) => t.items >= from && t.items <= to && prefixItems(t.lexeme) <= bound).sort((a, b) => b.items - a.items || (a.word < b.word ? -1 : 1));
  const word = (c: QueryClass, t: Term): BenchQuery => ({ class: c, query: { q: t.word, limit: 20 }, expected: prefixItems(t.lexeme) });

  const common = spread(byItems(items * 0.1, Infinity), perClass);
  const mediumPool = byItems(items * 0.003, items * 0.03, items * 0.05);
  const medium = spread(mediumPool, perClass);
  const rareMax = Math.max(10, Math.round((items / 1e6) * 50));
  const rare = spread(byItems(3, rareMax, rareMax).filter((t) => t.word.length >= 6), perClass);
  const others = spread(mediumPool.filter((t) => !medium.includes(t)), perClass);
  const pairs = Array.from({ length: perClass }, (_, i) =>
    i % 2 === 0 ? [common[i % common.length], others[i % others.length]] : [medium[i % medium.length], others[(i + 1) % others.length]],
  ).filter((p): p is [Term, Term] => !!p[0] && !!p[1] && p[0].word !== p[1].word);

  // Phrases: the samples' most frequent pairs of adjacent words (four letters or more, not stop words).
  const bigrams = new Map<string, number>();
  for (const pool of samples.sentences.values()) {
    for (const s of pool) {
      for (let i = 1; i < s.length; i++) {
        const a = s[i - 1]!.toLowerCase();
        const b = s[i]!.toLowerCase();
        if (/^[a-zæøå]{4,}$/.test(a) && /^[a-zæøå]{4,}$/.test(b) && a !== b) bigrams.set(`${a} ${b}`, (bigrams.get(`${a} ${b}`) ?? 0) + 1);
      }
    }
  }
  const stems = new Map((await queryRows<{ w: string; v: string }>(db, sql`select w, to_tsvector('danish', w)::text as v from unnest(${`{${[...new Set([...bigrams.keys()].flatMap((k) => k.split(' ')))].join(',')}}`}::text[]) as w`)).map((r) => [r.w, r.v]));
  const phrases = [...bigrams]
    .filter(([k]) => k.split(' ').every((w) => (stems.get(w) ?? '') !== ''))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, perClass);

  const prefixes = [...spread(byItems(items * 0.01, Infinity), perClass)]
    .map((t) => t.lexeme.slice(0, t.lexeme.length >= 8 ? 6 : 5))
    .filter((p, i, all) => p.length >= 5 && all.indexOf(p) === i)
    .slice(0, perClass);

  return [
    ...common.map((t) => word('common', t)),
    ...medium.map((t) => word('medium', t)),
    ...rare.map((t) => word('rare', t)),
    ...pairs.map(([a, b]) => ({ class: 'two words' as const, query: { q: `${a.word} ${b.word}`, limit: 20 }, expected: Math.min(prefixItems(a.lexeme), prefixItems(b.lexeme)) })),
    ...phrases.map(([k]) => ({ class: 'phrase' as const, query: { q: `"${k}"`, limit: 20 }, expected: NaN })),
    ...prefixes.map((p) => ({ class: 'prefix' as const, query: { q: `${p}*`, limit: 20 }, expected: prefixItems(p) })),
  ];
}
