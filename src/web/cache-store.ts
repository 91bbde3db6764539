/**
 * @module The store behind the page cache: rendered responses by key, least recently used first
 * out, bounded by bytes. One generation for all: a change to the archive (src/db/changes.ts) drops
 * every entry, and a response rendered before the change (begun in an older generation) is not
 * kept, so no page outlives the data it was rendered from. Entries also end with the Copenhagen day
 * (meeting states and "upcoming" move with it) and after `ttlMs`.
 */
import { createHash } from 'node:crypto';
import { copenhagenToday } from '../model/index.js';

export interface CachedPage {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** A strong validator: a hash of the body, so a 304 survives a re-render to the same bytes. */
  etag: string;
}

interface Entry extends CachedPage {
  storedAt: number;
}

export interface PageStoreOptions {
  maxBytes: number;
  /** Larger responses are served but not kept (default: an eighth of maxBytes). */
  maxEntryBytes?: number;
  ttlMs?: number;
  now?: () => number;
  today?: () => string;
}

export const etagOf = (body: Uint8Array): string => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

export class PageStore {
  #entries = new Map<string, Entry>();
  #pending = new Map<string, { promise: Promise<CachedPage | null>; generation: number }>();
  #bytes = 0;
  #generation = 0;
  #day: string;
  #dayCheckedAt = 0;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly ttlMs: number;
  readonly #now: () => number;
  readonly #today: () => string;
  hits = 0;
  misses = 0;

  constructor(options: PageStoreOptions) {
    this.maxBytes = options.maxBytes;
    this.maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.maxBytes / 8);
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#today = options.today ?? copenhagenToday;
    this.#day = this.#today();
  }

  get generation(): number {
    this.#checkDay();
    return this.#generation;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The archive changed: every entry goes, and renders begun before now are not kept. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  get(key: string): CachedPage | undefined {
    this.#checkDay();
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#now() - entry.storedAt > this.ttlMs) {
      this.#bytes -= entry.body.byteLength;
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used last
    return entry;
  }

  /** Keeps a page rendered in `generation`, unless the archive changed since or it is too large. */
  set(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation || page.body.byteLength > this.maxEntryBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.body.byteLength;
    }
    this.#entries.set(key, { ...page, storedAt: this.#now() });
    this.#bytes += page.body.byteLength;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.byteLength;
    }
  }

  /** A render of `key` under way: concurrent requests for it wait for that one instead of rendering too. */
  pending(key: string): Promise<CachedPage | null> | undefined {
    const render = this.#pending.get(key);
    return render && render.generation === this.generation ? render.promise : undefined;
  }

  /** Marks a render of `key` as under way; call the result with what it gave (null: nothing to share). */
  begin(key: string): (page: CachedPage | null) => void {
    let settle!: (page: CachedPage | null) => void;
    const promise = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    const render = { promise, generation: this.generation };
    this.#pending.set(key, render);
    return (page) => {
      if (this.#pending.get(key) === render) this.#pending.delete(key);
      settle(page);
    };
  }

  /** The day is read at most once a minute; a new day starts the cache over. */
  #checkDay(): void {
    const now = this.#now();
    if (now - this.#dayCheckedAt < 60_000) return;
    this.#dayCheckedAt = now;
    const today = this.#today();
    if (today !== this.#day) {
      this.#day = today;
      this.invalidate();
    }
  }
}
