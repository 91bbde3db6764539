/** `referat population import` as a process on a PGlite directory: figures stored; a bad row named by file and line, nothing written. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { populationOf, populationPeriods } from '../src/db/population.js';
import { migratedDataDir } from '../src/db/testing.js';
import { testFolk1aCsv } from '../src/workspace/allocation/testing.js';
import { referatEnv, runReferat } from './cli-process.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'referat-population-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.DATABASE_URL)('referat population import', () => {
  it('stores a FOLK1A file, and refuses a bad one naming file and line, writing nothing', async () => {
    const dataDir = await migratedDataDir(path.join(dir, 'data'));
    const good = path.join(dir, 'folk1a.csv');
    const bad = path.join(dir, 'forkert.csv');
    await writeFile(good, testFolk1aCsv('2024K1'));
    await writeFile(bad, testFolk1aCsv('2025K1').replace('751 Aarhus;2025K1;361417', 'Atlantis;2025K1;361417'));
    const ok = await runReferat(['population', 'import', good, '--source', 'Danmarks Statistik, FOLK1A 2024K1'], referatEnv(dataDir));
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('19 added, 0 changed, 0 unchanged (2024K1); 1 rows skipped');
    const refused = await runReferat(['population', 'import', bad], referatEnv(dataDir));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('forkert.csv, linje 3: »Atlantis« er ikke en dansk kommune');
    const usage = await runReferat(['population', 'import'], referatEnv(dataDir));
    expect(usage.code).toBe(2);

    const database = await openDatabase({ url: null, dataDir });
    try {
      expect(await populationPeriods(database.db)).toEqual([{ period: '2024K1', municipalities: 19 }]);
      const figures = await populationOf(database.db, '2024K1');
      expect(figures.find((f) => f.municipality === 'Aarhus')).toMatchObject({ code: '751', count: 361_417, source: 'Danmarks Statistik, FOLK1A 2024K1 (folk1a.csv)', enteredBy: 'cli' });
    } finally {
      await database.close();
    }
  }, 120_000);
});
