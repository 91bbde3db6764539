/**
 * @module PGlite in a worker thread (pglite-thread.ts), for the server: PGlite runs a statement
 * synchronously on the thread that calls it, so in-process a search that takes seconds stops every
 * other answer, cached pages and the request queue's timers too. Here the main thread keeps a
 * small client with the part of PGlite's interface drizzle-orm/pglite and db/changes.ts call —
 * query, exec, transaction, listen — which sends each call to the worker as a message.
 *
 * Transactions: `begin` opens PGlite's own transaction in the worker and holds it until `end`.
 * PGlite's mutex makes every other statement wait for it there, so no other request's statement
 * runs inside it (pglite-worker.test.ts); an error in the callback ends it with a rollback.
 */
import { Worker } from 'node:worker_threads';
import type { PGlite, Results } from '@electric-sql/pglite';
import type { ErrorData, Reply, Request, WorkerInit } from './pglite-messages.js';

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string, typeId: number) => unknown> };
/** A request without its id (Omit over each member of the union). */
type Call = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
type Tx = { query: RemotePglite['query']; exec: RemotePglite['exec']; rollback(): Promise<void>; readonly closed: boolean };

const BOOT = new URL('./pglite-thread-boot.mjs', import.meta.url);

function toError(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  Object.assign(error, data.fields);
  if (data.stack) error.stack = data.stack;
  return error;
}

/** The worker's PGlite, as drizzle-orm/pglite and watchArchiveChanges use it. */
export class RemotePglite {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #gone: Error | null = null;
  #closing = false;

  private constructor(worker: Worker, onLost?: (error: Error) => void) {
    this.#worker = worker;
    worker.on('message', (message: Reply) => {
      if ('notify' in message) {
        for (const callback of this.#listeners.get(message.notify) ?? []) callback(message.payload);
        return;
      }
      if (!('id' in message)) return;
      const waiting = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(toError(message.error));
    });
    const lost = (error: Error) => {
      const first = !this.#gone;
      this.#gone ??= error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
      // Not when close() ended the thread: only a thread that died on its own is news.
      if (first && !this.#closing) onLost?.(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the PGlite worker thread exited (code ${code})`)));
  }

  /**
   * Starts the worker, which opens and migrates the database; resolves once it answers. `onLost`
   * hears the thread dying on its own later (a WASM abort, say): every call fails from then on, so
   * the server exits rather than answer 500 for good. `boot` is the thread's entry (tests give one
   * that dies).
   */
  static async start(init: WorkerInit, options: { onLost?: (error: Error) => void; boot?: URL } = {}): Promise<RemotePglite> {
    const worker = new Worker(options.boot ?? BOOT, { workerData: init, transferList: init.loadDataDir ? [init.loadDataDir] : [] });
    await new Promise<void>((resolve, reject) => {
      const ready = (message: Reply) => {
        if (!('ready' in message)) return;
        worker.off('message', ready);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', ready);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the PGlite worker thread exited (code ${code}) while opening the database`)));
    });
    return new RemotePglite(worker, options.onLost);
  }

  #call<T>(call: Call): Promise<T> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...call, id } as Request);
    });
  }

  /** A statement with parameters, as PGlite's `query`; parsers run here, on the raw text the worker sends for their types. */
  async query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<Results<T>> {
    const parsers = options.parsers ?? {};
    const rawTypes = Object.keys(parsers).map(Number);
    const rowMode = options.rowMode ?? 'object';
    const result = await this.#call<Results<T>>({ op: 'query', sql, params, rowMode, rawTypes, ...(tx === undefined ? {} : { tx }) });
    if (rawTypes.length > 0) parseRows(result as Results<unknown>, parsers, rowMode);
    return result;
  }

  exec(sql: string, _options?: unknown, tx?: number): Promise<Results[]> {
    return this.#call({ op: 'exec', sql, ...(tx === undefined ? {} : { tx }) });
  }

  /** PGlite's `transaction`: the callback's statements run in one transaction in the worker, committed when it returns. */
  async transaction<T>(callback: (tx: Tx) => Promise<T>): Promise<T> {
    const id = await this.#call<number>({ op: 'begin' });
    let closed = false;
    const end = (commit: boolean) => {
      closed = true;
      return this.#call<null>({ op: 'end', tx: id, commit });
    };
    const check = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const tx: Tx = {
      query: (sql, params, options) => (check(), this.query(sql, params, options, id)),
      exec: (sql) => (check(), this.exec(sql, undefined, id)),
      rollback: async () => {
        check();
        await end(false);
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      if (!closed) await end(false).catch(() => undefined);
      throw error;
    }
    if (!closed) await end(true);
    return result;
  }

  /** PGlite's `listen`: the callback hears each notification on the channel; resolves to the unlisten. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
      await this.#call({ op: 'listen', channel });
    }
    set.add(callback);
    return async () => {
      set.delete(callback);
      if (set.size > 0 || this.#listeners.get(channel) !== set) return;
      this.#listeners.delete(channel);
      await this.#call({ op: 'unlisten', channel });
    };
  }

  checkpoint(): Promise<void> {
    return this.#call({ op: 'checkpoint' });
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.#call<ArrayBuffer>({ op: 'dump' })]);
  }

  /** Closes the database in the worker (PGlite flushes its files), then ends the thread. */
  async close(): Promise<void> {
    this.#closing = true;
    if (!this.#gone) await this.#call({ op: 'close' });
    await this.#worker.terminate();
  }

  /** For drizzle-orm/pglite, whose driver types ask for a PGlite. */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}

/** Applies the caller's parsers to the columns of their types (the worker left those as text). */
function parseRows(result: Results<unknown>, parsers: NonNullable<QueryOptions['parsers']>, rowMode: 'array' | 'object'): void {
  const columns = result.fields.map((field, index) => ({ key: rowMode === 'array' ? index : field.name, type: field.dataTypeID, parse: parsers[field.dataTypeID] })).filter((c) => c.parse);
  if (columns.length === 0) return;
  for (const row of result.rows as Array<Record<string | number, unknown>>) {
    for (const { key, type, parse } of columns) {
      const value = row[key];
      if (typeof value === 'string') row[key] = parse!(value, type);
    }
  }
}
