/**
 * @module The test files' database: `const testDb = useTestDatabase()` opens a fresh test database
 * (testing.ts) before the file's tests and closes it after. Kept apart from testing.ts, which
 * scripts import without vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database, Db } from './client.js';
import { openTestDatabase } from './testing.js';

export interface TestDatabase {
  /** The open database (throws outside the file's tests). */
  readonly database: Database;
  readonly db: Db;
}

export function useTestDatabase(): TestDatabase {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  const open = (): Database => {
    if (!database) throw new Error('the test database is open only inside the tests of the file');
    return database;
  };
  return {
    get database() {
      return open();
    },
    get db() {
      return open().db;
    },
  };
}
