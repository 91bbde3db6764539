/**
 * Counting title/decision matches first (search-strategy.ts, findPage): when the planner cannot
 * tell whether a phrase is common, its title/decision matches are counted first, and only when
 * they are too few to make the matches "many" are the matches themselves counted. Either way the
 * page and the total's exactness are as without the shortcut. Invented meetings of an invented body.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../model/index.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { searchItems } from './search.js';
import { estimateRows, TUNING, type Tuning } from './search-strategy.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

// Six matches are "many"; every query is counted (countShare above 1: the planner is never trusted).
const SMALL: Tuning = { ...TUNING, exactLimit: 5, countShare: 2, headCandidates: 200, bodyCandidates: 40 };
const NAIVE: Tuning = { ...SMALL, naive: true };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  for (let m = 0; m < 4; m++) {
    const items = Array.from({ length: 10 }, (_, n) => {
      const k = m * 10 + n;
      // "fælles indkøb" in 8 titles; "tæt samarbejde" in 2 titles and 10 bodies; both words apart elsewhere.
      const title = k < 8 ? `Fælles indkøb af udstyr ${k}` : k < 10 ? `Tæt samarbejde om veje ${k}` : `Status for drift ${k}`;
      const text = k >= 20 && k < 30 ? 'Der er et tæt samarbejde med regionen.' : 'Fælles drift og indkøb af biler, tæt på samarbejde.';
      return item(String(n + 1), title, { text });
    });
    await storeDocument(database.db, meetingDocument({ body: 'Indkøbsudvalget', date: `${2015 + m}-03-0${m + 1}`, items }), original(`head count ${m}`));
  }
  await database.db.execute(sql`analyze`);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const page = async (q: string, tuning: Tuning) => {
  const found = await searchItems(database.db, ANONYMOUS, { q, limit: 20 }, tuning);
  return { titles: found.results.map((r) => r.title), exact: !found.totalIsEstimate, total: found.total };
};

describe('title/decision matches counted first', () => {
  it('finds the planner unsure of both phrases (else the shortcut would not be tried)', async () => {
    for (const phrase of ['fælles <-> indkøb', 'tæt <-> samarbejd']) {
      expect(await estimateRows(database.db as never, sql`i.tsv @@ to_tsquery('danish', ${phrase})`), phrase).toBeGreaterThan(SMALL.exactLimit);
    }
  });

  it('many title matches: the estimate path, the naive page', async () => {
    const ours = await page('"fælles indkøb"', SMALL);
    const naive = await page('"fælles indkøb"', NAIVE);
    expect(naive.total).toBe(8);
    expect(ours.exact).toBe(false);
    expect(ours.titles).toEqual(naive.titles);
  });

  it('few title matches but many matches: counted in the full vectors, still many', async () => {
    const ours = await page('"tæt samarbejde"', SMALL);
    const naive = await page('"tæt samarbejde"', NAIVE);
    expect(naive.total).toBe(12);
    expect(ours.exact).toBe(false);
    expect(ours.titles).toEqual(naive.titles);
  });
});
