/**
 * @module Bulk storage at archive size (issue 14: ≥ 100 documents/s): `storeDocument` of generated
 * meetings one after another (the one writer), timed in windows at given archive sizes, with the
 * statements each document costs (counted and timed where Drizzle hands them to the driver).
 * `node --import tsx bench/store.ts [--driver pglite|postgres] [--at 0,1000,5000] [--window 200]
 * [--orgs 10]` (PostgreSQL from DATABASE_URL, a scratch database made and dropped).
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
import { importBytes } from '../src/import/index.js';
import type { MeetingDocument } from '../src/model/index.js';

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
  const name = 'referat_bench_store';
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

async function main() {
  const args = process.argv.slice(2);
  const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1]! : fallback);
  const driver = option('--driver', process.env.DATABASE_URL ? 'postgres' : 'pglite') as 'pglite' | 'postgres';
  const at = option('--at', '0,1000,5000').split(',').map(Number);
  const window = Number(option('--window', '200'));
  const orgs = Number(option('--orgs', '10'));
  const list = await templates();
  const { database, drop } = await open(driver);
  console.log(`store bench: ${driver}, ${list.length} templates × ${orgs} organisations, windows of ${window} at ${at.join(', ')} stored`);
  try {
    let k = 0;
    for (const size of at) {
      for (; k < size; k++) {
        const d = documentAt(list, orgs, k);
        await storeDocument(database.db, d.doc, { bytes: d.bytes, fileName: d.fileName, format: d.format }, { createdBy: 'bench' });
      }
      statements.clear();
      const t = performance.now();
      const cpu = process.cpuUsage();
      for (const end = k + window; k < end; k++) {
        const d = documentAt(list, orgs, k);
        await storeDocument(database.db, d.doc, { bytes: d.bytes, fileName: d.fileName, format: d.format }, { createdBy: 'bench' });
      }
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
    }
  } finally {
    await database.close();
    await drop();
  }
}

await main();
