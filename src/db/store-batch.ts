/**
 * @module Storing many imported documents (a folder import) several to a transaction: each stored
 * exactly as storeDocument stores it — the same statements in the same order, its own version,
 * nothing overwritten — but one commit for the batch, and the lookups that stay valid for the
 * transaction (tx-cache.ts: organisations, electoral periods, places, whether any correction exists)
 * asked once. A document that fails rolls the batch back; its documents are then stored one by one,
 * so the bad one is reported with its reason and the rest are stored. Single uploads keep storeDocument.
 */
import type { MeetingDocument } from '../model/index.js';
import type { Db } from './client.js';
import { withDeferredRelated } from './related-batch.js';
import { readForStore, storeRead, type OriginalFile, type ReadDocument, type StoreOptions, type StoreResult } from './store.js';

export interface BatchDocument {
  document: MeetingDocument;
  original: OriginalFile;
  options?: StoreOptions;
}

export type BatchOutcome = { ok: true; result: StoreResult } | { ok: false; error: unknown };

/** Documents per transaction in a folder import: a commit costs a few ms, a failed batch is stored again one by one. */
export const DEFAULT_BATCH = 25;

/** Stores the documents in order, in one transaction when none fails; one outcome per document, in order. */
export async function storeDocuments(db: Db, documents: readonly BatchDocument[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(documents.length);
  // A malformed document is refused before the batch touches the database.
  const ready: Array<{ index: number; read: ReadDocument }> = [];
  documents.forEach((d, index) => {
    try {
      ready.push({ index, read: readForStore(d.document, d.original) });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  });
  const storeOne = async ({ index, read }: (typeof ready)[number]) => {
    const d = documents[index]!;
    try {
      outcomes[index] = { ok: true, result: await db.transaction((tx) => storeRead(tx, read, d.original, d.options)) };
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  };
  if (ready.length === 1) await storeOne(ready[0]!);
  else if (ready.length > 1) {
    try {
      const results = await db.transaction((tx) =>
        withDeferredRelated(tx, async () => {
          const out: StoreResult[] = [];
          for (const { index, read } of ready) out.push(await storeRead(tx, read, documents[index]!.original, documents[index]!.options));
          return out;
        }),
      );
      ready.forEach(({ index }, k) => (outcomes[index] = { ok: true, result: results[k]! }));
    } catch {
      // Nothing of the batch was kept: each document again in its own transaction, the failing one reported.
      for (const r of ready) await storeOne(r);
    }
  }
  return outcomes;
}
