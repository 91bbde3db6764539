/**
 * The ranked path's choice of candidates on shapes the national corpus showed (bench/search.ts at
 * 1,000,000 items): a word whose compounds fill the title tiers, a word whose stem is too short to
 * start compounds, and a phrase. Each first page must be the naive ranking's (Tuning.naive).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { item } from './fixtures.js';
import type { Tuning } from './search-strategy.js';
import { openTestDatabase } from './testing.js';
import { firstPage, LOW, NAIVE, pageKeys, storeMeetings } from './testing-ranked.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  // Compounds first (the oldest rows, first in the index's bitmap order), then the word itself.
  const compounds = Array.from({ length: 260 }, (_, i) => item('1', `Teamlederuddannelse, hold ${i + 1}`, { text: 'Hold og undervisning.' }));
  const exact = Array.from({ length: 40 }, (_, i) => item('1', `Ny teamleder i afdeling ${i + 1}`, { text: 'Ansættelse.' }));
  await storeMeetings(database.db, 'Personaleudvalget', [...compounds, ...exact]);
  // "muligt" stems to "mul": as a compound start it would find every "multihal".
  const halls = Array.from({ length: 80 }, (_, i) => item('1', `Multihal ${i + 1}`, { text: 'Byggeri af multihal.' }));
  const possible = Array.from({ length: 60 }, (_, i) => item('1', `Anlæg ${i + 1}`, { text: `Det er muligt at bygge anlæg ${i + 1}.` }));
  await storeMeetings(database.db, 'Fritidsudvalget', [...halls, ...possible]);
  // A phrase: in a few titles (old), and in many bodies (newer).
  const titled = Array.from({ length: 25 }, (_, i) => item('1', `Almen praksis i distrikt ${i + 1}`, { text: 'Lægedækning.' }));
  const bodies = Array.from({ length: 300 }, (_, i) => item('1', `Sundhedsaftale ${i + 1}`, { text: `Aftalen omtaler almen praksis og kommunerne, punkt ${i + 1}.` }));
  await storeMeetings(database.db, 'Sundhedsudvalget', [...titled, ...bodies]);
  // A long stem (`sundhedsaftal`, 13 letters) labels its compounds by its first 8 letters, which
  // other words share: titles with two "sundheds…" words that mention the query only in the body.
  const others = Array.from({ length: 200 }, (_, i) => item('1', `Sundhedsklyngen og sundhedsplanen, møde ${i + 1}`, { text: 'Status på sundhedsaftalen er drøftet.' }));
  const status = Array.from({ length: 40 }, (_, i) => item('1', `Status på sundhedsaftalen ${i + 1}`, { text: 'Orientering.' }));
  await storeMeetings(database.db, 'Sundhedsstyregruppen', [...status, ...others]);
  await database.db.execute(sql`analyze agenda_items`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const page = (q: string, tuning: Tuning) => firstPage(database.db, q, tuning);
const keys = pageKeys;

describe('ranked candidates', () => {
  it('reads a word\u2019s own lexeme in each title tier before its compounds', async () => {

    const ours = await page('teamleder', LOW);
    const naive = await page('teamleder', NAIVE);
    expect(ours.totalIsEstimate).toBe(true);
    expect(naive.results.every((r) => r.title.startsWith('Ny teamleder'))).toBe(true);
    expect(keys(ours)).toEqual(keys(naive));
  });

  it('does not take a short stem as the start of compounds', async () => {
    const ours = await page('muligt', LOW);
    expect(ours.total).toBe(60);
    expect(ours.results.some((r) => r.title.startsWith('Multihal'))).toBe(false);
    expect(keys(ours)).toEqual(keys(await page('muligt', NAIVE)));
  });

  it('does not let the words sharing a long stem\u2019s first 8 letters fill the candidates', async () => {
    const ours = await page('sundhedsaftalen', LOW);
    const naive = await page('sundhedsaftalen', NAIVE);
    expect(naive.results.every((r) => /sundhedsaftale/i.test(r.title))).toBe(true);
    expect(ours.results).toHaveLength(20);
    expect(keys(ours)).toEqual(keys(naive));
  });

  it('ranks a phrase\u2019s title matches first, as the naive ranking does', async () => {
    const ours = await page('"almen praksis"', LOW);
    const naive = await page('"almen praksis"', NAIVE);
    expect(ours.totalIsEstimate).toBe(true);
    expect(naive.results.slice(0, 20).every((r) => r.title.startsWith('Almen praksis'))).toBe(true);
    expect(keys(ours)).toEqual(keys(naive));
  });
});
