/**
 * @module Keeping node-postgres' pool healthy across database restarts, and a bounded request
 * queue in front of the database (createRequestQueue, below).
 *
 * Drizzle's `transaction()` checks a client out with `pool.connect()` and sends `begin` before its
 * try/finally: when `begin` fails — the server shut down just after the connection was made — the
 * client is never released. It stays counted against the pool's `max` for good, and once `max`
 * clients are lost so, every request waits for a client that never comes: the app would need a
 * restart. So a client checked out through `connect()` is released, with the error (which makes
 * the pool drop it), as soon as its connection ends; and a release after that is a no-op.
 */
import type pg from 'pg';
import { DatabaseBusyError } from './unavailable.js';

export function releaseClientsOnConnectionLoss(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | void;
  // The callback form is the pool's own (pool.query), which always releases: left alone.
  pool.connect = ((callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then(guard);
  }) as typeof pool.connect;
}

function guard(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  const onEnd = () => client.release(new Error('connection to the database lost while checked out'));
  client.release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener('end', onEnd);
    release(error);
  };
  client.once('end', onEnd);
  return client;
}

/**
 * A bounded queue in front of the database for requests. PGlite runs one query at a time, so
 * requests beyond what it can answer would only wait longer and longer: at most `concurrency` run,
 * at most `maxQueued` wait (each at most `maxWaitMs`), and the rest are refused at once with
 * `DatabaseBusyError` — answered 503 with Retry-After — so latency stays bounded under overload.
 * A request that would, by the queue's recent pace, wait longer than `maxWaitMs` behind those
 * already waiting is refused at once too: it would only hold its place for the full wait and then
 * be refused (at 1 M items on PGlite most 503s had waited the whole 5 s).
 */
export interface QueueLimits {
  concurrency: number;
  maxQueued: number;
  maxWaitMs: number;
  /** The first guess of how long a request holds its place (ms), before any has run; default 50. */
  initialServiceMs?: number;
}

export interface RequestQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly queued: number;
  /** Requests refused since the start (full queue or waited too long). */
  readonly refused: number;
}

export function createRequestQueue(limits: QueueLimits): RequestQueue {
  const waiting: Array<{ start: () => void; timer: NodeJS.Timeout }> = [];
  let running = 0;
  let refused = 0;
  // A moving average of how long a request holds its place, for the Retry-After it is told.
  let serviceMs = limits.initialServiceMs ?? 50;

  const retryAfter = () => Math.min(30, Math.max(1, Math.ceil(((waiting.length + running) * serviceMs) / limits.concurrency / 1000)));
  const refuse = (why: string) => {
    refused++;
    return new DatabaseBusyError(why, retryAfter());
  };

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };

  return {
    async run(task) {
      if (running >= limits.concurrency) {
        if (waiting.length >= limits.maxQueued) throw refuse('the request queue is full');
        // Only behind others already waiting: a lone waiter is not refused on a guess.
        const expectedWaitMs = ((waiting.length + 1) * serviceMs) / limits.concurrency;
        if (waiting.length > 0 && expectedWaitMs > limits.maxWaitMs) throw refuse(`the request queue would take about ${Math.round(expectedWaitMs)} ms`);
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: resolve,
            timer: setTimeout(() => {
              waiting.splice(waiting.indexOf(entry), 1);
              reject(refuse(`waited ${limits.maxWaitMs} ms in the request queue`));
            }, limits.maxWaitMs),
          };
          waiting.push(entry);
        });
      }
      running++;
      const started = performance.now();
      try {
        return await task();
      } finally {
        serviceMs = serviceMs * 0.9 + (performance.now() - started) * 0.1;
        release();
      }
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    get refused() {
      return refused;
    },
  };
}
