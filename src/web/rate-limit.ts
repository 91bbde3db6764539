/**
 * @module Rate limits per client on the endpoints that cost the most or can be abused: search (the
 * search page, its feed, /api/search), log-in (each attempt is a deliberately slow scrypt), and
 * the subscription forms (each subscription sends a mail). A token bucket per client and limit,
 * in memory: `limit` requests at once, refilled at `limit` per `windowSeconds`; over it the answer
 * is 429 with Retry-After. The database-kept log-in throttle (auth/throttle.ts) still locks an
 * address after failures; this one bounds the rate of requests whatever their outcome.
 */
import type { Context, MiddlewareHandler } from 'hono';

export interface RatePolicy {
  limit: number;
  windowSeconds: number;
}

export type LimitName = 'search' | 'login' | 'subscriptions';

export const DEFAULT_LIMITS: Record<LimitName, RatePolicy> = {
  search: { limit: 60, windowSeconds: 60 },
  login: { limit: 10, windowSeconds: 60 },
  subscriptions: { limit: 30, windowSeconds: 600 },
};

/** Which limit a request counts against, if any. */
export function limitOf(method: string, path: string): LimitName | null {
  if ((method === 'GET' || method === 'HEAD') && (path === '/search' || path === '/search/feed.atom' || path === '/api/search')) return 'search';
  if (method === 'POST' && path === '/log-ind') return 'login';
  if (method === 'POST' && (path === '/subscriptions' || path.startsWith('/subscriptions/'))) return 'subscriptions';
  return null;
}

/** "60/60" (60 requests per 60 seconds), or "off"/"0" for none; anything else is an error naming the variable. */
export function parseRatePolicy(name: string, raw: string | undefined, fallback: RatePolicy): RatePolicy | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim().toLowerCase();
  if (text === 'off' || text === '0') return null;
  const m = /^(\d{1,7})\s*\/\s*(\d{1,7})$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${name} must be REQUESTS/SECONDS (e.g. 60/60) or off, not "${raw}"`);
  return { limit: Number(m[1]), windowSeconds: Number(m[2]) };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets for one policy; at most `maxClients` are kept (the least recently seen go first). */
export class RateLimiter {
  #buckets = new Map<string, Bucket>();
  constructor(
    readonly policy: RatePolicy,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 50_000,
  ) {}

  /** Takes one request's token for `client`: 0 when allowed, else the seconds until one is free. */
  take(client: string): number {
    const now = this.now();
    const rate = this.policy.limit / (this.policy.windowSeconds * 1000);
    const old = this.#buckets.get(client);
    const tokens = old ? Math.min(this.policy.limit, old.tokens + (now - old.at) * rate) : this.policy.limit;
    if (old) this.#buckets.delete(client); // re-inserted last: the map's order is recency
    if (tokens >= 1) {
      this.#buckets.set(client, { tokens: tokens - 1, at: now });
      this.#trim();
      return 0;
    }
    this.#buckets.set(client, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
  }

  #trim(): void {
    for (const [key] of this.#buckets) {
      if (this.#buckets.size <= this.maxClients) return;
      this.#buckets.delete(key);
    }
  }
}

export interface RateLimitOptions {
  limits: Partial<Record<LimitName, RateLimiter | null>>;
  clientAddress: (c: Context) => string;
  /** The answer over the limit: a Danish page (JSON under /api/), with Retry-After set. */
  refuse: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
}

export function rateLimits(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const name = limitOf(c.req.method, c.req.path);
    const limiter = name ? options.limits[name] : null;
    if (!limiter) return next();
    const wait = limiter.take(options.clientAddress(c));
    if (wait === 0) return next();
    c.header('Retry-After', String(wait));
    return options.refuse(c, wait);
  };
}
