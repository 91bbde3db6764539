/**
 * @module The fuzz pool's worker thread: imports one input with the importer's own entry point
 * (importBytes, as `referat import` does) and answers what happened, the error's cause included,
 * so the main thread can tell the importer's own clear refusal from a bug that surfaced as one.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { ImportError, importBytes } from '../../src/import/index.js';

export interface Job {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  related: Array<[string, Uint8Array]>;
  /** Send the parsed document back (for the store check). */
  keep: boolean;
  /** Collect garbage after the input and answer the heap still live (for the memory check). */
  collect?: boolean;
}

export interface ErrorInfo {
  name: string;
  message: string;
  /** Set for an ImportError. */
  fileName: string | null;
  /** The error the importer caught, when it kept it. */
  cause: { name: string; message: string } | null;
}

export type Reply = { id: number; ms: number; heapUsed: number; liveHeap?: number } & (
  | { ok: true; items: number; format: string; fileAccess: string; document: unknown }
  | { ok: false; error: ErrorInfo }
);

const describe = (error: unknown): ErrorInfo => {
  const e = error instanceof Error ? error : new Error(String(error));
  const cause = e.cause instanceof Error ? { name: e.cause.constructor?.name ?? e.cause.name, message: e.cause.message } : null;
  return { name: e.constructor?.name ?? e.name, message: e.message, fileName: e instanceof ImportError ? e.fileName : null, cause };
};

// V8's own figure: process.memoryUsage() also reads the process's RSS from the OS, ~0.5 ms a call.
const heapUsed = () => getHeapStatistics().used_heap_size;

// A full collection on request: what the heap holds after it is what the importer keeps between
// inputs; RSS and the heap before collection grow with V8's own heap sizing, not only with leaks.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return heapUsed();
};

parentPort!.on('message', async (job: Job) => {
  const related = new Map(job.related);
  const start = performance.now();
  let reply: Reply;
  try {
    const imported = await importBytes(job.bytes, job.fileName, { loadRelated: async (path) => related.get(path) ?? null });
    reply = {
      id: job.id,
      ms: performance.now() - start,
      heapUsed: heapUsed(),
      ok: true,
      items: imported.document.items.length,
      format: imported.format,
      fileAccess: imported.fileAccess,
      document: job.keep ? imported.document : null,
    };
  } catch (error) {
    reply = { id: job.id, ms: performance.now() - start, heapUsed: heapUsed(), ok: false, error: describe(error) };
  }
  if (job.collect) reply.liveHeap = liveHeap();
  parentPort!.postMessage(reply);
});
