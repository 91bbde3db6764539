/**
 * The batch path of a folder import (store-batch.ts) stores exactly what storeDocument stores one by
 * one: the same documents into two fresh databases, one by one and batched, leave the same rows in
 * every table (ids included; timestamps only as set or not). A document failing inside a batch is
 * reported and leaves nothing, while the batch's other documents are stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../import/index.js';
import type { MeetingDocument } from '../model/index.js';
import type { Database, Db } from './client.js';
import { queryRows } from './rows.js';
import { storeDocuments, type BatchDocument } from './store-batch.js';
import { CorrectionConflict, storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SURNAMES = ['Jensen', 'Nielsen', 'Hansen'];
const APPROVAL = 'Godkendelse af referat fra mødet den 1. januar 2000';

/** The seeds and the first corpus documents, parsed, with the cases a folder import meets besides new meetings. */
async function documents(): Promise<BatchDocument[]> {
  const parsed: BatchDocument[] = [];
  const dirs = [join(ROOT, 'samples'), join(ROOT, 'test/corpus/documents')];
  const names = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f))).slice(0, 24);
  for (const file of names) {
    const bytes = new Uint8Array(readFileSync(file));
    const read = await importBytes(bytes, file.split('/').at(-1)!, {});
    parsed.push({ document: read.document, original: { bytes: read.bytes, fileName: file.split('/').at(-1)!, format: read.format }, options: { createdBy: 'test' } });
  }
  const withBody = parsed.filter((d) => d.document.body && d.document.participants.length > 0);
  // Namesakes: the same people's first names under other last names, in another organisation.
  const namesakes = withBody.slice(0, 4).map((d, k): BatchDocument => {
    const rename = (name: string) => name.replace(/\S+$/, SURNAMES[k % SURNAMES.length]!);
    const document: MeetingDocument = {
      ...d.document,
      body: `${d.document.body} 2`,
      participants: d.document.participants.map((p) => ({ ...p, name: rename(p.name) })),
      absent: d.document.absent.map((a) => ({ ...a, name: rename(a.name) })),
    };
    return { document, original: { ...d.original, bytes: new Uint8Array([...d.original.bytes, 10, 49 + k]), fileName: `namesake-${k}.txt` }, options: { createdBy: 'test' } };
  });
  // A second version of a meeting stored earlier in the run (an item retitled), and the same file again (unchanged).
  const first = withBody[0]!;
  const changed: BatchDocument = {
    document: { ...first.document, items: first.document.items.map((item, i) => (i === 0 ? { ...item, title: `${item.title} (rettet)` } : item)) },
    original: { ...first.original, bytes: new Uint8Array([...first.original.bytes, 10, 88]), fileName: 'changed.txt' },
    options: { createdBy: 'test' },
  };
  // The same generic body name ("Prøveudvalget") in two authorities, in one batch: two organisations, never one.
  // The first twin also approves earlier minutes with a long item: its profile is made before its minutes_of is set.
  const items = withBody[1]!.document.items;
  const longest = [...items].sort((a, b) => JSON.stringify(b.sections).length - JSON.stringify(a.sections).length)[0]!;
  const approval = { ...longest, number: '99', title: APPROVAL, caseNumber: null };
  const twins = ['Nordby Kommune', 'Sydby Kommune'].map((authority, k): BatchDocument => ({
    document: { ...withBody[1]!.document, body: 'Prøveudvalget', authority, items: k === 0 ? [...items, approval] : items },
    original: { ...withBody[1]!.original, bytes: new Uint8Array([...withBody[1]!.original.bytes, 10, 84, 49 + k]), fileName: `twin-${k}.txt` },
    options: { createdBy: 'test' },
  }));
  return [...twins, ...parsed.slice(0, 10), ...namesakes.slice(0, 2), changed, ...parsed.slice(10), first, parsed[11]!, ...namesakes.slice(2)];
}

/** Every public table's rows, as comparable text: timestamps only as set or not, bytes as hex; sorted. */
async function tables(db: Db): Promise<Record<string, string[]>> {
  const names = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, string[]> = {};
  for (const { name } of names) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from "${name}"`));
    out[name] = rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              k.endsWith('_at') ? (v === null ? null : 'set') : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v instanceof Date ? v.toISOString() : v,
            ]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

let oneByOne: Database;
let batched: Database;
beforeAll(async () => {
  [oneByOne, batched] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});
afterAll(async () => {
  await oneByOne?.close();
  await batched?.close();
});

describe('storeDocuments', () => {
  it('leaves the same rows in every table as storing the documents one by one', { timeout: 300_000 }, async () => {
    const docs = await documents();
    const single = [];
    for (const d of docs) single.push(await storeDocument(oneByOne.db, d.document, d.original, d.options));
    const outcomes = [];
    // Batches of 7: the meeting's second version and the repeated file land in other batches than their first.
    for (let k = 0; k < docs.length; k += 7) outcomes.push(...(await storeDocuments(batched.db, docs.slice(k, k + 7))));
    expect(outcomes.map((o) => (o.ok ? o.result : o.error))).toEqual(single);
    // The run covers what a folder import meets: new meetings, a new version, the same file again.
    for (const status of ['imported', 'updated', 'unchanged']) expect(single.map((s) => s.status)).toContain(status);

    const [a, b] = await Promise.all([tables(oneByOne.db), tables(batched.db)]);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of ['meetings', 'agenda_items', 'document_versions', 'sections', 'item_profiles', 'people', 'term_counts', 'participations', 'memberships']) {
      expect(a[table]!.length, table).toBeGreaterThan(0);
    }
    // Namesakes were compared (a suggestion or a merge recorded).
    expect(a.person_merges!.length).toBeGreaterThan(0);
    // The approval item has a profile and its minutes_of.
    const approved = a.agenda_items!.map((row) => JSON.parse(row)).find((row) => row.title === APPROVAL && row.minutes_of !== null);
    expect(a.item_profiles!.some((row) => JSON.parse(row).item_id === approved?.id)).toBe(true);
    // The twins' body is two organisations, one per authority.
    expect(a.organizations!.filter((row) => JSON.parse(row).name === 'Prøveudvalget')).toHaveLength(2);
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
  });

  it('reports a document failing inside a batch with its error, stores the others, and leaves nothing of it', { timeout: 120_000 }, async () => {
    const docs = (await documents()).slice(0, 5).map((d, k) => ({ ...d, original: { ...d.original, bytes: new Uint8Array([...d.original.bytes, 10, 65 + k]), fileName: `again-${k}.txt` } }));
    // A correction that does not fit the document: refused in the transaction, after the organisation and meeting were written.
    const failing: BatchDocument = { ...docs[2]!, options: { createdBy: 'test', corrections: [{ op: 'setTitle', number: '999', from: 'Findes ikke', to: 'Heller ikke' }] } };
    const malformed = { ...docs[4]!, document: { ...docs[4]!.document, date: 'not a date' } };
    const before = (await queryRows<{ n: number }>(batched.db, sql`select count(*)::int as n from document_versions`))[0]!.n;
    const outcomes = await storeDocuments(batched.db, [docs[0]!, docs[1]!, failing, docs[3]!, malformed]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, false]);
    expect(outcomes[2]!.ok ? null : outcomes[2]!.error).toBeInstanceOf(CorrectionConflict);
    const stored = await queryRows<{ name: string }>(
      batched.db,
      sql`select f.name from document_versions v join files f on f.id = v.file_id where v.id > ${before} order by v.id`,
    );
    expect(stored.map((r) => r.name)).toEqual(['again-0.txt', 'again-1.txt', 'again-3.txt']);
  });
});
