/**
 * @module Bulk storage at archive size (issue 14: ≥ 100 documents/s): `storeDocument` of generated
 * meetings one after another (the one writer), timed in windows at given archive sizes, with the
 * statements each document costs (counted and timed where Drizzle hands them to the driver).
 * `node --import tsx bench/store.ts [--driver pglite|postgres] [--at 0,1000,5000] [--window 200]
 * [--orgs 10] [--batch N] [--size [--compact]]` (PostgreSQL from DATABASE_URL, a scratch database made and dropped;
 * BENCH_DB_NAME names it). `--size`: the bytes per item grown since the empty database after each
 * window, by table and index; `--compact`: again after VACUUM FULL (every table and index rewritten).
 *
 * The meetings are the seeds' and the text corpus's documents, each parsed once, as meetings of
 * `--orgs` organisations per template ("Byrådet 3"), monthly: each organisation keeps its roster
 * (the template's people, their last names varied per organisation, so namesakes abound as in a
 * national archive), and every meeting is a new one, its file a file of its own.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { storeDocument } from '../src/db/store.js';
import { storeDocuments } from '../src/db/store-batch.js';
import { importBytes } from '../src/import/index.js';
import type { MeetingDocument } from '../src/model/index.js';
import { queryRows } from '../src/db/rows.js';
import { sql } from 'drizzle-orm';

const SOURCES = ['samples', 'test/corpus/documents'];
const SURNAMES = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Laursen'];
const FIRST_DAY = Date.UTC(2010, 0, 4);

interface Template {
  doc: MeetingDocument;
  bytes: Uint8Array;
  format: string;
}

/** Every statement Drizzle runs, counted and timed by its text (the driver call only). */
const statements = new Map<string, { count: number; ms: number }>();
const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (q: string, p: unknown[], run: () => Promise<unknown>) => Promise<unknown> };
const original = proto.queryWithCache;
proto.queryWithCache = async function (this: unknown, query: string, params: unknown[], run: () => Promise<unknown>) {
  const t = performance.now();
  try {
    return await original.call(this, query, params, run);
  } finally {
    const key = query.replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)*/g, '$…').replace(/(\(\$…\), )+\(\$…\)/g, '($…), …').trim().slice(0, 100);
    const s = statements.get(key) ?? { count: 0, ms: 0 };
    s.count++;
    s.ms += performance.now() - t;
    statements.set(key, s);
  }
};

async function templates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const dir of SOURCES) {
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
      const parsed = await importBytes(new Uint8Array(await readFile(join(dir, name))), name, {}).catch(() => null);
      if (parsed?.document.body) out.push({ doc: parsed.document, bytes: parsed.bytes, format: parsed.format });
    }
  }
  return out;
}

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

/** Document k: template k mod T as organisation variant (k / T) mod orgs, meeting number k / (T · orgs). */
function documentAt(list: Template[], orgs: number, k: number): { doc: MeetingDocument; bytes: Uint8Array; format: string; fileName: string } {
  const t = list[k % list.length]!;
  const variant = Math.floor(k / list.length) % orgs;
  const meeting = Math.floor(k / (list.length * orgs));
  const rename = (name: string) => {
    if (variant === 0) return name;
    const parts = name.trim().split(/\s+/);
    if (parts.length < 2) return name;
    return [...parts.slice(0, -1), SURNAMES[(hash(parts.at(-1)!) + variant) % SURNAMES.length]].join(' ');
  };
  const date = new Date(FIRST_DAY + meeting * 30 * 86_400_000 + (k % 28) * 86_400_000).toISOString().slice(0, 10);
  const d = t.doc;
  const doc: MeetingDocument = {
    ...d,
    body: variant === 0 ? d.body : `${d.body} ${variant + 1}`,
    date,
    participants: d.participants.map((p) => ({ ...p, name: rename(p.name) })),
    absent: d.absent.map((a) => ({ ...a, name: rename(a.name), substitute: a.substitute ? rename(a.substitute) : a.substitute })),
    others: d.others.map((o) => ({ ...o, name: rename(o.name) })),
  };
  const bytes = new Uint8Array([...t.bytes, ...new TextEncoder().encode(`\n${k}\n`)]);
  return { doc, bytes, format: t.format, fileName: `bench-${k}.txt` };
}

