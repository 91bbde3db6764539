/**
 * The national bench corpus generator (bench/national): the same seed gives the same rows, the
 * row counts are what was asked, the stored model is a valid MeetingDocument whose search text is
 * what the projection would write, the generated text's term frequencies fall like the samples'
 * (Zipf), and typed_tsv written by the generator equals what the projection's SQL makes of the
 * same sections (on a bare PGlite).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemLevels } from '../src/archive/view.js';
import { itemValues } from '../src/db/content.js';
import { importBytes } from '../src/import/index.js';
import { MeetingDocument } from '../src/model/index.js';
import { generate, newStats, prepare, type Batch, type Words } from '../bench/national/generate.js';
import { lexemesOf } from '../bench/national/lexemes.js';
import { samplesOf, type Samples } from '../bench/national/samples.js';
import { zipfSlope } from '../bench/national/vocabulary.js';

let samples: Samples;
let pglite: PGlite;
let words: Words;
let prep: ReturnType<typeof prepare>;

beforeAll(async () => {
  const dir = 'test/corpus/documents';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort().slice(0, 8);
  const docs = await Promise.all(files.map(async (f) => (await importBytes(new Uint8Array(await readFile(path.join(dir, f))), f)).document));
  samples = samplesOf(docs);
  prep = prepare(samples, 6000, 7);
  pglite = await PGlite.create();
  await pglite.exec(await readFile('src/db/migrations/0001_search_functions.sql', 'utf8').then((s) => s.split('--> statement-breakpoint')[0]!));
  words = await lexemesOf(async (text, params) => (await pglite.query(text, params)).rows as never, prep.words);
}, 180_000);

afterAll(async () => {
  await pglite?.close();
});

const run = (items: number, seed: number) => {
  const stats = newStats();
  const batches = [...generate(prep, words, items, seed, stats, 300)];
  return { batches, stats };
};
const rowsOf = (batches: Batch[], table: Exclude<keyof Batch, 'items'>) => batches.flatMap((b) => b[table].rows);

describe('national corpus generator', () => {
  it('gives the same rows for the same seed, other rows for another', () => {
    const a = run(800, 1);
    const b = run(800, 1);
    const c = run(800, 2);
    const text = (r: ReturnType<typeof run>) => r.batches.map((x) => x.agendaItems.copyText() + x.sections.copyText() + x.documentVersions.copyText()).join('');
    expect(text(a)).toBe(text(b));
    expect(text(a)).not.toBe(text(c));
  });

  it('makes exactly the items asked for, in meetings that exist, numbered from 1', () => {
    const { batches, stats } = run(1000, 3);
    const items = rowsOf(batches, 'agendaItems');
    expect(items).toHaveLength(1000);
    expect(batches.reduce((n, b) => n + b.items, 0)).toBe(1000);
    const meetings = new Set(rowsOf(batches, 'meetings').map((m) => m[0]));
    expect(items.every((i) => meetings.has(i[1]))).toBe(true);
    expect(new Set(items.map((i) => i[0])).size).toBe(1000);
    // Every item's paper exists; sections point at items.
    expect(items.every((i) => (i[9] as number) >= 1 && (i[9] as number) <= stats.papers.length)).toBe(true);
    const ids = new Set(items.map((i) => i[0]));
    expect(rowsOf(batches, 'sections').every((s) => ids.has(s[1]))).toBe(true);
    // Many organisations and years.
    const orgs = new Set(items.map((i) => i[3]));
    const years = new Set(items.map((i) => String(i[4]).slice(0, 4)));
    expect(orgs.size).toBeGreaterThan(40);
    expect(years.size).toBeGreaterThan(8);
  });

  it('stores models that are valid documents, with the search text the projection would write', () => {
    const { batches } = run(300, 4);
    const versions = rowsOf(batches, 'documentVersions');
    const items = rowsOf(batches, 'agendaItems');
    const byMeeting = new Map<unknown, unknown[][]>();
    for (const i of items) byMeeting.set(i[1], [...(byMeeting.get(i[1]) ?? []), i]);
    for (const v of versions.slice(0, 20)) {
      const doc = MeetingDocument.parse(JSON.parse(v[7] as string));
      const rows = byMeeting.get(v[0])!;
      const levels = itemLevels(doc);
      doc.items.forEach((item, position) => {
        const expected = itemValues(doc, item, position, levels.get(item.number) ?? 'public', { meetingId: 0, versionId: 0, organizationId: 0 }, new Map());
        const row = rows[position]!;
        expect([row[8], row[10], row[11], row[12], row[13]]).toEqual([expected.title, expected.decision, expected.access, expected.summaryText, expected.bodyText]);
      });
    }
  });

  it('writes text whose word frequencies fall like the samples, with a long tail of rare words', () => {
    const { stats } = run(2000, 5);
    const merged = new Map<string, number>();
    stats.counts.forEach((n, w) => n > 0 && merged.set(words.words[w]!.toLowerCase(), (merged.get(words.words[w]!.toLowerCase()) ?? 0) + n));
    const counts = [...merged.values()].sort((a, b) => b - a);
    // Over the ranks both have well sampled (a few documents' samples are all tail beyond that).
    const sampleSlope = zipfSlope([...samples.frequencies.values()].sort((a, b) => b - a), 2, 200);
    expect(Math.abs(zipfSlope(counts, 2, 200) - sampleSlope)).toBeLessThan(0.2);
    // Rare words are rare: most distinct words occur at most three times, and more distinct words than the samples have.
    expect(counts.filter((c) => c <= 3).length / counts.length).toBeGreaterThan(0.5);
    expect(counts.length).toBeGreaterThan(samples.frequencies.size);
    // The most common word is a few per cent of the text, as in the samples, not a flat distribution.
    const total = counts.reduce((a, b) => a + b, 0);
    expect(counts[0]! / total).toBeGreaterThan(0.01);
    expect(counts[0]! / total).toBeLessThan(0.1);
  });

  it('writes typed_tsv exactly as the projection SQL makes it from the sections', async () => {
    const { batches } = run(120, 6);
    const items = rowsOf(batches, 'agendaItems');
    const sections = rowsOf(batches, 'sections');
    for (const item of items.slice(0, 40)) {
      const own = sections.filter((s) => s[1] === item[0] && (s[5] as string).trim() !== '');
      const sqlText = own.length === 0 ? `select ''::tsvector::text as v` : `select (${own.map((_, i) => `referat_prefix_lexemes(to_tsvector('danish', $${2 * i + 1}), $${2 * i + 2})`).join(' || ')})::text as v`;
      const [expected] = (await pglite.query<{ v: string }>(sqlText, own.flatMap((s) => [s[5], `${s[4]}/`]))).rows;
      const [ours] = (await pglite.query<{ v: string }>(`select $1::tsvector::text as v`, [item[14]])).rows;
      expect(ours!.v).toBe(expected!.v);
    }
  });
});
