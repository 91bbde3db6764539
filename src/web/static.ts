/** @module Static assets: the dkfds build (CSS, fonts, icons) and Referat's own small stylesheet. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** The dkfds `dist/` directory, found through Node's resolution so it works from any cwd. */
export function dkfdsDistDir(): string {
  // dkfds exports only its JS bundle (dist/js/dkfds.min.js); dist/ is two levels up.
  const main = createRequire(import.meta.url).resolve('dkfds');
  return dirname(dirname(main));
}

/** Directory of Referat's own static files (src/web/static). */
export function ownStaticDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'static');
}

const ONE_DAY = 'public, max-age=86400';

/** Serve `/static/dkfds/*` from the dkfds build and `/static/*` from our own directory. */
export function staticAssets(): { dkfds: MiddlewareHandler; own: MiddlewareHandler } {
  const withCache = (handler: MiddlewareHandler): MiddlewareHandler => async (c, next) => {
    // serveStatic returns the file's response (or calls next() when there is none).
    const res = await handler(c, next);
    if (res instanceof Response && res.ok) res.headers.set('Cache-Control', ONE_DAY);
    return res;
  };
  return {
    dkfds: withCache(serveStatic({ root: dkfdsDistDir(), rewriteRequestPath: (p) => p.replace(/^\/static\/dkfds/, '') })),
    own: withCache(serveStatic({ root: ownStaticDir(), rewriteRequestPath: (p) => p.replace(/^\/static/, '') })),
  };
}
