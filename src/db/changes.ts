/**
 * @module Hearing that the archive changed, whoever changed it. Every table the public pages read
 * says NOTIFY `referat_archive` when a statement changes it (triggers of migration 0017), and
 * PostgreSQL delivers that at commit — to this process for its own writes (PGlite too) and for
 * those of any other process on the same PostgreSQL database (`referat import` with DATABASE_URL,
 * a bulk load). A page cache listens here and starts over on each.
 */
import pg from 'pg';
import type { Db } from './client.js';

export const ARCHIVE_CHANNEL = 'referat_archive';

export interface ChangeWatch {
  /** Whether changes are heard right now: false while a lost PostgreSQL listener reconnects. */
  readonly live: boolean;
  close(): Promise<void>;
}

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

const isPglite = (client: unknown): client is PgliteLike => typeof (client as PgliteLike | null)?.listen === 'function';

/**
 * Calls `onChange` after every committed change to what the public pages show. On PostgreSQL a
 * connection of its own LISTENs; when it is lost, `live` is false until it is back, and `onChange`
 * is called again on reconnecting (a change may have gone unheard meanwhile).
 */
export async function watchArchiveChanges(db: Db, onChange: () => void, log: (line: string) => void = console.error): Promise<ChangeWatch> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (isPglite(client)) {
    const unlisten = await client.listen(ARCHIVE_CHANNEL, () => onChange());
    return { live: true, close: () => unlisten() };
  }
  if (client instanceof pg.Pool) return listenOnPostgres(client, onChange, log);
  throw new Error('watchArchiveChanges: neither a PGlite nor a node-postgres database');
}

async function listenOnPostgres(pool: pg.Pool, onChange: () => void, log: (line: string) => void): Promise<ChangeWatch> {
  const config = (pool as unknown as { options: pg.PoolConfig }).options;
  let current: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | null = null;

  const lost = (client: pg.Client, error?: Error) => {
    if (current !== client) return;
    current = null;
    live = false;
    onChange();
    client.end().catch(() => undefined);
    if (closed) return;
    if (error) log(`referat: listening for archive changes lost (${error.message}); the page cache is bypassed until it is back`);
    timer = setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  const connect = async (): Promise<void> => {
    timer = null;
    const client = new pg.Client({ connectionString: config.connectionString, connectionTimeoutMillis: 10_000, keepAlive: true });
    current = client;
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client));
    client.on('notification', (message) => {
      if (message.channel === ARCHIVE_CHANNEL) onChange();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ARCHIVE_CHANNEL}`);
      if (current !== client || closed) return;
      live = true;
      retryMs = 500;
      onChange(); // whatever changed while nobody listened
    } catch (error) {
      lost(client, error as Error);
    }
  };

  await connect();
  return {
    get live() {
      return live;
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      live = false;
      await client?.end().catch(() => undefined);
    },
  };
}
