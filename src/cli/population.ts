/**
 * @module `referat population import FILE [--source TEXT]`: population figures from a FOLK1A CSV
 * file (src/allocation/folk1a.ts) into the database, all or none. A bad row stops the import with
 * the file and line named, having written nothing. Like `referat user`, it refuses while a server
 * holds the embedded database (upload the file at /arbejdsrum/fordelinger instead).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseFolk1a, PopulationCsvError } from '../allocation/folk1a.js';
import { openDatabase } from '../db/client.js';
import { ArchiveLockedError, describeHolder } from '../db/lock.js';
import { storePopulation } from '../db/population.js';

const USAGE = 'Usage: referat population import FILE [--source TEXT]   population figures from a FOLK1A CSV file (Danmarks Statistik)';

export async function runPopulation(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const sourceAt = rest.indexOf('--source');
  const source = sourceAt >= 0 ? rest[sourceAt + 1] : 'Danmarks Statistik, FOLK1A';
  const paths = rest.filter((_, i) => sourceAt < 0 || (i !== sourceAt && i !== sourceAt + 1));
  if (sub !== 'import' || paths.length !== 1 || !source || paths[0]!.startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  const path = paths[0]!;
  let parsed;
  try {
    parsed = parseFolk1a(await readFile(path), path);
  } catch (error) {
    console.error(error instanceof PopulationCsvError ? error.message : `${path}: ${(error as Error).message}`);
    return 1;
  }
  let database;
  try {
    database = await openDatabase();
  } catch (error) {
    if (!(error instanceof ArchiveLockedError)) throw error;
    const where = error.holder.url ? ` Stop it first, or upload the file at ${error.holder.url}/arbejdsrum/fordelinger.` : ` Stop process ${error.holder.pid} first.`;
    console.error(`referat population: the archive in ${error.dataDir} is in use by ${describeHolder(error.holder)}. Nothing was changed.${where}`);
    return 1;
  }
  try {
    const summary = await storePopulation(database.db, { kind: 'cli' }, parsed.figures, `${source} (${basename(path)})`);
    const periods = [...new Set(parsed.figures.map((f) => f.period))].sort().join(', ');
    console.log(`${path}: ${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged (${periods}); ${parsed.skipped} rows skipped (country, regions, breakdowns).`);
    return 0;
  } finally {
    await database.close();
  }
}
