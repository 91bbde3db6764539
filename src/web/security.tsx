/**
 * @module The answers of the security baseline: a request body over the limit (413), too many
 * requests from one client (429, rate-limit.ts), a database too busy to answer in time (503,
 * db/pool-guard.ts' queue) — a Danish page, or JSON `{"error": …}` under /api/ — and the body
 * limit itself: every request that may carry a body is cut off at REFERAT_MAX_BODY_KB (64 KB) but
 * in the workspace, which sets its own for uploads (REFERAT_MAX_UPLOAD_MB).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Layout, renderPage } from './layout.js';

const isApi = (c: Context) => c.req.path.startsWith('/api/') || c.req.path.startsWith('/oparl/');

function answer(c: Context, status: 413 | 429 | 503, title: string, text: string): Response {
  if (isApi(c)) return c.json({ error: text }, status);
  return c.html(
    renderPage(
      <Layout title={title}>
        <h1>{title}</h1>
        <p class="font-lead">{text}</p>
        <p>
          <a href="/">Gå til forsiden</a>
        </p>
      </Layout>,
    ),
    status,
  );
}

const seconds = (n: number) => (n === 1 ? '1 sekund' : `${n} sekunder`);

export function tooManyRequests(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return answer(c, 429, 'For mange forespørgsler', `Der er kommet for mange forespørgsler fra din adresse på kort tid. Prøv igen om ${seconds(retryAfterSeconds)}.`);
}

export function databaseBusy(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return answer(c, 503, 'Arkivet har travlt', `Arkivet har lige nu flere forespørgsler, end det kan nå at svare på. Prøv igen om ${seconds(retryAfterSeconds)}.`);
}

export function bodyTooLarge(c: Context, maxBytes: number): Response {
  return answer(c, 413, 'Forespørgslen er for stor', `Det indsendte fylder mere end de ${Math.round(maxBytes / 1024)} KB, arkivet tager imod her.`);
}

/** REFERAT_MAX_BODY_KB in bytes (default 64 KB); anything but a positive whole number is an error naming it. */
export function maxBodyBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REFERAT_MAX_BODY_KB?.trim();
  if (!raw) return 64 * 1024;
  if (!/^[1-9]\d{0,6}$/.test(raw)) throw new Error(`REFERAT_MAX_BODY_KB must be a positive number of kilobytes, not "${raw}"`);
  return Number(raw) * 1024;
}

/** Bodies over `maxBytes` are refused before they are read (Content-Length, or counted as they stream). */
export function bodyLimits(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({ maxSize: maxBytes, onError: (c) => bodyTooLarge(c, maxBytes) });
  return async (c, next) => {
    const method = c.req.method;
    // The workspace takes uploads and guards them with its own, larger limit.
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || /^\/arbejdsrum(\/|$)/.test(c.req.path)) return next();
    return limit(c, next);
  };
}
