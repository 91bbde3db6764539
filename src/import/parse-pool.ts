/**
 * @module Parses files on worker threads, under a time bound and a memory limit, so no file —
 * however it is made — can hold up or exhaust the process that asked for it: a parse that runs past
 * the time budget is stopped by terminating its worker (reported as "took longer than N s"), one
 * whose heap outgrows the limit dies alone ("needed more than N MB"), and a fresh worker takes over.
 * pdf.js in particular has quadratic, synchronous paths (graphics states nested deep) that no timer
 * in the same thread can interrupt.
 *
 * - `parseAll`: many files in parallel, handed back in the files' order, so storing (one
 *   transaction per file) stays sequential and deterministic. Each worker carries a fixed set of
 *   listeners, whatever the number of files. Memory stays bounded whatever the number of files:
 *   workers run at most `lookahead` files ahead of the consumer (a slow store holds the parsers
 *   back), and a result is let go as soon as it is handed over.
 * - `importBytesIsolated`: one upload's bytes (the workspace preview), on a few warm workers kept
 *   between requests (a worker takes a second or two to load the parser) and let go when idle.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportedFile, type ImportOptions } from './index.js';
import type { Line } from './line.js';

export type ParseResult = { file: string } & ({ ok: true; parsed: ImportedFile } | { ok: false; error: Error });

/** A worker's answer; on failure `message` is an ImportError's reason when `fileName` is set. */
type Reply = { id: number } & (({ ok: true; lines?: Line[] | null } & ImportedFile) | { ok: false; message: string; fileName: string | null });

/** How long one file may take to parse, unless REFERAT_PARSE_TIMEOUT_S or the caller says otherwise. */
export const DEFAULT_PARSE_TIMEOUT_MS = 120_000;

