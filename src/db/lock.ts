/**
 * @module One writer on the embedded database. PGlite has no server that arbitrates between
 * processes: two processes on one data directory corrupt it. So opening a data directory takes an
 * exclusive lock, a file `referat.lock` in the directory created with `open(…, 'wx')` (mode 0600),
 * naming the process that holds it; a server adds its addresses and a secret token, which lets
 * `referat import` hand its files to that server instead of opening the directory itself.
 *
 * The lock is removed on close, on exit and on SIGINT/SIGTERM/SIGHUP. A lock left by a process
 * that no longer runs (killed, machine restarted) is stale: the next process takes it over and
 * says so on stderr.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_FILE_NAME = 'referat.lock';

/** What the lock file says about the process holding the archive. */
export interface LockHolder {
  pid: number;
  /** The holder's command line, e.g. `referat serve --port 3000`. */
  command: string;
  /** When the holder took the lock (ISO 8601). */
  startedAt: string;
  /** A server's public address, e.g. http://localhost:3000. */
  url?: string;
  /** A server's internal endpoint, on loopback only (where `referat import` sends files). */
  internalUrl?: string;
  /** The secret the internal endpoint asks for; only the holder's user can read the file. */
  token?: string;
}

export interface ArchiveLock {
  /** The lock file. */
  readonly file: string;
  /** What this process wrote into it. */
  readonly holder: LockHolder;
  /** Adds a server's addresses and token to the lock file (rewritten atomically). */
  update(fields: Pick<LockHolder, 'url' | 'internalUrl' | 'token'>): void;
  /** Removes the lock file if it is still this process's. Idempotent. */
  release(): void;
}

/** Opening a data directory another live process holds. */
export class ArchiveLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`the archive in ${dataDir} is in use by ${describeHolder(holder)}`);
    this.name = 'ArchiveLockedError';
  }
}

/** "process 1234 (referat serve, since 2024-05-01T10:00:00.000Z, serving http://localhost:3000)" */
export function describeHolder(holder: LockHolder): string {
  const serving = holder.url ? `, serving ${holder.url}` : '';
  return `process ${holder.pid} (${holder.command || 'unknown command'}, since ${holder.startedAt || 'an unknown time'}${serving})`;
}

export function lockFileOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE_NAME);
}

/** Whether a process with this id runs (EPERM: it runs, under another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks held by this process, by lock file: a second open in the same process is refused too. */
const held = new Map<string, ArchiveLock>();

/**
 * The live process holding a data directory, or null when none does (no lock file, or a stale
 * one). A lock file held by this very process counts as live only while this process holds it.
 */
export function readLockHolder(dataDir: string): LockHolder | null {
  const file = lockFileOf(dataDir);
  const ours = held.get(file);
  if (ours) return ours.holder;
  const found = readLockFile(file);
  if (!found?.holder) return null;
  return found.holder.pid !== process.pid && isProcessAlive(found.holder.pid) ? found.holder : null;
}

/** The current process's command line, shortened to `referat …` when run through bin/referat.js. */
function currentCommand(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]).replace(/\.[cm]?[jt]s$/, '') : 'node';
  return [script, ...process.argv.slice(2)].join(' ');
}

/**
 * Takes the lock of a data directory (which must exist), or throws ArchiveLockedError naming the
 * live process that holds it. A stale lock is taken over with a note on stderr.
 */
export async function acquireLock(dataDir: string, options: { command?: string; warn?: (line: string) => void } = {}): Promise<ArchiveLock> {
  const file = lockFileOf(dataDir);
  const warn = options.warn ?? ((line: string) => console.error(line));
  const mine = held.get(file);
  if (mine) throw new ArchiveLockedError(dataDir, mine.holder);
  const holder: LockHolder = { pid: process.pid, command: options.command ?? currentCommand(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (writeNew(file, holder)) break;
    if (attempt >= 20) throw new Error(`could not take the lock ${file}: it keeps changing`);
    const found = readLockFile(file);
    if (!found) continue; // released in the meantime: try again
    const other = found.holder;
    if (other && other.pid !== process.pid && isProcessAlive(other.pid)) throw new ArchiveLockedError(dataDir, other);
    if (!other && Date.now() - found.mtimeMs < 2000) {
      // Just created by another process that has not written it yet.
      await sleep(50);
      continue;
    }
    if (takeOver(file, found.text)) {
      warn(
        other
          ? `referat: taking over the stale lock of ${describeHolder(other)} on ${dataDir}: that process no longer runs`
          : `referat: replacing the unreadable lock file ${file}`,
      );
    }
  }
  const lock: ArchiveLock = {
    file,
    holder,
    update(fields) {
      Object.assign(holder, fields);
      if (!isOurs(file, holder)) return;
      // Rewritten through a new file renamed over the old: a reader never sees half of it.
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileExclusive(temporary, holder);
      renameSync(temporary, file);
    },
    release() {
      if (held.get(file) !== lock) return;
      held.delete(file);
      if (held.size === 0) removeExitHandlers();
      try {
        if (isOurs(file, holder)) unlinkSync(file);
      } catch {
        // Gone already, or the directory was removed: nothing is held either way.
      }
    },
  };
  held.set(file, lock);
  installExitHandlers();
  return lock;
}

/** Creates the lock file if there is none; false when one exists. */
function writeNew(file: string, holder: LockHolder): boolean {
  try {
    writeFileExclusive(file, holder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function writeFileExclusive(file: string, holder: LockHolder): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
}

function readLockFile(file: string): { text: string; holder: LockHolder | null; mtimeMs: number } | null {
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(file, 'utf8');
    mtimeMs = statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const value = JSON.parse(text) as LockHolder;
    return { text, holder: value && typeof value.pid === 'number' ? value : null, mtimeMs };
  } catch {
    return { text, holder: null, mtimeMs };
  }
}

function isOurs(file: string, holder: LockHolder): boolean {
  const found = readLockFile(file)?.holder;
  return found?.pid === holder.pid && found.startedAt === holder.startedAt;
}

/**
 * Moves a stale lock file out of the way. Two processes may find the same stale lock: each moves
 * the file aside under its own name and checks that it moved the stale one; one that moved a fresh
 * lock the other just created puts it back. True when the stale lock was removed by this process.
 */
function takeOver(file: string, staleText: string): boolean {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  let movedText = '';
  try {
    movedText = readFileSync(aside, 'utf8');
  } catch {
    // Unreadable: treat as the stale one.
    movedText = staleText;
  }
  if (movedText !== staleText) {
    try {
      linkSync(aside, file); // back in place, unless yet another lock is there by now
    } catch {
      // A third process created a lock within these microseconds; the one we moved is lost.
      // Three processes starting on one stale lock at the same instant: not worth more machinery.
    }
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return true;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function releaseAll(): void {
  for (const lock of [...held.values()]) lock.release();
}

const onExit = () => releaseAll();

function onSignal(signal: NodeJS.Signals): void {
  // A command with its own handler (referat serve) closes the database itself, and that releases
  // the lock; otherwise the lock goes, and the signal is raised again for its default action.
  if (process.listenerCount(signal) > 1) return;
  releaseAll();
  process.kill(process.pid, signal);
}

let installed = false;

function installExitHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeExitHandlers(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
