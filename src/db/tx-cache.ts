/**
 * @module Lookups remembered for the rest of one transaction: rows that, once found or created,
 * stay what they were (an organisation's id, an electoral period, a meeting place — never deleted
 * or renamed), so the documents of a batch (store-batch.ts) ask for each once. Keyed by the
 * transaction object: the cache goes with it, and a rolled-back transaction's ids are never reused.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

/** The value `find` gives for `key`, asked once per transaction. */
export async function remembered<T>(tx: object, key: string, find: () => Promise<T>): Promise<T> {
  let cache = caches.get(tx);
  if (!cache) caches.set(tx, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = await find();
  cache.set(key, value);
  return value;
}

/** Forgets `key` in this transaction: what it stood for has changed. */
export function forget(tx: object, key: string): void {
  caches.get(tx)?.delete(key);
}
