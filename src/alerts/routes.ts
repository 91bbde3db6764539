/**
 * @module The alert routes, mounted at /subscriptions:
 * - `POST /subscriptions` (email, kind, target): a pending subscription and its confirmation mail;
 *   only with SMTP configured, and only from our own pages (Origin / Sec-Fetch-Site checked).
 * - `GET /subscriptions/confirm?token=` a page with a button; `POST /subscriptions/confirm` confirms.
 * - `GET /subscriptions/unsubscribe?token=` a page with a button; `POST` to the same URL ends the
 *   subscription (or, with an erase token, deletes the address). A POST whose body is
 *   `List-Unsubscribe=One-Click` (RFC 8058, sent by mail programs) gets a plain answer, no page.
 * Unsubscribing works without SMTP too: a subscriber can always leave.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createDbArchive } from '../db/archive.js';
import type { Db } from '../db/client.js';
import { CONFIRM_HOURS, confirm, subscribe, tokenInfo, unsubscribe, withdrawConfirmation, type AlertKind } from '../db/subscriptions.js';
import { ANONYMOUS } from '../model/index.js';
import { renderNotFoundPage } from '../web/pages/errors.js';
import { renderSubscriptionPage, type SubscriptionPage } from '../web/pages/subscription.js';
import { confirmationMail, describeSubscription, subscriptionPageUrl } from './compose.js';
import type { AlertConfig } from './config.js';
import { maskEmail, normalizeEmail } from './email.js';
import type { Mailer } from './mailer.js';
import { errorLine, type Log } from './run.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export interface AlertRouteOptions {
  db: Db;
  /** Null: no SMTP, so no subscribing (unsubscribing still works). */
  config: AlertConfig | null;
  mailer: Mailer | null;
  log?: Log;
}

/** What a subscription follows, checked against the archive as the public sees it. */
type Target = { kind: AlertKind; target: string; label: string };

/** Any whitespace or control character run as one space: labels go into mail subjects. */
const oneLineText = (text: string) => text.replace(/[\s\p{C}]+/gu, ' ').trim();

