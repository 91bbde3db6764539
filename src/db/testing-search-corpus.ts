/**
 * @module A synthetic search corpus inserted straight into agenda_items, in bulk (one statement
 * per batch of rows), for the ranking tests and the search-quality bench: thousands of items in
 * seconds, a million in minutes. Words are drawn from the seed documents' vocabulary with their
 * real frequency order (Zipf), followed by a long tail of compounds of those words, so common
 * words are very common and tail words rare. Meetings are stored as already projected, so opening
 * the database does not rebuild (and empty) them. Deterministic for a seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { seededRandom } from '../../test/fixtures/random.js';
import type { Db } from './client.js';
import { PROJECTION_VERSION } from './projection.js';
import { queryRows } from './rows.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Words of the seed documents and a pinned set of corpus documents, most frequent first, then compounds of them (the rare tail). */
export function corpusVocabulary(tail = 40_000): string[] {
  const counts = new Map<string, number>();
  const pinned = (JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'search-vocabulary.json'), 'utf8')) as { documents: string[] }).documents;
  const samples = path.join(ROOT, 'samples');
  const files = [
    ...readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => path.join(samples, f)),
    ...pinned.map((f) => path.join(ROOT, 'test', 'corpus', 'documents', f)),
  ];
  for (const file of files) {
    for (const w of readFileSync(file, 'utf8').toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const stems = words.filter((w) => w.length >= 5).slice(0, 400);
  const ends = words.filter((w) => w.length >= 4).slice(0, 400);
  const compounds: string[] = [];
  const seen = new Set(words);
  for (let i = 0; compounds.length < tail && i < stems.length * ends.length; i++) {
    const w = stems[i % stems.length]! + ends[(Math.floor(i / stems.length) * 7919) % ends.length]!;
    if (!seen.has(w)) compounds.push(w), seen.add(w);
  }
  return [...words, ...compounds];
}

export interface CorpusOptions {
  items: number;
  seed?: number;
  /** Organisations the meetings are spread over. */
  bodies?: number;
  itemsPerMeeting?: number;
  /** Zipf exponent of the word draw. */
  exponent?: number;
  vocabulary?: string[];
  onProgress?: (done: number) => void;
}

/** Inserts `items` synthetic public agenda items (and their meetings and organisations). */
export async function insertSearchCorpus(db: Db, options: CorpusOptions): Promise<void> {
  const { items, bodies = 20, itemsPerMeeting = 12, exponent = 1.07 } = options;
  const random = seededRandom(options.seed ?? 1);
  const vocabulary = options.vocabulary ?? corpusVocabulary();
  // Inverse CDF of the Zipf distribution over the vocabulary's ranks.
  const cdf = new Float64Array(vocabulary.length);
  let total = 0;
  for (let i = 0; i < vocabulary.length; i++) cdf[i] = total += 1 / (i + 1) ** exponent;
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const text = (min: number, max: number) => Array.from({ length: min + Math.floor(random() ** 2 * (max - min)) }, word).join(' ');

  await db.execute(
    sql`insert into organizations (slug, name) select 'synth-' || g, 'Syntetisk udvalg ' || g from generate_series(1, ${bodies}) g on conflict (slug) do nothing`,
  );
  const orgs = await queryRows<{ id: number }>(db, sql`select id from organizations where slug like 'synth-%' order by id`);
  const meetings = Math.ceil(items / itemsPerMeeting);
  // One meeting per organisation and day, days spread over about 17 years.
  await db.execute(sql`
    insert into meetings (organization_id, date, status, projection)
    select (${`{${orgs.map((o) => o.id).join(',')}}`}::int[])[1 + g % ${orgs.length}], date '2008-01-01' + (g / ${orgs.length}) * 5, 'minutes_published', ${PROJECTION_VERSION}
    from generate_series(0, ${meetings - 1}) g
    on conflict do nothing`);
  const meetingRows = await queryRows<{ id: number; organization_id: number; date: string }>(
    db,
    sql`select id, organization_id, date::text as date from meetings m where organization_id = any(${`{${orgs.map((o) => o.id).join(',')}}`}::int[]) order by id limit ${meetings}`,
  );
  const batch = 500;
  for (let start = 0; start < items; start += batch) {
    const rows = [];
    for (let n = start; n < Math.min(items, start + batch); n++) {
      const m = meetingRows[Math.floor(n / itemsPerMeeting) % meetingRows.length]!;
      rows.push({
        meeting_id: m.id,
        organization_id: m.organization_id,
        meeting_date: m.date,
        position: n % itemsPerMeeting,
        title: text(3, 10),
        decision: random() < 0.5 ? text(4, 25) : null,
        summary_text: text(10, 60),
        body_text: text(60, 420),
      });
    }
    await db.execute(sql`
      insert into agenda_items (meeting_id, organization_id, meeting_date, kind, position, number, title, decision, summary_text, body_text)
      select r.meeting_id, r.organization_id, r.meeting_date, 'minutes', r.position, (r.position + 1)::text, r.title, r.decision, r.summary_text, r.body_text
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(meeting_id int, organization_id int, meeting_date date, position int, title text, decision text, summary_text text, body_text text)`);
    options.onProgress?.(Math.min(items, start + batch));
  }
}
