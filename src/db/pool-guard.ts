/**
 * @module Keeping node-postgres' pool healthy across database restarts.
 *
 * Drizzle's `transaction()` checks a client out with `pool.connect()` and sends `begin` before its
 * try/finally: when `begin` fails — the server shut down just after the connection was made — the
 * client is never released. It stays counted against the pool's `max` for good, and once `max`
 * clients are lost so, every request waits for a client that never comes: the app would need a
 * restart. So a client checked out through `connect()` is released, with the error (which makes
 * the pool drop it), as soon as its connection ends; and a release after that is a no-op.
 */
import type pg from 'pg';

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
