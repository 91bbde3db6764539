/**
 * One writer on the embedded database, with real processes: `referat serve` holds the data
 * directory; `referat import` run at the same time goes through that server, and its pages show
 * the new meeting at once; a second `serve` is refused naming the holder; after SIGTERM the
 * directory opens again with everything in it. PGlite only (DATABASE_URL is unset for the children).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { lockFileOf, type LockHolder } from '../src/db/lock.js';
import { migratedDataDir } from '../src/db/testing.js';
import { exited, referatEnv, runReferat, serveReferat } from './cli-process.js';

const FIXTURE = path.resolve('test/fixtures/other/kdnet-dagsorden.txt');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'referat-one-writer-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const run = (args: string[], dataDir: string) => runReferat(args, referatEnv(dataDir));
const startServer = (dataDir: string) => serveReferat(referatEnv(dataDir));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('one writer on the embedded database', () => {
  it('imports through the running server, refuses a second server, and keeps the archive intact', { timeout: 180_000 }, async () => {
    const dataDir = await migratedDataDir(path.join(root, 'served'));
    const server = await startServer(dataDir);
    try {
      const pid = server.child.pid!;
      const holder = JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')) as LockHolder;
      expect(holder).toMatchObject({ pid, command: 'referat serve --port 0', url: server.url, internalUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: expect.any(String) });
      expect(statSync(lockFileOf(dataDir)).mode & 0o777).toBe(0o600);
      expect(await (await fetch(`${server.url}/`)).text()).not.toContain('19. januar 2024');

      // The import while the server runs: sent to it, same summary and exit code as a local one.
      const imported = await run(['import', FIXTURE], dataDir);
      expect(imported.stderr).toContain(`the archive is served by process ${pid} (referat serve --port 0`);
      expect(imported.stdout).toContain('Imported 1, updated 0, unchanged 0, failed 0.');
      expect(imported.stdout).toMatch(/kdnet-dagsorden\.txt\s+imported\s+6/);
      expect(imported.code).toBe(0);
      // The running server's pages show it at once.
      const front = await (await fetch(`${server.url}/`)).text();
      expect(front).toContain('19. januar 2024');

      // A file that fails makes the exit code 1, through the server as locally.
      const broken = path.join(root, 'broken.txt');
      writeFileSync(broken, Buffer.from([0, 1, 2, 3, 0, 0, 7]));
      const failed = await run(['import', broken, path.join(root, 'missing.txt')], dataDir);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('Imported 0, updated 0, unchanged 0, failed 2.');
      expect(failed.stdout).toContain(`failed: ${broken}: `);
      expect(failed.stdout).toContain(`failed: ${path.join(root, 'missing.txt')}: file or folder not found`);

      // Without the token the internal endpoint refuses.
      expect((await fetch(`${holder.internalUrl}/internal/import`, { method: 'POST', body: JSON.stringify({ files: [FIXTURE] }) })).status).toBe(403);

      // A second server on the same directory is refused, naming the holder.
      const second = await run(['serve', '--port', '0'], dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`already in use by process ${pid} (referat serve --port 0, since ${holder.startedAt}, serving ${server.url})`);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await exited(server.child)).toBe(0);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);

    // A lock left by a process that no longer runs is taken over.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: deadPid, command: 'referat serve', startedAt: '2024-01-01T00:00:00.000Z' }));
    const notes = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const database = await openDatabase({ url: null, dataDir });
    try {
      expect(notes.mock.calls.flat().join('\n')).toContain(`taking over the stale lock of process ${deadPid}`);
      notes.mockRestore();
      const { rows } = (await database.db.execute(
        sql`select (select count(*)::int from meetings where current_version_id is not null) as meetings, (select count(*)::int from document_versions) as documents`,
      )) as unknown as { rows: Array<{ meetings: number; documents: number }> };
      // The five samples (five meetings) and the imported agenda, a sixth meeting (planned ones from calendars aside).
      expect(rows[0]).toEqual({ meetings: 6, documents: 6 });
    } finally {
      notes.mockRestore();
      await database.close();
    }
  });

  it('stops, writing nothing, when the holder is no server or does not answer', { timeout: 60_000 }, async () => {
    const dataDir = path.join(root, 'held');
    // This test process plays the holder: alive, and not the child.
    const notServing = { pid: process.pid, command: 'referat import big-folder', startedAt: '2024-01-01T00:00:00.000Z' };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(lockFileOf(dataDir), JSON.stringify(notServing));
    const refused = await run(['import', FIXTURE], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in use by process ${process.pid} (referat import big-folder, since 2024-01-01T00:00:00.000Z), which takes no imports`);
    expect(refused.stdout).toBe('');

    const silent = { ...notServing, command: 'referat serve', url: 'http://localhost:1', internalUrl: `http://127.0.0.1:${await freePort()}`, token: 'x' };
    writeFileSync(lockFileOf(dataDir), JSON.stringify(silent));
    const unanswered = await run(['import', FIXTURE], dataDir);
    expect(unanswered.code).toBe(1);
    expect(unanswered.stderr).toContain(`held by process ${process.pid} (referat serve, since 2024-01-01T00:00:00.000Z, serving http://localhost:1), which does not answer`);
    expect(unanswered.stderr).toContain('Nothing was imported.');
    // Nothing was written: the directory holds the lock file only, and it is still the holder's.
    expect(readdirSync(dataDir)).toEqual(['referat.lock']);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8'))).toEqual(silent);
  });
});
