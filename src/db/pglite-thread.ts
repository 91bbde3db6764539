/**
 * @module The worker thread that owns a PGlite instance (pglite-worker.ts starts it). PGlite runs
 * each statement synchronously on the thread that calls it; here that is this thread, so the
 * server's own thread keeps answering (cached pages, the queue's timers) while a statement runs.
 *
 * Messages from the main thread are requests with an id, answered once. A transaction is PGlite's
 * own `transaction()`, held open until the main thread sends `end`: PGlite's mutex makes every
 * statement outside it wait, as in-process, and a thrown callback (commit false) rolls it back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { pgliteCodecs } from './pglite-codecs.js';
import type { ErrorData, Reply, Request, WorkerInit } from './pglite-messages.js';

const port = parentPort!;
const init = workerData as WorkerInit;

/** Open transactions by id, and how to end each (commit, or roll back by throwing). */
const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();
const listening = new Map<string, () => Promise<void>>();
const ROLLBACK = Symbol('rollback');
let nextTx = 1;

const reply = (message: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** An error as plain data: its message, name, stack and primitive fields (SQLSTATE `code`, detail, …). */
function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean;
  }
  return { message: error.message, name: error.name, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/** Identity parsers for the types the main thread parses itself (its parsers are functions, which do not cross threads). */
const rawParsers = (oids: number[]) => Object.fromEntries(oids.map((oid) => [oid, (value: string) => value]));

function client(tx: number | undefined): PGlite | Transaction {
  if (tx === undefined) return pglite;
  const found = open.get(tx);
  if (!found) throw new Error('Transaction is closed');
  return found.tx;
}

async function handle(request: Request): Promise<void> {
  const { id } = request;
  switch (request.op) {
    case 'query': {
      const result = await client(request.tx).query(request.sql, request.params, { rowMode: request.rowMode, parsers: rawParsers(request.rawTypes) });
      return reply({ id, ok: true, value: result });
    }
    case 'exec':
      return reply({ id, ok: true, value: await client(request.tx).exec(request.sql) });
    case 'begin': {
      const tx = nextTx++;
      let begun = false;
      const done = pglite.transaction(
        (handle) =>
          new Promise<void>((resolve, reject) => {
            begun = true;
            open.set(tx, { tx: handle, end: (commit) => (commit ? resolve() : reject(ROLLBACK)) });
            reply({ id, ok: true, value: tx });
          }),
      );
      // Once begun, the answer to `end` is how the transaction finished: committed, rolled back,
      // or failed (COMMIT can fail too). Before that, BEGIN itself failed: `begin` fails.
      done.then(
        () => finish(tx, null),
        (error: unknown) => (begun ? finish(tx, error === ROLLBACK ? null : error) : reply({ id, ok: false, error: errorData(error) })),
      );
      return;
    }
    case 'end': {
      const found = open.get(request.tx);
      if (!found) throw new Error('Transaction is closed');
      ending.set(request.tx, id);
      open.delete(request.tx);
      found.end(request.commit);
      return;
    }
    case 'listen': {
      if (!listening.has(request.channel)) {
        const channel = request.channel;
        listening.set(channel, await pglite.listen(channel, (payload) => reply({ notify: channel, payload })));
      }
      return reply({ id, ok: true, value: null });
    }
    case 'unlisten': {
      await listening.get(request.channel)?.();
      listening.delete(request.channel);
      return reply({ id, ok: true, value: null });
    }
    case 'checkpoint':
      await pglite.exec('checkpoint');
      return reply({ id, ok: true, value: null });
    case 'dump': {
      const bytes = await (await pglite.dumpDataDir('none')).arrayBuffer();
      return reply({ id, ok: true, value: bytes }, [bytes]);
    }
    case 'close':
      await pglite.close();
      reply({ id, ok: true, value: null });
      port.close();
      return;
  }
}

/** Requests `end` is waiting on, by transaction. */
const ending = new Map<number, number>();

function finish(tx: number, error: unknown): void {
  const id = ending.get(tx);
  ending.delete(tx);
  open.delete(tx);
  if (id === undefined) return;
  reply(error ? { id, ok: false, error: errorData(error) } : { id, ok: true, value: null });
}

const pglite = await PGlite.create(init.dataDir, { ...pgliteCodecs, ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}) });
try {
  await migrate(drizzle({ client: pglite }), { migrationsFolder: init.migrationsFolder });
} catch (error) {
  await pglite.close().catch(() => undefined);
  throw error;
}

port.on('message', (request: Request) => {
  handle(request).catch((error: unknown) => reply({ id: request.id, ok: false, error: errorData(error) }));
});
reply({ ready: true });