/** The routes; see the module comment. */
export function createAlertRoutes(options: AlertRouteOptions): Hono {
  const { db, config, mailer } = options;
  const log = options.log ?? console.error;
  const archive = createDbArchive(db);
  const app = new Hono();
  const page = (c: Context, view: SubscriptionPage, status: 200 | 400 | 403 | 404 | 429 | 503 = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(renderSubscriptionPage(view), status);
  };

  /** Resolves a form's kind and target to what it names, or null for nothing the public can see. */
  const resolve = async (kind: unknown, target: unknown): Promise<Target | null> => {
    if (typeof target !== 'string') return null;
    const text = target.trim();
    switch (kind) {
      case 'body': {
        const found = /^[a-z0-9-]{1,100}$/.test(text) ? await archive.getBody(ANONYMOUS, text) : null;
        return found ? { kind, target: found.body.slug, label: found.body.name } : null;
      }
      case 'case': {
        const found = text.length <= 100 && /^[^\p{C}]+$/u.test(text) ? await archive.getCase(ANONYMOUS, text) : null;
        return found ? { kind, target: found.caseNumber, label: oneLineText(found.caseNumber) } : null;
      }
      case 'person': {
        const found = text.length <= 200 && /^[^\p{C}]+$/u.test(text) ? await archive.getPerson(ANONYMOUS, text) : null;
        return found ? { kind, target: String(found.person.id), label: found.person.name } : null;
      }
      case 'search': {
        const q = oneLineText(text);
        return q && q.length <= 500 ? { kind, target: q, label: q } : null;
      }
      default:
        return null;
    }
  };

  app.post('/', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Too large', 413) }), async (c) => {
    if (!config || !mailer) return c.html(renderNotFoundPage(), 404);
    if (!fromOurPages(c, config.publicUrl)) return page(c, { kind: 'invalid', error: 'Tilmeldingen skal ske fra arkivets egne sider.', back: null }, 403);
    const form = await c.req.parseBody();
    const target = await resolve(form.kind, form.target);
    if (!target) return page(c, { kind: 'invalid', error: 'Det, du vil abonnere på, findes ikke i arkivet.', back: null }, 400);
    const back = subscriptionPageUrl(target);
    const email = normalizeEmail(form.email);
    if (!email.ok) return page(c, { kind: 'invalid', error: email.error, back }, 400);
    const result = await subscribe(db, { email: email.email, ...target }, newToken());
    if (result.status === 'limited') return page(c, { kind: 'limited' }, 429);
    const sent: SubscriptionPage = { kind: 'sent', email: email.email, description: describeSubscription(target), hours: CONFIRM_HOURS };
    // Already subscribed: the same answer, so the form tells no one who follows what.
    if (result.status === 'already') return page(c, sent);
    const link = `${config.publicUrl}/subscriptions/confirm?token=${result.token.token}`;
    try {
      await mailer.send(confirmationMail(email.email, target, link, CONFIRM_HOURS));
    } catch (error) {
      log(`referat: confirmation to ${maskEmail(email.email)} not sent: ${errorLine(error)}`);
      await withdrawConfirmation(db, result.token.hash);
      return page(c, { kind: 'mail-failed' }, 503);
    }
    return page(c, sent);
  });

  app.get('/confirm', async (c) => {
    const token = c.req.query('token');
    const info = isTokenShaped(token) ? await tokenInfo(db, hashToken(token)) : null;
    if (!info || info.purpose !== 'confirm' || !info.subscription) return page(c, { kind: 'dead-link' }, 404);
    return page(c, { kind: 'confirm', token: token!, description: describeSubscription(info.subscription) });
  });

  app.post('/confirm', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Too large', 413) }), async (c) => {
    if (!fromOurPages(c, config?.publicUrl ?? null)) return page(c, { kind: 'invalid', error: 'Bekræftelsen skal ske fra arkivets egne sider.', back: null }, 403);
    const token = (await c.req.parseBody()).token;
    if (!isTokenShaped(token)) return page(c, { kind: 'dead-link' }, 404);
    const done = await confirm(db, hashToken(token));
    return done ? page(c, { kind: 'confirmed', description: describeSubscription(done) }) : page(c, { kind: 'dead-link' }, 404);
  });

  app.get('/unsubscribe', async (c) => {
    const token = c.req.query('token');
    const info = isTokenShaped(token) ? await tokenInfo(db, hashToken(token)) : null;
    if (!info || info.purpose === 'confirm') return page(c, { kind: 'dead-link' }, 404);
    return page(c, { kind: 'unsubscribe', token: token!, description: info.subscription ? describeSubscription(info.subscription) : null });
  });

  // No origin check: the token is the authority, and one-click requests come from mail servers.
  app.post('/unsubscribe', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Too large', 413) }), async (c) => {
    const form = await c.req.parseBody();
    const oneClick = form['List-Unsubscribe'] === 'One-Click';
    const token = c.req.query('token') ?? form.token;
    const done = isTokenShaped(token) ? await unsubscribe(db, hashToken(token)) : null;
    c.header('Cache-Control', 'no-store');
    if (oneClick) return done ? c.text('Afmeldt.') : c.text('Linket virker ikke længere.', 404);
    if (!done) return page(c, { kind: 'dead-link' }, 404);
    return page(c, { kind: 'unsubscribed', description: done.subscription ? describeSubscription(done.subscription) : null });
  });

  return app;
}

/**
 * Whether a form post comes from our own pages. Browsers say so in Sec-Fetch-Site; older ones
 * only name the page's origin (Origin) — as "null" under our Referrer-Policy: no-referrer, which
 * is then refused. A request naming neither is no browser's, so no visitor is being used.
 */
export function fromOurPages(c: Context, publicUrl: string | null): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  try {
    const from = new URL(origin);
    return from.host === c.req.header('host') || (publicUrl !== null && from.origin === new URL(publicUrl).origin);
  } catch {
    return false; // "null" and other opaque origins
  }
}
