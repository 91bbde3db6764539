/**
 * @module Builds and opens the national corpus of N items: PGlite in `<dataDir>/pglite-national-<N>`,
 * PostgreSQL in database `national_<N>` on the DATABASE_URL server; kept between runs (a finished
 * build leaves a `complete` row in bench_national_meta), `fresh` rebuilds.
 *
 * The load is bulk: the schema's migrations first, then its secondary indexes dropped, foreign
 * keys' triggers off for the session (session_replication_role = replica: the generator assigns
 * every id itself), every table filled in batches of ≈ 5,000 items (COPY on PGlite, unnest
 * inserts on PostgreSQL, sent while the next batch is generated), then indexes rebuilt, sequences
 * moved past the ids, `vacuum analyze`. The generated columns (tsv, head_tsv) are the database's
 * own work; typed_tsv comes from the generator (checked here against the SQL it replaces).
 */
import { mkdir, rm } from 'node:fs/promises';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { nationalBodies } from './authorities.js';
import { generate, newStats, prepare, PLACE_NAMES, TABLES, type TableName } from './generate.js';
import { lexemesOf, type Query } from './lexemes.js';
import { Columns, unnestInsert } from './rows.js';
import { readSamples } from './samples.js';
import { curveLine } from './vocabulary.js';

export const SEED = 14;
/** The words the vocabulary has in all (the samples' ≈ 15,000 and compounds). */
export const VOCABULARY = 400_000;
/** The day the corpus is generated as of (meeting status): fixed, so a build is reproducible. */
export const CORPUS_TODAY = '2026-12-01';

const BIG_TABLES = ['meetings', 'meeting_documents', 'files', 'document_versions', 'agenda_items', 'sections', 'attachments', 'papers'];

export interface NationalCorpus {
  database: Database;
  /** Seconds the build took, or null when an earlier build was reused. */
  builtSeconds: number | null;
  meta: CorpusMeta;
}

export interface CorpusMeta {
  items: number;
  seed: number;
  samplesCurve: string;
  corpusCurve: string;
  builtSeconds: number;
}

export const pgliteDir = (dataDir: string, items: number) => `${dataDir}/pglite-national-${items}`;
export const postgresName = (items: number) => `national_${items}`;

/** Opens the corpus of a driver and size, building it first when missing, unfinished or `fresh`. */
export async function openNationalCorpus(
  driver: 'pglite' | 'postgres',
  place: { dataDir: string; postgresUrl: string | null },
  items: number,
  fresh: boolean,
  log: (line: string) => void,
): Promise<NationalCorpus> {
  let database = await open(driver, place, items, false);
  let meta = await readMeta(database);
  if (meta && meta.items === items && !fresh) return { database, builtSeconds: null, meta };
  await database.close();
  database = await open(driver, place, items, true);
  const start = performance.now();
  meta = await build(database, driver, place, items, log, start);
  return { database, builtSeconds: meta.builtSeconds, meta };
}

