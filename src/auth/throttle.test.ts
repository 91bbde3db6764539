import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../db/testing.js';
import { createThrottle, DEFAULT_THROTTLE } from './throttle.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('log-in throttling', () => {
  it('locks an address after 5 failures for 15 minutes, unlocks after, and doubles the next lock', async () => {
    let now = new Date('2031-03-01T10:00:00Z');
    const throttle = createThrottle(database.db, () => now);
    for (let i = 1; i <= 4; i++) {
      expect(await throttle.fail('Anna@Example.dk', `10.0.0.${i}`)).toBeNull();
      expect(await throttle.lockedUntil('anna@example.dk', '10.0.0.99')).toBeNull();
    }
    const lock = await throttle.fail('anna@example.dk', '10.0.0.5');
    expect(lock?.toISOString()).toBe('2031-03-01T10:15:00.000Z');
    // Locked whatever IP the next try comes from.
    expect((await throttle.lockedUntil('anna@example.dk', '192.0.2.1'))?.toISOString()).toBe('2031-03-01T10:15:00.000Z');
    expect(await throttle.lockedUntil('other@example.dk', '192.0.2.1')).toBeNull();
    now = new Date('2031-03-01T10:15:01Z');
    expect(await throttle.lockedUntil('anna@example.dk', '192.0.2.1')).toBeNull();
    expect((await throttle.fail('anna@example.dk', '192.0.2.1'))?.toISOString()).toBe('2031-03-01T10:45:01.000Z');
  });

  it('starts over after a successful log-in, and forgets failures a day old', async () => {
    let now = new Date('2031-03-02T10:00:00Z');
    const throttle = createThrottle(database.db, () => now);
    for (let i = 0; i < 4; i++) await throttle.fail('bo@example.dk', '10.1.0.1');
    await throttle.succeed('bo@example.dk');
    for (let i = 0; i < 4; i++) expect(await throttle.fail('bo@example.dk', '10.1.0.2')).toBeNull();
    now = new Date(now.getTime() + DEFAULT_THROTTLE.forgetMs + 1000);
    expect(await throttle.fail('bo@example.dk', '10.1.0.3')).toBeNull();
  });

  it('locks an IP after 20 failures across addresses', async () => {
    const now = new Date('2031-03-03T10:00:00Z');
    const throttle = createThrottle(database.db, () => now);
    for (let i = 0; i < 19; i++) expect(await throttle.fail(`guess${i}@example.dk`, '203.0.113.7')).toBeNull();
    expect(await throttle.fail('guess19@example.dk', '203.0.113.7')).not.toBeNull();
    expect(await throttle.lockedUntil('fresh@example.dk', '203.0.113.7')).not.toBeNull();
    expect(await throttle.lockedUntil('fresh@example.dk', '203.0.113.8')).toBeNull();
  });
});