/** The time budget per file: the environment's REFERAT_PARSE_TIMEOUT_S (seconds) or the default. */
export function parseTimeoutMs(): number {
  const seconds = Number(process.env.REFERAT_PARSE_TIMEOUT_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_PARSE_TIMEOUT_MS;
}

/** How much heap one parse may take, unless REFERAT_PARSE_MEMORY_MB or the caller says otherwise. */
export const DEFAULT_PARSE_MEMORY_MB = 1536;

/** The heap limit of a parse worker in MB: the environment's REFERAT_PARSE_MEMORY_MB or the default. */
export function parseMemoryMb(): number {
  const mb = Number(process.env.REFERAT_PARSE_MEMORY_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_PARSE_MEMORY_MB;
}

/** The reason a parse was stopped for its time budget. */
const tooSlow = (timeoutMs: number) => `took longer than ${timeoutMs / 1000} s to read; stopped`;

/** The error for a file whose worker died: out of memory, or how else it stopped. */
function workerDied(fileName: string, error: Error | null, code: number | null, memoryMb: number): Error {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return new ImportError(fileName, `needed more than ${memoryMb} MB of memory to read; stopped`);
  return new Error(`${fileName}: ${error ? error.message : `the parser stopped (exit code ${code})`}`);
}

/** One worker and the file it is parsing. */
interface Slot {
  worker: Worker;
  id: number | null;
  timer: NodeJS.Timeout | null;
  retired: boolean;
}

/**
 * Parses the files on up to `threads` worker threads (one worker still pays: it parses while the
 * caller stores), each file within `timeoutMs` and each worker's heap within `memoryMb`.
 */
export async function* parseAll(
  files: readonly string[],
  options: ImportOptions = {},
  threads = availableParallelism(),
  timeoutMs = parseTimeoutMs(),
  lookahead = 2 * threads,
  memoryMb = parseMemoryMb(),
): AsyncGenerator<ParseResult> {
  // Even one file is parsed on a worker: in this thread a parse could not be stopped.
  threads = Math.max(1, threads);
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
      fail(id, new ImportError(basename(files[id]!), tooSlow(timeoutMs)));
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
    const slot: Slot = { worker: startWorker(memoryMb), id: null, timer: null, retired: false };
    slots.add(slot);
    slot.worker.on('message', (reply: Reply) => finish(slot, reply));
    slot.worker.on('error', (error) => {
      // A worker that dies fails the file it was parsing; a fresh one takes over the rest.
      if (slot.id !== null) fail(slot.id, workerDied(basename(files[slot.id]!), error, null, memoryMb));
      replace(slot);
    });
    slot.worker.on('exit', (code) => {
      if (slot.id !== null) fail(slot.id, workerDied(basename(files[slot.id]!), null, code, memoryMb));
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

/** A worker running the TypeScript parser through tsx (no build step), its heap limited. */
function startWorker(memoryMb: number): Worker {
  return new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
}

export interface IsolatedOptions {
  /** The time budget (default: parseTimeoutMs()). */
  timeoutMs?: number;
  /** The heap limit in MB (default: parseMemoryMb()); another than the default gets a worker of its own. */
  memoryMb?: number;
  /** Also give the reader's lines (for pdf, docx, html and text; null for case-system XML). */
  lines?: boolean;
}

export interface IsolatedImport extends ImportedFile {
  lines: Line[] | null;
}

/** Warm workers with the default heap limit, kept between single reads. */
const warm: Worker[] = [];
/** Workers that are reading now. */
let reading = 0;
const queue: Array<() => void> = [];
/** How many single reads run at once; the rest wait their turn. */
const SINGLE_READERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** How long a warm worker waits for the next read before it is let go. */
const IDLE_MS = 120_000;
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();
let nextId = 0;

/**
 * importBytes on a worker thread, under the time bound and memory limit: a file that takes longer
 * or needs more is refused with an ImportError naming it ("took longer than 120 s to read;
 * stopped"), the worker is let go, and the caller's thread never stops. For uploads — the server
 * keeps serving while a file is read.
 */
export async function importBytesIsolated(bytes: Uint8Array, fileName: string, options: IsolatedOptions = {}): Promise<IsolatedImport> {
  const timeoutMs = options.timeoutMs ?? parseTimeoutMs();
  const memoryMb = options.memoryMb ?? parseMemoryMb();
  const pooled = memoryMb === parseMemoryMb();
  // A finished read hands its turn to the next in the queue; otherwise a turn is taken here.
  if (reading >= SINGLE_READERS) await new Promise<void>((resolve) => queue.push(resolve));
  else reading++;
  let worker = pooled ? warm.pop() : undefined;
  if (worker) clearTimeout(idleTimers.get(worker));
  worker ??= singleReader(memoryMb);
  // Referenced while it reads, so the process waits for the answer.
  worker.ref();
  const w = worker;
  const id = nextId++;
  let healthy = false;
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ImportError(fileName, tooSlow(timeoutMs))), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (r: Reply) => {
        if (r.id !== id) return;
        done();
        resolve(r);
      };
      const onError = (error: Error) => {
        done();
        reject(workerDied(fileName, error, null, memoryMb));
      };
      const onExit = (code: number) => {
        done();
        reject(workerDied(fileName, null, code, memoryMb));
      };
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      // A copy: the caller keeps its bytes.
      w.postMessage({ id, bytes, fileName, lines: options.lines === true });
    });
    healthy = true;
    if (!reply.ok) throw reply.fileName ? new ImportError(reply.fileName, reply.message) : new ImportError(fileName, reply.message);
    return { document: reply.document, bytes, format: reply.format, fileAccess: reply.fileAccess, lines: reply.lines ?? null };
  } finally {
    if (healthy && pooled) {
      w.unref();
      warm.push(w);
      const timer = setTimeout(() => {
        const i = warm.indexOf(w);
        if (i >= 0) warm.splice(i, 1);
        void w.terminate();
      }, IDLE_MS);
      timer.unref();
      idleTimers.set(w, timer);
    } else {
      // Stopped midway, dead, or of its own limit: never reused.
      w.removeAllListeners();
      w.on('error', () => undefined);
      void w.terminate();
    }
    const next = queue.shift();
    if (next) next();
    else reading--;
  }
}

/** A worker for single reads; one that fails while idle (an error nobody awaited) is dropped, never the process. */
function singleReader(memoryMb: number): Worker {
  const worker = startWorker(memoryMb);
  const drop = () => {
    const i = warm.indexOf(worker);
    if (i >= 0) warm.splice(i, 1);
  };
  worker.on('error', drop).on('exit', drop);
  return worker;
}
