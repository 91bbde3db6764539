/**
 * @module The page cache: public pages as the anonymous reader gets them (front, bodies, meetings,
 * items, cases, people, search, feeds, the JSON API and OParl), rendered once and served from
 * memory until the archive changes (cache-store.ts). Only a GET without a session cookie or
 * credentials is answered from it, and only a 200 without Set-Cookie or a Cache-Control of its own
 * is kept; the workspace, admin, log-in, subscriptions, downloads and PDFs never are. Every
 * anonymous page it serves carries an ETag (If-None-Match answers 304), `Cache-Control: public,
 * no-cache` (any cache may keep it, but asks each time) and `Vary: Cookie`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/cookies.js';
import { etagOf, type CachedPage, type PageStore } from './cache-store.js';
import { originOf } from './urls.js';

/** Never from the cache: what a signed-in person, a form or a download gets, and what has its own caching. */
const PRIVATE_PATHS = [/^\/arbejdsrum(\/|$)/, /^\/admin(\/|$)/, /^\/log-(ind|ud)$/, /^\/subscriptions(\/|$)/, /^\/internal(\/|$)/, /^\/files\//, /^\/documents\//, /^\/static\//, /\.pdf$/];
const CACHED_TYPES = /^(text\/html|application\/json|application\/xml|application\/atom\+xml|text\/calendar|text\/plain)\b/;

export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

export interface CacheGate {
  /** Whether entries can be trusted now (false while changes cannot be heard). */
  trusted(): boolean;
}

/** Whether this request may be answered with what the anonymous public gets. */
export function isAnonymousRead(c: Context): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  if (c.req.header('authorization') !== undefined || getCookie(c, SESSION_COOKIE) !== undefined) return false;
  const path = c.req.path;
  return !PRIVATE_PATHS.some((p) => p.test(path));
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));

function respond(c: Context, page: CachedPage): Response {
  const headers = new Headers(page.headers);
  // A 503 of a full database queue, shared with the requests that waited for the same render.
  if (page.status !== 200) return new Response(page.body as Uint8Array<ArrayBuffer>, { status: page.status, headers });
  headers.set('ETag', page.etag);
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  headers.set('Vary', 'Cookie');
  if (matches(c.req.header('if-none-match'), page.etag)) {
    headers.delete('Content-Type');
    headers.delete('Content-Length');
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(page.body.byteLength));
  return new Response(page.body as Uint8Array<ArrayBuffer>, { status: page.status, headers });
}

/** The response as a page to keep, or null when it may not be kept (its body then left unread). */
async function capture(res: Response): Promise<CachedPage | null> {
  // "Busy, retry": not kept, but given to those waiting for this render, so none waits twice.
  const busy = res.status === 503 && res.headers.has('retry-after');
  if ((res.status !== 200 && !busy) || res.headers.has('set-cookie') || res.headers.has('cache-control')) return null;
  if (!CACHED_TYPES.test(res.headers.get('content-type') ?? '')) return null;
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = [...res.headers].filter(([name]) => name !== 'content-length');
  return { status: res.status, headers, body, etag: etagOf(body) };
}

export function pageCache(store: PageStore, gate: CacheGate = { trusted: () => true }): MiddlewareHandler {
  return async (c, next) => {
    if (!isAnonymousRead(c) || !gate.trusted()) return next();
    const url = new URL(c.req.url);
    // The origin is part of the key: pages name it in feeds' and calendars' links.
    const key = `${originOf(c)}${url.pathname}${url.search}`;
    // No await between looking and `begin`: concurrent misses of one page then share one render.
    let hit = store.get(key);
    const rendering = hit ? undefined : store.pending(key);
    if (rendering) hit = (await rendering) ?? undefined;
    if (hit) {
      store.hits++;
      return respond(c, hit);
    }
    store.misses++;
    const generation = store.generation;
    const done = store.begin(key);
    let page: CachedPage | null = null;
    try {
      await next();
      page = await capture(c.res);
      if (page?.status === 200) store.set(key, page, generation);
    } finally {
      done(page);
    }
    if (page) c.res = respond(c, page);
  };
}
