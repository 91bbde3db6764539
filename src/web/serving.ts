/**
 * @module What `referat serve` puts in front of the routes (README "Caching and limits"): rate
 * limits per client, the page cache, and the bounded database queue, in that order, configured by
 * the environment:
 *
 * - REFERAT_PAGE_CACHE_MB (64; 0 = off), REFERAT_PAGE_CACHE_TTL (seconds, 600): cache.ts
 * - REFERAT_DB_QUEUE_CONCURRENCY, _LENGTH, _WAIT_MS: PGlite 2 / 64 / 5000 ms; on PostgreSQL off by
 *   default — there the pool (4 connections, a request waiting over 10 s for one is answered 503)
 *   does the bounding — unless set ("off" turns it off on PGlite too)
 * - REFERAT_RATE_SEARCH (60/60), REFERAT_RATE_LOGIN (10/60), REFERAT_RATE_SUBSCRIPTIONS (30/600):
 *   REQUESTS/SECONDS per client, or off; REFERAT_TRUSTED_PROXIES (0): client-address.ts
 */
import type { MiddlewareHandler } from 'hono';
import { watchArchiveChanges, type ChangeWatch } from '../db/changes.js';
import type { Database } from '../db/client.js';
import { createRequestQueue, type QueueLimits, type RequestQueue } from '../db/pool-guard.js';
import { compactMeetingCounts } from '../db/summaries.js';
import { DatabaseBusyError } from '../db/unavailable.js';
import { PageStore } from './cache-store.js';
import { pageCache, type CacheGate } from './cache.js';
import { clientAddress, trustedProxiesFromEnv } from './client-address.js';
import { DEFAULT_LIMITS, parseRatePolicy, RateLimiter, rateLimits, type LimitName } from './rate-limit.js';
import { databaseBusy, tooManyRequests } from './security.js';

export interface ServingParts {
  limits: Partial<Record<LimitName, RateLimiter | null>>;
  clientAddress: (c: Parameters<MiddlewareHandler>[0]) => string;
  cache: { store: PageStore; gate: CacheGate } | null;
  queue: RequestQueue | null;
  log?: (line: string) => void;
}

/** Requests refused by a full queue are logged as one line per 10 s, not one each. */
function refusalLog(log: (line: string) => void) {
  let count = 0;
  let timer: NodeJS.Timeout | null = null;
  return () => {
    count++;
    timer ??= setTimeout(() => {
      log(`referat: ${count} request${count === 1 ? '' : 's'} answered 503 (database queue full) in the last 10 s`);
      count = 0;
      timer = null;
    }, 10_000).unref();
  };
}

function queueMiddleware(queue: RequestQueue, log: (line: string) => void): MiddlewareHandler {
  const refused = refusalLog(log);
  return async (c, next) => {
    if (c.req.path.startsWith('/static/') || c.req.path === '/favicon.ico') return next();
    try {
      await queue.run(next);
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      refused();
      return databaseBusy(c, error.retryAfterSeconds);
    }
  };
}

/** The middleware, outermost first: rate limits, the page cache, the database queue. */
export function servingMiddleware(parts: ServingParts): MiddlewareHandler[] {
  const log = parts.log ?? console.error;
  return [
    rateLimits({ limits: parts.limits, clientAddress: parts.clientAddress, refuse: tooManyRequests }),
    ...(parts.cache ? [pageCache(parts.cache.store, parts.cache.gate)] : []),
    ...(parts.queue ? [queueMiddleware(parts.queue, log)] : []),
  ];
}

const whole = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return Number(raw);
};

/** The queue's limits for a driver from the environment, or null for none. */
export function queueLimitsFromEnv(driver: Database['driver'], env: NodeJS.ProcessEnv = process.env): QueueLimits | null {
  const raw = env.REFERAT_DB_QUEUE_CONCURRENCY?.trim().toLowerCase();
  if (raw === 'off' || (driver === 'postgres' && !raw)) return null;
  return {
    concurrency: whole('REFERAT_DB_QUEUE_CONCURRENCY', raw, 2, 1),
    maxQueued: whole('REFERAT_DB_QUEUE_LENGTH', env.REFERAT_DB_QUEUE_LENGTH, 64, 0),
    maxWaitMs: whole('REFERAT_DB_QUEUE_WAIT_MS', env.REFERAT_DB_QUEUE_WAIT_MS, 5000, 1),
  };
}

export function rateLimitersFromEnv(env: NodeJS.ProcessEnv = process.env): ServingParts['limits'] {
  const limiter = (name: LimitName, variable: string) => {
    const policy = parseRatePolicy(variable, env[variable], DEFAULT_LIMITS[name]);
    return policy ? new RateLimiter(policy) : null;
  };
  return { search: limiter('search', 'REFERAT_RATE_SEARCH'), login: limiter('login', 'REFERAT_RATE_LOGIN'), subscriptions: limiter('subscriptions', 'REFERAT_RATE_SUBSCRIPTIONS') };
}

export interface Serving {
  parts: ServingParts;
  /** One line for the start-up log. */
  describe(): string;
  close(): Promise<void>;
}

/**
 * Everything from the environment for a server on `database`: the cache starts over on every
 * change anyone commits (db/changes.ts), and meeting_counts' deltas are folded a minute after.
 */
export async function servingFromEnv(database: Database, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.error): Promise<Serving> {
  const cacheMb = whole('REFERAT_PAGE_CACHE_MB', env.REFERAT_PAGE_CACHE_MB?.replace(/^off$/i, '0'), 64, 0);
  const ttl = whole('REFERAT_PAGE_CACHE_TTL', env.REFERAT_PAGE_CACHE_TTL, 600, 1);
  const queueLimits = queueLimitsFromEnv(database.driver, env);
  const hops = trustedProxiesFromEnv(env);
  const limits = rateLimitersFromEnv(env);
  const store = cacheMb > 0 ? new PageStore({ maxBytes: cacheMb * 1024 * 1024, ttlMs: ttl * 1000 }) : null;

  let compaction: NodeJS.Timeout | null = null;
  const compact = () => compactMeetingCounts(database.db).catch((error: Error) => log(`referat: folding meeting_counts failed: ${error.message}`));
  const watch: ChangeWatch = await watchArchiveChanges(
    database.db,
    () => {
      store?.invalidate();
      compaction ??= setTimeout(() => {
        compaction = null;
        void compact();
      }, 60_000).unref();
    },
    log,
  );
  await compact();

  const parts: ServingParts = {
    limits,
    clientAddress: clientAddress(hops),
    cache: store ? { store, gate: { trusted: () => watch.live } } : null,
    queue: queueLimits ? createRequestQueue(queueLimits) : null,
    log,
  };
  const on = (name: LimitName) => (limits[name] ? `${limits[name].policy.limit}/${limits[name].policy.windowSeconds}s` : 'off');
  return {
    parts,
    describe: () =>
      `page cache ${store ? `${cacheMb} MB` : 'off'}; database queue ${queueLimits ? `${queueLimits.concurrency} at a time, ${queueLimits.maxQueued} waiting, ${queueLimits.maxWaitMs} ms` : 'off (the pool bounds it)'}; ` +
      `rate limits search ${on('search')}, login ${on('login')}, subscriptions ${on('subscriptions')}${hops ? `; ${hops} trusted prox${hops === 1 ? 'y' : 'ies'}` : ''}`,
    close: async () => {
      if (compaction) clearTimeout(compaction);
      await watch.close();
    },
  };
}
