import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../model/index.js';
import { sql } from 'drizzle-orm';
import type { SearchQuery } from '../archive/types.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { searchItems } from './search.js';
import { TUNING, type Tuning } from './search-strategy.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

// Tiny limits make 60 items "many": the dense strategy and its fallback run as on 200,000.
const SMALL: Tuning = { ...TUNING, exactLimit: 5, scanBudget: 1000, denseScanLimit: 10, rankCandidates: 4, headLimit: 1000, headCandidates: 200, bodyCandidates: 4 };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  for (let m = 0; m < 6; m++) {
    const items = Array.from({ length: 10 }, (_, n) =>
      item(String(n + 1), m === 0 && n === 9 ? 'Kommunerne og klimaet' : `Punkt ${n + 1} om vejene`, {
        text: `Kommunerne drøfter sagen.${m < 3 ? ' Gammelord findes kun i de ældste møder.' : ''}`,
      }),
    );
    await storeDocument(database.db, meetingDocument({ date: `${2010 + m}-05-01`, items }), original(`meeting ${m}`));
  }
  await database.db.execute(sql`analyze`);
});
afterAll(async () => {
  await database?.close();
});

const ids = (result: Awaited<ReturnType<typeof searchItems>>) => result.results.map((r) => `${r.meetingDate} ${r.itemNumber}`);

describe('search strategies', () => {
  it('uses an estimated total when matches exceed the exact limit, exact totals below it', async () => {
    const dense = await searchItems(database.db, ANONYMOUS, { q: 'kommunerne' }, SMALL);
    expect(dense.totalIsEstimate).toBe(true);
    expect(dense.total).toBeGreaterThan(SMALL.exactLimit);
    const exact = await searchItems(database.db, ANONYMOUS, { q: 'kommunerne' }, TUNING);
    expect(exact).toMatchObject({ total: 60, totalIsEstimate: false });
  });

  it('lists the same pages in date order as the exact strategy', async () => {
    for (const query of [
      { q: 'kommunerne', sort: 'newest' },
      { q: 'kommunerne', sort: 'oldest' },
      { q: 'kommunerne', sort: 'newest', page: 3, limit: 7 },
      { q: 'kommunerne', sort: 'oldest', year: 2012 },
    ] satisfies SearchQuery[]) {
      const exact = await searchItems(database.db, ANONYMOUS, query, TUNING);
      const dense = await searchItems(database.db, ANONYMOUS, query, SMALL);
      expect(ids(dense)).toEqual(ids(exact));
    }
  });

  it('ranks a title match first even when it is older than the newest matches', async () => {
    const dense = await searchItems(database.db, ANONYMOUS, { q: 'kommunerne' }, SMALL);
    expect(dense.results[0]).toMatchObject({ title: 'Kommunerne og klimaet', meetingDate: '2010-05-01' });
    const exact = await searchItems(database.db, ANONYMOUS, { q: 'kommunerne' }, TUNING);
    expect(exact.results[0]?.title).toBe('Kommunerne og klimaet');
  });

  it('falls back to the index bitmap when the newest rows hold too few matches', async () => {
    // Half of all items match, but only the oldest: the date-order scan gives up after 20 rows.
    const query = { q: 'gammelord', sort: 'newest', limit: 1 } satisfies SearchQuery;
    const dense = await searchItems(database.db, ANONYMOUS, query, SMALL);
    const exact = await searchItems(database.db, ANONYMOUS, query, TUNING);
    expect(ids(dense)).toEqual(ids(exact));
    expect(ids(dense)[0]).toMatch(/^2012-05-01/);
  });

  it('keeps filters and the section-type vector in the dense strategy', async () => {
    const query = { q: 'kommunerne', sectionType: 'background', sort: 'newest', limit: 3 } satisfies SearchQuery;
    expect(ids(await searchItems(database.db, ANONYMOUS, query, SMALL))).toEqual(ids(await searchItems(database.db, ANONYMOUS, query, TUNING)));
    expect((await searchItems(database.db, ANONYMOUS, { ...query, sectionType: 'decision' }, SMALL)).results).toEqual([]);
  });
});
