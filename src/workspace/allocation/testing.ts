/** @module Test helpers: the app with accounts, the workspace and allocations; a FOLK1A file of the invented test population. */
import { createAccounts } from '../../auth/index.js';
import { createAllocations } from '../../allocation/web.js';
import { findMunicipality } from '../../allocation/municipalities.js';
import { TEST_POPULATION } from '../../allocation/testing.js';
import { createDbArchive } from '../../db/archive.js';
import type { Db } from '../../db/client.js';
import { createApp } from '../../web/app.js';
import { createWorkspace, type WorkspaceOptions } from '../index.js';

/** The web app over a test database, with allocations on its public pages. */
export function allocationApp(db: Db, options: WorkspaceOptions = {}) {
  const archive = createDbArchive(db);
  return createApp(archive, { accounts: createAccounts(db), workspace: createWorkspace(db, archive, options), allocations: createAllocations(db) });
}

/** The test population as Danmarks Statistik's API writes FOLK1A: "751 Aarhus;2024K1;361417", with the country first. */
export function testFolk1aCsv(period = '2024K1'): string {
  const total = TEST_POPULATION.reduce((s, f) => s + f.count, 0);
  const rows = TEST_POPULATION.map((f) => `${findMunicipality(f.municipality)!.code} ${f.municipality};${period};${f.count}`);
  return ['OMRÅDE;TID;INDHOLD', `Hele landet;${period};${total * 4}`, ...rows].join('\r\n') + '\r\n';
}
