/**
 * The pair tiers (migration 0020): a two-word phrase and a 3-letter prefix (`bygge*` stems to
 * `byg`) read their candidates strongest first from title/decision occurrence counts, where the
 * two-phase path pre-ranked the first `headLimit` title/decision matches in index order (a sample
 * at 1 M items); and the last tier read gives its newest rows, as the naive order breaks ties.
 * Each first page must be the naive ranking's (Tuning.naive). Invented bodies and titles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AgendaItem } from '../model/index.js';
import type { Database } from './client.js';
import { item } from './fixtures.js';
import { pairTierWord } from './search.js';
import { strongestFirst, type Tuning } from './search-strategy.js';
import { openTestDatabase } from './testing.js';
import { firstPage, LOW, NAIVE, pageKeys, storeMeetings } from './testing-ranked.js';

let database: Database;

/**
 * 420 weak title matches (the oldest, first in index order), the 20 strongest after them (past
 * the two-phase path's first 400), then 60 weak ones, the newest (past its newest 40).
 */
function hidden(weak: (i: number) => AgendaItem, strong: (i: number) => AgendaItem): AgendaItem[] {
  return [...Array.from({ length: 420 }, (_, i) => weak(i)), ...Array.from({ length: 20 }, (_, i) => strong(i)), ...Array.from({ length: 60 }, (_, i) => weak(420 + i))];
}

beforeAll(async () => {
  database = await openTestDatabase();
  await storeMeetings(
    database.db,
    'Regionsudvalget',
    hidden(
      (i) => item('1', `Samarbejde med Region Sydkysten, møde ${i + 1}`, { text: 'Orientering.' }),
      (i) => item('1', `Region Sydkysten og Region Sydkysten, aftale ${i + 1}`, { text: 'Orientering.' }),
    ),
  );
  await storeMeetings(
    database.db,
    'Byggeudvalget',
    hidden(
      (i) => item('1', `Byggeri ved skolen, etape ${i + 1}`, { text: 'Status.' }),
      (i) => item('1', `Bygning og byggeri ved hallen, etape ${i + 1}`, { text: 'Status.' }),
    ),
  );
  // One large tier of equal ranks: the naive order takes the newest.
  await storeMeetings(database.db, 'Borgerudvalget', Array.from({ length: 100 }, (_, i) => item('1', `Borgerne indkaldes til dialogmøde ${i + 1}`, { text: 'Dialog.' })));
  await database.db.execute(sql`analyze agenda_items`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const page = (q: string, tuning: Tuning) => firstPage(database.db, q, tuning);
const keys = pageKeys;

describe('pair tiers', () => {
  it('finds a phrase\u2019s strongest title matches wherever they are in the index', async () => {
    const naive = await page('"region sydkysten"', NAIVE);
    expect(naive.results.every((r) => r.title.startsWith('Region Sydkysten og'))).toBe(true);
    const ours = await page('"region sydkysten"', LOW);
    expect(ours.totalIsEstimate).toBe(true);
    expect(keys(ours)).toEqual(keys(naive));
  });

  it('finds a 3-letter prefix\u2019s strongest title matches (summed over its lexemes)', async () => {
    const naive = await page('bygge*', NAIVE);
    expect(naive.results.every((r) => r.title.startsWith('Bygning og byggeri'))).toBe(true);
    const ours = await page('bygge*', LOW);
    expect(ours.totalIsEstimate).toBe(true);
    expect(keys(ours)).toEqual(keys(naive));
  });

  it('counts a phrase\u2019s title matches from the tiers when the planner is not trusted', async () => {
    const counted: Tuning = { ...LOW, countShare: 2 };
    const ours = await page('"region sydkysten"', counted);
    expect(ours.totalIsEstimate).toBe(true);
    expect(keys(ours)).toEqual(keys(await page('"region sydkysten"', NAIVE)));
  });

  it('takes the newest of a large last tier, as the naive order breaks its ties', async () => {
    const naive = await page('indkaldes', NAIVE);
    const ours = await page('indkaldes', LOW);
    expect(ours.totalIsEstimate).toBe(true);
    expect(keys(ours)).toEqual(keys(naive));
  });
});

describe('pair tier labels', () => {
  it('names two-word phrases and 3-letter prefixes only', () => {
    expect(pairTierWord("'region' <-> 'midtjylland'")).toBe('"region midtjylland');
    expect(pairTierWord("'byg':*")).toBe('*byg');
    expect(pairTierWord("'bygg':*")).toBeNull();
    expect(pairTierWord("'tag' <2> 'orientering'")).toBeNull();
    expect(pairTierWord("'covid-19' <-> 'covid' <-> '19'")).toBeNull();
    expect(pairTierWord("'byg'")).toBeNull();
  });

  it('keeps whole tiers in order and the newest of the last', () => {
    const rows = [
      { id: 5, ord: 1, day: '2020-01-01' },
      { id: 1, ord: 2, day: '2019-01-01' },
      { id: 2, ord: 2, day: '2021-01-01' },
      { id: 3, ord: 2, day: null },
      { id: 4, ord: 2, day: '2021-01-01' },
      { id: 6, ord: 3, day: '2022-01-01' },
    ];
    expect(strongestFirst(rows, 3)).toEqual([5, 4, 2]);
    expect(strongestFirst(rows, 10)).toEqual([5, 1, 2, 3, 4, 6]);
  });
});