async function open(driver: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const database = await openPglite('memory://');
    return { database, drop: async () => undefined };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--driver postgres needs DATABASE_URL');
  const name = process.env.BENCH_DB_NAME ?? 'referat_bench_store';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString());
  return {
    database,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

interface RelationSize {
  table: string;
  /** Main fork, free space map and visibility map: pg_table_size without the TOAST table. */
  heap: number;
  toast: number;
  indexes: number;
  /** Each index's size, by name (the TOAST table's own index is in `toast`). */
  byIndex: Map<string, number>;
}

/** Every public table's bytes by kind (heap, TOAST, indexes), and the database's. */
async function sizes(database: Database): Promise<{ total: number; tables: Map<string, RelationSize> }> {
  const rows = await queryRows<{ table: string; heap: string; toast: string; indexes: string; by_index: Record<string, string> | string | null }>(
    database.db,
    sql`select c.relname as table,
          pg_table_size(c.oid) - coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as heap,
          coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
          pg_indexes_size(c.oid) as indexes,
          (select json_object_agg(x.relname, pg_relation_size(x.oid)) from pg_index ix join pg_class x on x.oid = ix.indexrelid where ix.indrelid = c.oid) as by_index
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
  );
  const [db] = await queryRows<{ size: string }>(database.db, sql`select pg_database_size(current_database()) as size`);
  const tables = new Map<string, RelationSize>();
  for (const r of rows) {
    const byIndex = typeof r.by_index === 'string' ? (JSON.parse(r.by_index) as Record<string, string>) : (r.by_index ?? {});
    tables.set(r.table, { table: r.table, heap: Number(r.heap), toast: Number(r.toast), indexes: Number(r.indexes), byIndex: new Map(Object.entries(byIndex).map(([k, v]) => [k, Number(v)])) });
  }
  return { total: Number(db!.size), tables };
}

/** Bytes per live item grown since the empty database, by table and (for the largest) by index. */
async function printSizes(database: Database, empty: Awaited<ReturnType<typeof sizes>>) {
  const now = await sizes(database);
  const [count] = await queryRows<{ items: number; text: string; sections: string; model: string; files: string }>(
    database.db,
    sql`select count(*)::int as items,
          sum(octet_length(title) + coalesce(octet_length(decision), 0) + octet_length(summary_text) + octet_length(body_text))::bigint as text,
          (select sum(octet_length(plain_text))::bigint from sections) as sections,
          (select sum(octet_length(model::text))::bigint from document_versions) as model,
          (select sum(size)::bigint from blobs) as files
        from agenda_items where deleted_at is null`,
  );
  const items = count!.items;
  // The updates projections make to term_counts, and how many stayed on their page (HOT, migration 0019).
  const [updates] = await queryRows<{ updates: string | null; hot: string | null }>(
    database.db,
    sql`select sum(n_tup_upd)::bigint as updates, sum(n_tup_hot_upd)::bigint as hot from pg_stat_user_tables where relname = 'term_counts'`,
  );
  const per = (bytes: number) => (bytes / items / 1024).toFixed(2);
  const text = Number(count!.text);
  const grown = now.total - empty.total;
  console.log(
    `size at ${items} items: database ${per(grown)} KB/item grown since empty (${(grown / 1024 / 1024).toFixed(1)} MB; empty ${(empty.total / 1024 / 1024).toFixed(1)} MB), ` +
      `item text ${per(text)} KB/item (title, decision, summary and body), ratio ${(grown / text).toFixed(1)}×; ` +
      `the same text again in sections ${per(Number(count!.sections))}, models as JSON text ${per(Number(count!.model))}, file bytes ${per(Number(count!.files))} KB/item; ` +
      `term_counts updated ${updates?.updates ?? '?'} times, ${updates?.updates ? ((100 * Number(updates.hot)) / Number(updates.updates)).toFixed(0) : '?'} % HOT`,
  );
  const rows = [...now.tables.values()]
    .map((t) => {
      const e = empty.tables.get(t.table);
      return { ...t, heap: t.heap - (e?.heap ?? 0), toast: t.toast - (e?.toast ?? 0), indexes: t.indexes - (e?.indexes ?? 0), e };
    })
    .filter((t) => t.heap + t.toast + t.indexes > 0)
    .sort((a, b) => b.heap + b.toast + b.indexes - (a.heap + a.toast + a.indexes));
  for (const t of rows.slice(0, 14)) {
    const top = [...t.byIndex.entries()]
      .map(([name, bytes]) => [name, bytes - (t.e?.byIndex.get(name) ?? 0)] as const)
      .filter(([, b]) => b > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, b]) => `${name} ${per(b)}`)
      .join(', ');
    console.log(`  ${per(t.heap + t.toast + t.indexes).padStart(6)} KB/item ${t.table}: heap ${per(t.heap)}, TOAST ${per(t.toast)}, indexes ${per(t.indexes)}${top ? ` (${top})` : ''}`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1]! : fallback);
  const driver = option('--driver', process.env.DATABASE_URL ? 'postgres' : 'pglite') as 'pglite' | 'postgres';
  const at = option('--at', '0,1000,5000').split(',').map(Number);
  const window = Number(option('--window', '200'));
  const orgs = Number(option('--orgs', '10'));
  const list = await templates();
  const { database, drop } = await open(driver);
  const measureSize = args.includes('--size');
  const empty = measureSize ? await sizes(database) : null;
  const batch = Number(option('--batch', '1'));
  console.log(`store bench: ${driver}, ${list.length} templates × ${orgs} organisations, windows of ${window} at ${at.join(', ')} stored, ${batch === 1 ? 'storeDocument one by one' : `storeDocuments ${batch} per transaction`}`);
  // Documents from..to, one transaction each (storeDocument) or `--batch` to a transaction (storeDocuments, as `referat import`).
  const storeRange = async (from: number, to: number) => {
    for (let k = from; k < to; k += batch) {
      const docs = [];
      for (let j = k; j < Math.min(to, k + batch); j++) {
        const d = documentAt(list, orgs, j);
        docs.push({ document: d.doc, original: { bytes: d.bytes, fileName: d.fileName, format: d.format }, options: { createdBy: 'bench' } });
      }
      if (batch === 1) {
        await storeDocument(database.db, docs[0]!.document, docs[0]!.original, docs[0]!.options);
        continue;
      }
      for (const outcome of await storeDocuments(database.db, docs)) if (!outcome.ok) throw outcome.error;
    }
  };
  try {
    let k = 0;
    for (const size of at) {
      await storeRange(k, size);
      k = size;
      statements.clear();
      const t = performance.now();
      const cpu = process.cpuUsage();
      await storeRange(k, k + window);
      k += window;
      const wall = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      const count = [...statements.values()].reduce((n, s) => n + s.count, 0);
      const ms = [...statements.values()].reduce((n, s) => n + s.ms, 0);
      console.log(
        `at ${size} stored: ${(window / wall).toFixed(1)} docs/s, ${(count / window).toFixed(1)} statements/doc, ` +
          `${(ms / window).toFixed(1)} ms/doc in statements, ${(((used.user + used.system) / 1000) / window).toFixed(1)} ms CPU/doc in this process`,
      );
      const top = [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(option('--top', '12')));
      for (const [q, s] of top) console.log(`  ${(s.ms / window).toFixed(2).padStart(7)} ms/doc ${(s.count / window).toFixed(1).padStart(5)}× ${q}`);
      if (empty) await printSizes(database, empty);
    }
    if (empty && args.includes('--compact')) {
      // Tables and indexes as a rewrite leaves them: dead rows (term_counts is updated with every document)
      // gone, GIN pending lists merged, pages filled.
      await database.db.execute(sql`vacuum full`);
      console.log('after vacuum full:');
      await printSizes(database, empty);
    }
  } finally {
    await database.close();
    await drop();
  }
}

await main();
