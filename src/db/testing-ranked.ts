/**
 * @module What the ranked-path tests (search-tiers, search-pair-tiers) share: lowered limits that
 * make a few hundred items "many", the naive reference, meetings stored a month apart (the first
 * items the oldest), and a first page compared by its items.
 */
import type { SearchQuery } from '../archive/types.js';
import { ANONYMOUS, type AgendaItem } from '../model/index.js';
import type { Db } from './client.js';
import { meetingDocument, original } from './fixtures.js';
import { searchItems } from './search.js';
import { TUNING, type Tuning } from './search-strategy.js';
import { storeDocument } from './store.js';


/** Lowered limits: a few hundred items are "many", so the ranked paths run. */
export const LOW: Tuning = { ...TUNING, exactLimit: 40, tierCandidates: 30, rankCandidates: 60, headLimit: 400, headCandidates: 60, bodyCandidates: 60 };
export const NAIVE: Tuning = { ...TUNING, naive: true };

/** Stores `items` as meetings of 20 items each, one a month from January 2010 (the first are the oldest). */
export async function storeMeetings(db: Db, body: string, items: AgendaItem[]): Promise<void> {
  for (let m = 0; m * 20 < items.length; m++) {
    const date = new Date(Date.UTC(2010, m, 1)).toISOString().slice(0, 10);
    const chunk = items.slice(m * 20, m * 20 + 20).map((it, i) => ({ ...it, number: String(i + 1) }));
    await storeDocument(db, meetingDocument({ body, date, items: chunk }), original(`${body} ${date}`));
  }
}

/** The first page of 20 for an anonymous viewer. */
export const firstPage = (db: Db, q: string, tuning: Tuning) => searchItems(db, ANONYMOUS, { q, limit: 20 } as SearchQuery, tuning);

/** A page's items, as meeting and item number. */
export const pageKeys = (r: { results: Array<{ meetingId: number; itemNumber: string }> }) => r.results.map((x) => `${x.meetingId}/${x.itemNumber}`);
