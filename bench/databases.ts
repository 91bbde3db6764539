/**
 * @module The benchmark's databases, kept between runs because building 200,000 items takes
 * minutes: PGlite in `data/bench/pglite-<items>`, PostgreSQL in database `referat_bench_<items>`
 * on the `DATABASE_URL` server (the public benchmarks' meetings: `public-<n>`, `referat_bench_public_<n>`).
 */
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';

/** Opens (creating or, with `fresh`, recreating) the corpus database of a driver and size. */
export async function openBenchDatabase(
  driver: 'pglite' | 'postgres',
  items: number,
  fresh: boolean,
  corpus: 'search' | 'public' = 'search',
): Promise<{ database: Database; fresh: boolean }> {
  if (driver === 'pglite') {
    const root = process.env.REFERAT_BENCH_DIR || 'data/bench';
    const dir = corpus === 'search' ? `${root}/pglite-${items}` : `${root}/${corpus}-${items}`;
    if (fresh) await rm(dir, { recursive: true, force: true });
    return { database: await openPglite(dir), fresh };
  }
  const url = process.env.DATABASE_URL!;
  const name = corpus === 'search' ? `referat_bench_${items}` : `referat_bench_${corpus}_${items}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { database: await openPostgres(target.toString()), fresh };
}
