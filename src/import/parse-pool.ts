/**
 * @module Parses many files in parallel on worker threads and hands the results back in the
 * files' order, so storing (one transaction per file) stays sequential and deterministic.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ImportError, importFile, type ImportedFile, type ImportOptions } from './index.js';

export type ParseResult = { file: string } & ({ ok: true; parsed: ImportedFile } | { ok: false; error: Error });

/** A worker's answer; on failure `message` is an ImportError's reason when `fileName` is set. */
type Reply = { id: number } & ({ ok: true } & ImportedFile | { ok: false; message: string; fileName: string | null });

/** Parses the files, several at a time on worker threads when there are enough to pay for them. */
export async function* parseAll(files: readonly string[], options: ImportOptions = {}, threads = availableParallelism()): AsyncGenerator<ParseResult> {
  if (files.length < 4 || threads < 2) {
    for (const file of files) yield await parseHere(file, options);
    return;
  }
  const workers: Worker[] = [];
  const dead = new Set<Worker>();
  const pending = new Map<number, (reply: Reply) => void>();
  const results = files.map(() => {
    let resolve!: (r: ParseResult) => void;
    return { promise: new Promise<ParseResult>((r) => (resolve = r)), resolve };
  });
  let next = 0;
  const feed = (worker: Worker) => {
    const id = next++;
    if (id >= files.length) return;
    const file = files[id]!;
    pending.set(id, (reply) => {
      pending.delete(id);
      results[id]!.resolve(
        reply.ok
          ? { file, ok: true, parsed: { document: reply.document, bytes: new Uint8Array(reply.bytes), format: reply.format, fileAccess: reply.fileAccess } }
          : { file, ok: false, error: reply.fileName ? new ImportError(reply.fileName, reply.message) : new Error(reply.message) },
      );
      if (!dead.has(worker)) feed(worker);
    });
    worker.once('error', (error) => {
      // A worker that dies fails the file it was parsing; a fresh one takes over the rest.
      pending.get(id)?.({ id, ok: false, message: `${file}: ${error.message}`, fileName: null });
    });
    worker.postMessage({ id, path: file, options });
  };
  const spawn = () => {
    const worker = startWorker();
    workers.push(worker);
    worker.on('message', (reply: Reply) => pending.get(reply.id)?.(reply));
    worker.on('error', () => {
      dead.add(worker);
      spawn();
    });
    feed(worker);
  };
  for (let i = 0; i < Math.min(threads, files.length); i++) spawn();
  try {
    for (const result of results) yield await result.promise;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function parseHere(file: string, options: ImportOptions): Promise<ParseResult> {
  try {
    return { file, ok: true, parsed: await importFile(file, options) };
  } catch (error) {
    return { file, ok: false, error: error as Error };
  }
}

/** A worker running the TypeScript parser through tsx (no build step). */
function startWorker(): Worker {
  return new Worker(new URL('./parse-worker.js', import.meta.url));
}
