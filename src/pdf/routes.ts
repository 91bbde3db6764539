/**
 * @module The PDF downloads: `/meetings/12/documents/agenda.pdf` and `…/minutes.pdf` (and
 * `supplementary-agenda.pdf`), the current version of that document as the request's viewer may
 * read it: members and secretaries of the meeting's organisation get their copy (never stored by
 * shared caches), everyone else the public one. Rendered copies are kept in a small LRU.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { contentDisposition } from '../web/download.js';
import { kindLabel } from '../web/format.js';
import { renderNotFoundPage } from '../web/pages/errors.js';
import { kindOfSegment } from '../web/urls.js';
import type { AppEnv } from '../web/app.js';
import { audienceOf, printView } from './audience.js';
import { createPdfCache, type PdfCache } from './cache.js';
import { renderPrintView } from './render.js';
import { dbPrintSources, type PrintSources } from './source.js';

export interface PdfRouteOptions {
  cache?: PdfCache;
  /** The creation date stamped into a render (tests fix it). */
  now?: () => Date;
}

/** The PDF routes over print sources (source.ts), to mount on the web app. */
export function createPdfRoutes(sources: PrintSources, options: PdfRouteOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = options.cache ?? createPdfCache();
  const now = options.now ?? (() => new Date());

  app.get('/meetings/:id/documents/:file{[a-z-]+\\.pdf}', async (c) => {
    const id = c.req.param('id');
    const kind = kindOfSegment(c.req.param('file').slice(0, -'.pdf'.length));
    const notFound = () => c.html(renderNotFoundPage(), 404);
    if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647 || kind === null) return notFound();
    const source = await sources(c.var.viewer, Number(id), kind);
    if (!source) return notFound();
    const audience = audienceOf(c.var.viewer, source.organizationId);
    const view = printView(source.model, audience);
    if (!view) return notFound();
    const organization = source.organization ?? source.model.body;
    // Everything a render depends on besides the version's model (which never changes).
    const key = JSON.stringify([source.versionId, audience, organization, source.approvedAt, source.note]);
    const bytes = await cache.get(key, () => renderPrintView(view, { audience, organization, approvedAt: source.approvedAt, note: source.note, generatedAt: now() }));
    const restricted = audience !== 'public';
    const etag = `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(`${kindLabel(kind)} ${organization ?? 'møde'} ${source.model.date ?? 'udateret'}.pdf`),
      'X-Content-Type-Options': 'nosniff',
      // A member's copy holds closed items: never kept by a shared or browser cache.
      'Cache-Control': restricted ? 'private, no-store' : 'no-cache',
      ...(restricted ? {} : { ETag: etag }),
    };
    if (!restricted && c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Length': String(bytes.byteLength) });
  });

  return app;
}

/** The PDF routes over the database, as `referat serve` mounts them. */
export function pdfRoutes(db: Db, options: PdfRouteOptions = {}): Hono<AppEnv> {
  return createPdfRoutes(dbPrintSources(db), options);
}
