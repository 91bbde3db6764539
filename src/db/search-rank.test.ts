/**
 * One-term ranking (search-rank.ts): a prefix, a word with its compounds and a phrase rank by
 * their occurrences per weight, so a title match stays above a body full of different compounds
 * — on Referat's path and on the naive reference alike. Invented meetings of an invented body.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../model/index.js';
import type { Database } from './client.js';
import { item, meetingDocument, original, section } from './fixtures.js';
import { queryRows } from './rows.js';
import { searchItems } from './search.js';
import { headCountRank, oneTerm, termRank } from './search-rank.js';
import { TUNING, type Tuning } from './search-strategy.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

// Distinct compounds: each is its own lexeme, so ts_rank would score each one separately.
const BOLIG = ['område', 'social', 'politik', 'støtte', 'selskab', 'forening', 'byggeri', 'udbud', 'marked', 'afdeling', 'kvarter', 'type', 'ejer', 'sikring', 'anvisning', 'blok'];
const SKOLE = ['område', 'reform', 'bestyrelse', 'leder', 'bus', 'gård', 'start', 'distrikt', 'politik', 'byggeri', 'tjeneste', 'klasse', 'elev', 'lærer', 'kantine', 'sundhed', 'bibliotek', 'struktur', 'udvalg', 'kontor', 'ferie', 'tid', 'plads', 'udbud', 'ejendom'];
const compounds = (word: string, ends: string[]) => ends.map((e) => `${word}${e}`).join(', ');
const NAIVE: Tuning = { ...TUNING, naive: true };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await storeDocument(
    database.db,
    meetingDocument({
      body: 'Rangeringsudvalget',
      date: '2025-02-03',
      items: [
        item('1', 'Boliger og skole ved havnen', { text: 'Orientering om planerne for havnen.' }),
        item('2', 'Budgetopfølgning for året', {
          sections: [section('background', `Vi drøftede ${compounds('bolig', BOLIG)} og ${compounds('skole', SKOLE)}, og dertil meget andet.`)],
        }),
        item('3', 'Fælles indkøb af it', { text: 'Aftalen gælder fra sommer.' }),
        item('4', 'Status på drift', {
          // The phrase once, its words often and close: ts_rank's phrase rank (word distances) puts this first.
          sections: [section('background', `Fælles indkøb. ${Array.from({ length: 12 }, () => 'Fælles drift giver bedre indkøb, og indkøb er fælles.').join(' ')}`)],
        }),
      ],
    }),
    original('rank one term'),
  );
  // Newest first breaks rank ties: the body items are the newest, so ties would favour them.
  await database.db.execute(sql`update agenda_items set meeting_date = meeting_date + (case when title in ('Budgetopfølgning for året', 'Status på drift') then 1 else 0 end)`);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const titles = async (q: string, tuning: Tuning) => (await searchItems(database.db, ANONYMOUS, { q, limit: 20 }, tuning)).results.map((r) => r.title);

describe('one-term ranking', () => {
  it('reads the one-term queries from the normalised tsquery', () => {
    expect(oneTerm("'bol':*")).toEqual({ kind: 'prefix', term: "'bol':*" });
    expect(oneTerm("'skol' | 'skol':*")).toEqual({ kind: 'compounds', term: "'skol':*", exact: "'skol'" });
    expect(oneTerm("'fæl' <-> 'indkøb'")).toEqual({ kind: 'phrase', term: "'fæl' <-> 'indkøb'", gaps: 0 });
    expect(oneTerm("'plan' <2> 'klima'")).toEqual({ kind: 'phrase', term: "'plan' <2> 'klima'", gaps: 1 });
    expect(oneTerm("'skol'")).toBeNull();
    expect(oneTerm("'skol' & 'bus'")).toBeNull();
    expect(oneTerm("'skol' | 'bus':*")).toBeNull();
    expect(oneTerm("'skol' <-> 'bus':*")).toBeNull();
  });

  it("equals ts_rank for one lexeme (its formula), and counts a prefix's lexemes as one term", async () => {
    const vectors = [
      `setweight(to_tsvector('danish', 'bolig bolig'), 'A') || setweight(to_tsvector('danish', 'bolig'), 'B') || setweight(to_tsvector('danish', 'boligen'), 'C') || setweight(to_tsvector('danish', '${'bolig '.repeat(40)}'), 'D')`,
      `setweight(to_tsvector('danish', 'om bolig'), 'B') || setweight(to_tsvector('danish', 'bolig og bolig'), 'D')`,
      `to_tsvector('danish', 'bolig')`,
    ];
    for (const v of vectors) {
      const [row] = await queryRows<{ ours: number; theirs: number }>(
        database.db,
        sql`select ${termRank(sql.raw(`(${v})`), sql`${"'bol'"}::tsquery`)}::float8 as ours, ts_rank(${sql.raw(`(${v})`)}, 'bol'::tsquery)::float8 as theirs`,
      );
      expect(row!.ours).toBeCloseTo(row!.theirs, 5);
    }
    // Three lexemes, one occurrence each in the body: one term seen three times, not three terms.
    const [merged] = await queryRows<{ ours: number; single: number }>(
      database.db,
      sql`select ${termRank(sql`to_tsvector('danish', 'boligområde boligstøtte boligpolitik')`, sql`${"'bol':*"}::tsquery`)}::float8 as ours,
            ts_rank(to_tsvector('danish', 'bolig bolig bolig'), 'bol'::tsquery)::float8 as single`,
    );
    expect(merged!.ours).toBeCloseTo(merged!.single, 5);
  });

  it("orders head vectors by the count proxy as by the one-term rank (title, then decision occurrences)", async () => {
    // Title and decision text as head_tsv is made (schema.ts); shuffled so input order decides nothing.
    const heads: Array<[string, string]> = [
      ['Boligplan', 'Godkendt.'],
      ['Boligplan og boligstøtte', 'Godkendt.'],
      ['Plan', 'Boligstøtte og boligområde godkendt, boligpolitik udsat.'],
      ['Boligplan', 'Boligstøtte godkendt.'],
      ['Plan', 'Boligstøtte godkendt.'],
      ['Boliger, boligstøtte og boligområder', 'Godkendt.'],
    ];
    const values = heads.map(([t, d], n) => `(${n}, setweight(to_tsvector('danish', '${t}'), 'A') || setweight(to_tsvector('danish', '${d}'), 'B'))`).join(', ');
    const order = async (rank: SQL) =>
      (await queryRows<{ n: number }>(database.db, sql`select h.n from (values ${sql.raw(values)}) h(n, v) order by ${rank} desc, h.n`)).map((r) => r.n);
    for (const q of ["'bol':*", "'boligstøt'"]) {
      const query = sql`${q}::tsquery`;
      const exact = await order(termRank(sql.raw('h.v'), query, { head: true }));
      expect(await order(headCountRank(sql.raw('h.v'), query)), q).toEqual(exact);
    }
    expect((await order(headCountRank(sql.raw('h.v'), sql`${"'bol':*"}::tsquery`))).slice(0, 3)).toEqual([5, 1, 3]);
  });

  it('ranks a title match above a body of many different compounds, for a prefix and for a word with compounds', async () => {
    for (const tuning of [TUNING, NAIVE]) {
      for (const q of ['bolig*', 'bolig', 'skole', 'skole*']) {
        const found = await titles(q, tuning);
        // "bolig" stems to `bol`, too short to start compounds: it finds the word alone.
        if (q !== 'bolig') expect(found, `${q}${tuning.naive ? ' (naive)' : ''}`).toContain('Budgetopfølgning for året');
        expect(found[0], `${q}${tuning.naive ? ' (naive)' : ''}`).toBe('Boliger og skole ved havnen');
      }
    }
  });

  it('ranks a phrase by its occurrences as a phrase: the title above a body that has its words often but apart', async () => {
    for (const tuning of [TUNING, NAIVE]) {
      const found = await titles('"fælles indkøb"', tuning);
      expect(found, tuning.naive ? 'naive' : 'Referat').toEqual(['Fælles indkøb af it', 'Status på drift']);
    }
  });
});