async function open(driver: 'pglite' | 'postgres', place: { dataDir: string; postgresUrl: string | null }, items: number, recreate: boolean): Promise<Database> {
  if (driver === 'pglite') {
    const dir = pgliteDir(place.dataDir, items);
    if (recreate) await rm(dir, { recursive: true, force: true });
    await mkdir(place.dataDir, { recursive: true });
    return openPglite(dir);
  }
  if (!place.postgresUrl) throw new Error('DATABASE_URL is not set: no PostgreSQL server to build the corpus on');
  const name = postgresName(items);
  const admin = new pg.Client({ connectionString: place.postgresUrl });
  await admin.connect();
  try {
    if (recreate) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return openPostgres(urlOf(place.postgresUrl, name));
}

function urlOf(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

async function readMeta(database: Database): Promise<CorpusMeta | null> {
  try {
    const result = (await database.db.execute(`select value from bench_national_meta where key = 'complete'` as never)) as unknown as { rows: Array<{ value: unknown }> };
    const value = result.rows[0]?.value;
    return value ? ((typeof value === 'string' ? JSON.parse(value) : value) as CorpusMeta) : null;
  } catch {
    return null; // no such table: never built
  }
}

/** One connection for the whole load (session settings hold), with the driver's bulk path. */
interface Loader {
  query: Query;
  exec(text: string): Promise<void>;
  load(table: TableName | 'bench_national_terms', columns: Columns): Promise<void>;
  end(): Promise<void>;
}

async function loader(database: Database, driver: 'pglite' | 'postgres', place: { postgresUrl: string | null }, items: number): Promise<Loader> {
  if (driver === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    return {
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      exec: async (text) => void (await client.exec(text)),
      load: async (table, columns) => {
        if (columns.length === 0) return;
        const t0 = performance.now();
        await client.query(`copy ${table} (${columns.names.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([columns.copyText()]) });
        if (process.env.BENCH_TRACE) process.stderr.write(`${table} ${columns.length} ${(performance.now() - t0).toFixed(0)} ms\n`);
      },
      end: async () => undefined,
    };
  }
  const client = new pg.Client({ connectionString: urlOf(place.postgresUrl!, postgresName(items)) });
  await client.connect();
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    exec: async (text) => void (await client.query(text)),
    load: async (table, columns) => {
      if (columns.length === 0) return;
      const t0 = performance.now();
      await client.query(unnestInsert(table, columns), columns.columnArrays());
      if (process.env.BENCH_TRACE) process.stderr.write(`${table} ${columns.length} ${(performance.now() - t0).toFixed(0)} ms\n`);
    },
    end: () => client.end(),
  };
}

async function build(
  database: Database,
  driver: 'pglite' | 'postgres',
  place: { postgresUrl: string | null },
  items: number,
  log: (line: string) => void,
  start: number,
): Promise<CorpusMeta> {
  const l = await loader(database, driver, place, items);
  const seconds = () => ((performance.now() - start) / 1000).toFixed(0);
  try {
    log(`  ${driver}: building the national corpus of ${items.toLocaleString('en')} items`);
    await l.exec(`set session_replication_role = replica; set maintenance_work_mem = '${driver === 'pglite' ? '256MB' : '1GB'}'; set synchronous_commit = off${driver === 'postgres' ? "; set default_toast_compression = 'lz4'" : ''}`);
    const list = BIG_TABLES.map((t) => `'${t}'`).join(', ');
    const indexes = await l.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
       where i.schemaname = 'public' and i.tablename in (${list}) and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    for (const index of indexes) await l.exec(`drop index ${index.name}`);

    const samples = await readSamples();
    const prep = prepare(samples, VOCABULARY, SEED);
    const words = await lexemesOf(l.query, prep.words);
    log(`  ${driver}: ${samples.documents} sample documents, ${prep.vocabulary.sampleWords.toLocaleString('en')} sample words + compounds = ${prep.vocabulary.words.length.toLocaleString('en')}, Zipf slope ${prep.vocabulary.slope.toFixed(2)}; ${words.lexemes.length.toLocaleString('en')} lexemes (${seconds()} s)`);

    const { authorities, organizations } = nationalBodies();
    const table = (name: TableName, rows: unknown[][]) => {
      const c = new Columns(TABLES[name]);
      for (const row of rows) c.add(row);
      return l.load(name, c);
    };
    await table('authorities', authorities.map((a) => [a.id, a.slug, a.name, a.kind]));
    await table('organizations', organizations.map((o) => [o.id, o.authorityId, o.slug, o.name, o.kind]));
    await table('locations', PLACE_NAMES.map((p, i) => [i + 1, p, p.startsWith('Online')]));

    const stats = newStats();
    let loaded = 0;
    let inFlight: Promise<unknown> = Promise.resolve();
    for (const batch of generate(prep, words, items, SEED, stats, 5000, CORPUS_TODAY)) {
      await inFlight; // one batch on the wire while the next is generated (PostgreSQL works meanwhile)
      inFlight = (async () => {
        await l.exec('begin');
        await l.load('meetings', batch.meetings);
        await l.load('meeting_documents', batch.meetingDocuments);
        await l.load('blobs', batch.blobs);
        await l.load('files', batch.files);
        await l.load('document_versions', batch.documentVersions);
        await l.load('agenda_items', batch.agendaItems);
        await l.load('sections', batch.sections);
        await l.load('attachments', batch.attachments);
        await l.exec('commit');
      })();
      loaded += batch.items;
      if (loaded % 50_000 < 5000) log(`  ${driver}: ${loaded.toLocaleString('en')} items (${seconds()} s)`);
      // PGlite runs single-user, without a checkpointer: its WAL would grow by the whole corpus
      // (5.5 GB at 400,000 items, where a build once stalled) unless checkpointed as it goes.
      if (driver === 'pglite' && loaded % 100_000 < 5000) {
        await inFlight;
        await database.checkpoint();
      }
    }
    await inFlight;
    const papers = new Columns(TABLES.papers);
    stats.papers.forEach((p, i) => papers.add([i + 1, p.reference, [p.reference], p.title]));
    for (let i = 0; i < papers.length; i += 50_000) {
      const part = new Columns(TABLES.papers);
      for (const row of papers.rows.slice(i, i + 50_000)) part.add(row);
      await l.load('papers', part);
    }

    // The corpus's own term statistics, for choosing queries by how many items hold a word.
    const bestWord = new Int32Array(words.lexemes.length).fill(-1);
    for (let w = 0; w < words.words.length; w++) {
      const lex = words.lexemeOf[w]!;
      if (lex >= 0 && (bestWord[lex]! < 0 || stats.counts[w]! > stats.counts[bestWord[lex]!]!)) bestWord[lex] = w;
    }
    await l.exec(`create table if not exists bench_national_meta (key text primary key, value jsonb not null);
      create table if not exists bench_national_terms (lexeme text primary key, word text not null, items int not null)`);
    const terms = new Columns(['lexeme:text', 'word:text', 'items:int']);
    stats.documentFrequency.forEach((n, lex) => {
      if (n > 0) terms.add([words.lexemes[lex]!, words.words[bestWord[lex]!]!, n]);
    });
    for (let i = 0; i < terms.length; i += 100_000) {
      const part = new Columns(['lexeme:text', 'word:text', 'items:int']);
      for (const row of terms.rows.slice(i, i + 100_000)) part.add(row);
      await l.load('bench_national_terms', part);
    }
    log(`  ${driver}: rows loaded (${seconds()} s); rebuilding ${indexes.length} indexes`);

    for (const index of indexes) await l.exec(index.def);
    for (const t of [...BIG_TABLES.filter((t) => t !== 'papers'), 'papers', 'authorities', 'organizations', 'locations']) {
      await l.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
    }
    log(`  ${driver}: indexes rebuilt (${seconds()} s); vacuum analyze`);
    await l.exec('set session_replication_role = origin');
    await l.exec('vacuum analyze');
    await verifyTyped(l.query);

    const generated = new Map<string, number>();
    stats.counts.forEach((n, w) => {
      if (n > 0) {
        const word = words.words[w]!.toLowerCase();
        generated.set(word, (generated.get(word) ?? 0) + n);
      }
    });
    const meta: CorpusMeta = {
      items,
      seed: SEED,
      samplesCurve: curveLine('samples', samples.frequencies),
      corpusCurve: curveLine('corpus', generated),
      builtSeconds: Math.round((performance.now() - start) / 1000),
    };
    await l.query(`insert into bench_national_meta (key, value) values ('complete', $1::jsonb) on conflict (key) do update set value = excluded.value`, [JSON.stringify(meta)]);
    await database.checkpoint();
    log(`  ${driver}: ${meta.samplesCurve}`);
    log(`  ${driver}: ${meta.corpusCurve}`);
    log(`  ${driver}: built in ${meta.builtSeconds} s`);
    return meta;
  } finally {
    await l.end();
  }
}

/** typed_tsv as the generator wrote it must equal what the projection's SQL makes of the same sections. */
async function verifyTyped(query: Query): Promise<void> {
  const sample = await query<{ id: number; ours: string; theirs: string }>(`
    select i.id, i.typed_tsv::text as ours, coalesce((
      select string_agg(referat_prefix_lexemes(to_tsvector('danish', s.plain_text), s.type || '/')::text, ' ' order by s.position)
      from sections s where s.item_id = i.id and s.plain_text <> ''), '') as theirs
    from agenda_items i where i.id % 4999 = 1 order by i.id limit 200`);
  // Concatenation shifts positions (tsvector ||), so compare the lexemes only: the set of "type/lexeme".
  const lexemes = (v: string) => [...new Set([...v.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]))].sort().join(' ');
  const wrong = sample.filter((r) => lexemes(r.ours) !== lexemes(r.theirs));
  if (wrong.length > 0) throw new Error(`typed_tsv differs from the SQL projection for items ${wrong.slice(0, 5).map((r) => r.id).join(', ')}`);
}
