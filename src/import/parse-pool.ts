/**
 * @module Parses many files in parallel on worker threads and hands the results back in the
 * files' order, so storing (one transaction per file) stays sequential and deterministic.
 * Every file finishes: a parse that runs past the time budget is stopped by terminating its
 * worker (reported as "took longer than N s"), a worker that dies fails only its own file, and
 * a fresh worker takes over the rest. Each worker carries a fixed set of listeners, whatever
 * the number of files. Memory stays bounded whatever the number of files: workers run at most
 * `lookahead` files ahead of the consumer (a slow store holds the parsers back), and a result is
 * let go as soon as it is handed over.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportError, importFile, type ImportedFile, type ImportOptions } from './index.js';

export type ParseResult = { file: string } & ({ ok: true; parsed: ImportedFile } | { ok: false; error: Error });

/** A worker's answer; on failure `message` is an ImportError's reason when `fileName` is set. */
type Reply = { id: number } & ({ ok: true } & ImportedFile | { ok: false; message: string; fileName: string | null });

/** How long one file may take to parse, unless REFERAT_PARSE_TIMEOUT_S or the caller says otherwise. */
export const DEFAULT_PARSE_TIMEOUT_MS = 120_000;

/** The time budget per file: the environment's REFERAT_PARSE_TIMEOUT_S (seconds) or the default. */
export function parseTimeoutMs(): number {
  const seconds = Number(process.env.REFERAT_PARSE_TIMEOUT_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_PARSE_TIMEOUT_MS;
}

/** One worker and the file it is parsing. */
interface Slot {
  worker: Worker;
  id: number | null;
  timer: NodeJS.Timeout | null;
  retired: boolean;
}

/**
 * Parses the files on `threads` worker threads when there are enough to pay for them (one worker
 * still pays: it parses while the caller stores).
 * `timeoutMs` is the budget per file on the workers; parsed here (few files), a parse cannot be
 * stopped midway and the budget only ends the wait for it.
 */
export async function* parseAll(
  files: readonly string[],
  options: ImportOptions = {},
  threads = availableParallelism(),
  timeoutMs = parseTimeoutMs(),
  lookahead = 2 * threads,
): AsyncGenerator<ParseResult> {
  if (files.length < 4 || threads < 1) {
    for (const file of files) yield await parseHere(file, options, timeoutMs);
    return;
  }
  const slots = new Set<Slot>();
  // Only the files handed out and not yet taken by the consumer have an entry: the bounded queue.
  const results = new Map<number, { promise: Promise<ParseResult>; resolve: (r: ParseResult) => void; done: boolean }>();
  let next = 0;
  /** The index of the file the consumer waits for (or takes next). */
  let taken = 0;
  const settle = (id: number, result: ParseResult) => {
    const entry = results.get(id);
    if (!entry || entry.done) return;
    entry.done = true;
    entry.resolve(result);
  };
  const fail = (id: number, error: Error) => settle(id, { file: files[id]!, ok: false, error });

  const feed = (slot: Slot) => {
    if (slot.retired || slot.id !== null || next >= files.length || next >= taken + Math.max(lookahead, threads)) return;
    const id = next++;
    let resolve!: (r: ParseResult) => void;
    const promise = new Promise<ParseResult>((r) => (resolve = r));
    results.set(id, { promise, resolve, done: false });
    slot.id = id;
    slot.timer = setTimeout(() => {
      fail(id, new ImportError(basename(files[id]!), `took longer than ${timeoutMs / 1000} s to read; stopped`));
      replace(slot);
    }, timeoutMs);
    slot.worker.postMessage({ id, path: files[id]!, options });
  };
  const finish = (slot: Slot, reply: Reply) => {
    if (slot.retired || reply.id !== slot.id) return;
    clearTimeout(slot.timer!);
    slot.id = null;
    const file = files[reply.id]!;
    settle(
      reply.id,
      reply.ok
        ? { file, ok: true, parsed: { document: reply.document, bytes: new Uint8Array(reply.bytes), format: reply.format, fileAccess: reply.fileAccess } }
        : { file, ok: false, error: reply.fileName ? new ImportError(reply.fileName, reply.message) : new Error(reply.message) },
    );
    feed(slot);
  };
  /** Retires a slot's worker (stopping what it parses) and starts a fresh one on the next file. */
  const replace = (slot: Slot) => {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    slots.delete(slot);
    slot.worker.removeAllListeners();
    // An error after retirement has no one to tell; swallowing it keeps it from crashing the process.
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    spawn();
  };
  const spawn = () => {
    if (next >= files.length) return;
    const slot: Slot = { worker: startWorker(), id: null, timer: null, retired: false };
    slots.add(slot);
    slot.worker.on('message', (reply: Reply) => finish(slot, reply));
    slot.worker.on('error', (error) => {
      // A worker that dies fails the file it was parsing; a fresh one takes over the rest.
      if (slot.id !== null) fail(slot.id, new Error(`${files[slot.id]}: ${error.message}`));
      replace(slot);
    });
    slot.worker.on('exit', (code) => {
      if (slot.id !== null) fail(slot.id, new Error(`${files[slot.id]}: the parser stopped (exit code ${code})`));
      replace(slot);
    });
    feed(slot);
  };
  for (let i = 0; i < Math.min(threads, files.length); i++) spawn();
  try {
    for (; taken < files.length; taken++) {
      // Idle workers held back by the window take the files the consumer has made room for.
      for (const slot of slots) feed(slot);
      const result = await results.get(taken)!.promise;
      results.delete(taken);
      yield result;
    }
  } finally {
    const live = [...slots];
    for (const slot of live) {
      slot.retired = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.worker.removeAllListeners();
      slot.worker.on('error', () => undefined);
    }
    await Promise.all(live.map((s) => s.worker.terminate()));
  }
}

async function parseHere(file: string, options: ImportOptions, timeoutMs: number): Promise<ParseResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ImportError(basename(file), `took longer than ${timeoutMs / 1000} s to read; stopped`)), timeoutMs);
    });
    return { file, ok: true, parsed: await Promise.race([importFile(file, options), late]) };
  } catch (error) {
    return { file, ok: false, error: error as Error };
  } finally {
    clearTimeout(timer);
  }
}

/** A worker running the TypeScript parser through tsx (no build step). */
function startWorker(): Worker {
  return new Worker(new URL('./parse-worker.js', import.meta.url));
}
