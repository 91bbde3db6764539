/**
 * @module A small in-process LRU of rendered PDFs, bounded by entries and bytes. It holds the
 * promise of a render, so requests arriving while one runs wait for it instead of rendering again.
 */

export interface PdfCache {
  /** The cached bytes for `key`, or the result of `render` (kept unless it fails). */
  get(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array>;
  readonly size: number;
}

/** An LRU of at most `entries` PDFs and about `bytes` bytes in all. */
export function createPdfCache(limits: { entries: number; bytes: number } = { entries: 64, bytes: 32 * 1024 * 1024 }): PdfCache {
  const map = new Map<string, { promise: Promise<Uint8Array>; bytes: number }>();
  let total = 0;
  const evict = () => {
    for (const [key, entry] of map) {
      if (map.size <= limits.entries && total <= limits.bytes) break;
      map.delete(key);
      total -= entry.bytes;
    }
  };
  return {
    get size() {
      return map.size;
    },
    get(key, render) {
      const hit = map.get(key);
      if (hit) {
        // Most recently used last: Map keeps insertion order.
        map.delete(key);
        map.set(key, hit);
        return hit.promise;
      }
      const entry = { promise: render(), bytes: 0 };
      map.set(key, entry);
      entry.promise.then(
        (bytes) => {
          if (map.get(key) !== entry) return;
          entry.bytes = bytes.byteLength;
          total += entry.bytes;
          evict();
        },
        () => {
          if (map.get(key) === entry) map.delete(key);
        },
      );
      evict();
      return entry.promise;
    },
  };
}
