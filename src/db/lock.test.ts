/** The data directory lock: exclusive, owned by a live process, stale locks taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, ArchiveLockedError, describeHolder, isProcessAlive, lockFileOf, readLockHolder, type LockHolder } from './lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'referat-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The id of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const writeLock = (holder: Partial<LockHolder>) => writeFileSync(lockFileOf(dir), JSON.stringify(holder));

describe('acquireLock', () => {
  it('creates a private lock file naming this process, removed on release', async () => {
    const lock = await acquireLock(dir, { command: 'referat test' });
    const file = lockFileOf(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    expect(written).toEqual({ pid: process.pid, command: 'referat test', startedAt: expect.any(String) });
    expect(readLockHolder(dir)).toEqual(written);
    lock.update({ url: 'http://localhost:1', internalUrl: 'http://127.0.0.1:2', token: 'secret' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, url: 'http://localhost:1', token: 'secret' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    lock.release();
    lock.release();
    expect(existsSync(file)).toBe(false);
    expect(readLockHolder(dir)).toBeNull();
  });

  it('refuses a second open in this process and names the holder', async () => {
    const lock = await acquireLock(dir, { command: 'referat first' });
    try {
      const error = await acquireLock(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArchiveLockedError);
      expect((error as ArchiveLockedError).message).toContain(`process ${process.pid} (referat first, since `);
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds the lock, and leaves its file alone', async () => {
    const other = { pid: process.ppid, command: 'referat serve', startedAt: '2024-01-01T10:00:00.000Z', url: 'http://localhost:3000' };
    writeLock(other);
    expect(isProcessAlive(process.ppid)).toBe(true);
    const error = (await acquireLock(dir).catch((e: unknown) => e)) as ArchiveLockedError;
    expect(error).toBeInstanceOf(ArchiveLockedError);
    expect(error.holder).toEqual(other);
    expect(describeHolder(error.holder)).toBe(`process ${process.ppid} (referat serve, since 2024-01-01T10:00:00.000Z, serving http://localhost:3000)`);
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8'))).toEqual(other);
    expect(readLockHolder(dir)).toEqual(other);
  });

  it('takes over the stale lock of a process that no longer runs, with a note', async () => {
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    writeLock({ pid, command: 'referat serve', startedAt: '2024-01-01T10:00:00.000Z' });
    expect(readLockHolder(dir)).toBeNull();
    const notes: string[] = [];
    const lock = await acquireLock(dir, { warn: (line) => notes.push(line) });
    expect(notes).toEqual([expect.stringContaining(`taking over the stale lock of process ${pid} (referat serve`)]);
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('replaces an unreadable lock file once it is old, and waits while it is fresh', async () => {
    writeFileSync(lockFileOf(dir), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFileOf(dir), old, old);
    const notes: string[] = [];
    const lock = await acquireLock(dir, { warn: (line) => notes.push(line) });
    expect(notes).toEqual([expect.stringContaining('replacing the unreadable lock file')]);
    lock.release();
  });
});
