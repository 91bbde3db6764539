/**
 * @module The running server's internal endpoint, through which `referat import` stores documents
 * while `referat serve` holds the embedded database (only one process may open it).
 *
 * `POST /internal/import` with `Authorization: Bearer <token>` (the token from the lock file) and
 * JSON `{ files: [absolute paths], options: { body?, date? } }`. The answer streams NDJSON events:
 * `progress` for each file as the local import reports it, `wait` every few seconds as a
 * heartbeat, and finally `summary` (or `error`). The endpoint listens on its own socket bound to
 * 127.0.0.1 — never on the public address — and also refuses any peer that is not loopback.
 *
 * Paths, not bytes: the caller and the server are on one machine, and whoever can read the token
 * (a 0600 file of the server's user) can already read what the server can. So the server reads
 * the files itself and runs the very `importFiles` the command runs locally — the same parsing on
 * worker threads, the same summary and file names — with no upload to size-limit or buffer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ImportSummary } from '../cli/import.js';
import type { ImportOptions } from '../import/index.js';

export interface ImportRequest {
  files: string[];
  options: ImportOptions;
}

export type ImportEvent =
  | { type: 'progress'; done: number; file: string }
  | { type: 'wait' }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'error'; message: string };

export interface InternalOptions {
  /** The secret written into the lock file. */
  token: string;
  /** Runs the import (the server's `importFiles` on its open database). */
  runImport(request: ImportRequest, progress: (done: number, file: string) => void): Promise<ImportSummary>;
  /** How often a heartbeat line is sent while an import runs or waits its turn. */
  heartbeatMs?: number;
}

/** Whether an address is the loopback interface (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Compares the presented bearer token with the expected one in constant time. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  if (!presented || !token) return false;
  // Hashing first gives equal lengths, so timingSafeEqual reveals nothing, not even the length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** Checks the JSON of an import request. */
export function parseImportRequest(value: unknown): ImportRequest | { error: string } {
  if (!value || typeof value !== 'object') return { error: 'expected a JSON object' };
  const { files, options = {} } = value as { files?: unknown; options?: unknown };
  if (!Array.isArray(files) || files.length === 0 || files.length > 1_000_000) return { error: 'files must be a non-empty list' };
  if (!files.every((f) => typeof f === 'string' && path.isAbsolute(f) && !f.includes('\u0000'))) return { error: 'files must be absolute paths' };
  if (!options || typeof options !== 'object') return { error: 'options must be an object' };
  const { body, date, authority, force } = options as { body?: unknown; date?: unknown; authority?: unknown; force?: unknown };
  if (authority !== undefined && (typeof authority !== 'string' || !authority)) return { error: 'options.authority must be a name' };
  if (force !== undefined && typeof force !== 'boolean') return { error: 'options.force must be true or false' };
  if (body !== undefined && (typeof body !== 'string' || !body)) return { error: 'options.body must be a name' };
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) return { error: 'options.date must be YYYY-MM-DD' };
  return {
    files: files as string[],
    options: { ...(body ? { body } : {}), ...(date ? { date } : {}), ...(authority ? { authority: authority as string } : {}), ...(force ? { force: true } : {}) },
  };
}

/** The internal application; served by `serveInternal` on loopback only. */
export function createInternalApp(options: InternalOptions): Hono {
  const app = new Hono();
  const heartbeatMs = options.heartbeatMs ?? 5000;
  // Imports run one after another: each stores its files one transaction at a time anyway.
  let queue: Promise<unknown> = Promise.resolve();

  app.use('*', async (c, next) => {
    let address: string | undefined;
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined; // not over a socket (in-process tests): there is no remote peer
    }
    if (address !== undefined && !isLoopbackAddress(address)) return c.json({ error: 'only from this machine' }, 403);
    if (!tokenMatches(c.req.header('authorization'), options.token)) return c.json({ error: 'missing or wrong token' }, 403);
    return next();
  });

  app.post('/internal/import', bodyLimit({ maxSize: 64 * 1024 * 1024 }), async (c) => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json({ error: 'expected a JSON body' }, 400);
    }
    const request = parseImportRequest(json);
    if ('error' in request) return c.json({ error: request.error }, 400);

    const encoder = new TextEncoder();
    let open = true;
    let heartbeat: NodeJS.Timeout | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: ImportEvent) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          } catch {
            open = false;
          }
        };
        heartbeat = setInterval(() => send({ type: 'wait' }), heartbeatMs);
        const run = queue.then(() => options.runImport(request, (done, file) => send({ type: 'progress', done, file })));
        queue = run.catch(() => undefined);
        // The import goes on if the caller goes away: the files it asked for are stored all the same.
        run
          .then((summary) => send({ type: 'summary', summary }))
          .catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
          .finally(() => {
            clearInterval(heartbeat);
            if (open) controller.close();
            open = false;
          });
      },
      cancel() {
        open = false;
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
  });

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
