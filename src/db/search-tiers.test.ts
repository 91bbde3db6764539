/**
 * The ranked path's choice of candidates on shapes the national corpus showed (bench/search.ts at
 * 1,000,000 items): a word whose compounds fill the title tiers, a word whose stem is too short to
 * start compounds, and a phrase. Each first page must be the naive ranking's (Tuning.naive).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SearchQuery } from '../archive/types.js';
import { ANONYMOUS, type AgendaItem } from '../model/index.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { searchItems } from './search.js';
import { TUNING, type Tuning } from './search-strategy.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

// Lowered limits make a few hundred items "many", so the ranked paths run.
const LOW: Tuning = { ...TUNING, exactLimit: 40, tierCandidates: 30, rankCandidates: 60, headLimit: 400, headCandidates: 60, bodyCandidates: 60 };
const NAIVE: Tuning = { ...TUNING, naive: true };

let database: Database;

/** Stores `items` as meetings of 20 items each, one a month from January 2010 (the first are the oldest). */
async function storeMeetings(body: string, items: AgendaItem[]): Promise<void> {
  for (let m = 0; m * 20 < items.length; m++) {
    const date = new Date(Date.UTC(2010, m, 1)).toISOString().slice(0, 10);
    const chunk = items.slice(m * 20, m * 20 + 20).map((it, i) => ({ ...it, number: String(i + 1) }));
    await storeDocument(database.db, meetingDocument({ body, date, items: chunk }), original(`${body} ${date}`));
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Compounds first (the oldest rows, first in the index's bitmap order), then the word itself.
  const compounds = Array.from({ length: 260 }, (_, i) => item('1', `Teamlederuddannelse, hold ${i + 1}`, { text: 'Hold og undervisning.' }));
  const exact = Array.from({ length: 40 }, (_, i) => item('1', `Ny teamleder i afdeling ${i + 1}`, { text: 'Ansættelse.' }));
  await storeMeetings('Personaleudvalget', [...compounds, ...exact]);
  // "muligt" stems to "mul": as a compound start it would find every "multihal".
  const halls = Array.from({ length: 80 }, (_, i) => item('1', `Multihal ${i + 1}`, { text: 'Byggeri af multihal.' }));
  const possible = Array.from({ length: 60 }, (_, i) => item('1', `Anlæg ${i + 1}`, { text: `Det er muligt at bygge anlæg ${i + 1}.` }));
  await storeMeetings('Fritidsudvalget', [...halls, ...possible]);
  // A phrase: in a few titles (old), and in many bodies (newer).
  const titled = Array.from({ length: 25 }, (_, i) => item('1', `Almen praksis i distrikt ${i + 1}`, { text: 'Lægedækning.' }));
  const bodies = Array.from({ length: 300 }, (_, i) => item('1', `Sundhedsaftale ${i + 1}`, { text: `Aftalen omtaler almen praksis og kommunerne, punkt ${i + 1}.` }));
  await storeMeetings('Sundhedsudvalget', [...titled, ...bodies]);
  // A long stem (`sundhedsaftal`, 13 letters) labels its compounds by its first 8 letters, which
  // other words share: titles with two "sundheds…" words that mention the query only in the body.
  const others = Array.from({ length: 200 }, (_, i) => item('1', `Sundhedsklyngen og sundhedsplanen, møde ${i + 1}`, { text: 'Status på sundhedsaftalen er drøftet.' }));
  const status = Array.from({ length: 40 }, (_, i) => item('1', `Status på sundhedsaftalen ${i + 1}`, { text: 'Orientering.' }));
  await storeMeetings('Sundhedsstyregruppen', [...status, ...others]);
  await database.db.execute(sql`analyze agenda_items`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const page = async (q: string, tuning: Tuning) => searchItems(database.db, ANONYMOUS, { q, limit: 20 } as SearchQuery, tuning);
const keys = (r: { results: Array<{ meetingId: number; itemNumber: string }> }) => r.results.map((x) => `${x.meetingId}/${x.itemNumber}`);

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
