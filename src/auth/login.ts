/**
 * @module /log-ind and /log-ud. Log-in: the signed double-submit token, then the throttle (per
 * address and per IP), then the password; an unknown address is checked against a dummy hash so it
 * takes as long and counts the same. Success starts a new session (never reuses one) and rehashes
 * a password stored with old parameters. Log-out deletes the session.
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createSession, deleteSession } from '../db/sessions.js';
import { findLogin, normalizeEmail, updatePasswordHash } from '../db/users.js';
import { renderForbiddenPage, renderLoggedOutPage, renderLoginPage, renderLogoutPage } from '../web/pages/login.js';
import { clearOwnCookie, SESSION_COOKIE, setOwnCookie } from './cookies.js';
import { checkLoginCsrf, checkSessionCsrf, CSRF_FIELD, LOGIN_CSRF_COOKIE, loginCsrf, newLoginNonce } from './csrf.js';
import { currentAccount, runWithAccount } from './current.js';
import type { AccountDeps } from './index.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password.js';

/** The Danish 403 of a form whose token is missing or wrong. */
export const CSRF_REFUSED = 'Formularen kunne ikke godkendes, fordi den mangler en gyldig sikkerhedsnøgle. Den kan være for gammel eller sendt fra en anden side. Genindlæs siden, og prøv igen.';

const clockTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** A path on this site to return to after log-in; anything else (other hosts, "//x") is dropped. */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]{0,500}$/.test(value) && !value.startsWith('/log-') ? value : undefined;
}

export function loginRoutes(deps: AccountDeps): Hono {
  const app = new Hono();

  /** The log-in form's token, with its cookie set when the browser has none yet. */
  const loginToken = (c: Context): string => {
    let nonce = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!nonce || nonce.length > 100) {
      nonce = newLoginNonce();
      setOwnCookie(c, LOGIN_CSRF_COOKIE, nonce, 24 * 60 * 60, '/log-ind');
    }
    return loginCsrf(deps.secret, nonce);
  };

  const lockedPage = (c: Context, until: Date, email: string, next?: string) => {
    const minutes = Math.max(1, Math.ceil((until.getTime() - deps.clock().getTime()) / 60_000));
    c.header('Retry-After', String(minutes * 60));
    return c.html(renderLoginPage({ csrf: loginToken(c), email, next, locked: { minutes, until: clockTime.format(until) } }), 429);
  };

  app.get('/log-ind', (c) => {
    const account = currentAccount();
    const next = safeNext(c.req.query('next'));
    if (account) return c.redirect(next ?? '/', 303);
    return c.html(renderLoginPage({ csrf: loginToken(c), next }));
  });

  app.post('/log-ind', async (c) => {
    const form = await c.req.parseBody();
    if (!checkLoginCsrf(deps.secret, getCookie(c, LOGIN_CSRF_COOKIE), form[CSRF_FIELD])) return c.html(renderForbiddenPage(CSRF_REFUSED), 403);
    const email = typeof form.email === 'string' ? normalizeEmail(form.email).slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1000) : '';
    const next = safeNext(form.next);
    if (!email || !password) {
      return c.html(renderLoginPage({ csrf: loginToken(c), email, next, error: 'Skriv både din e-mailadresse og din adgangskode.' }), 400);
    }
    const ip = deps.clientIp(c);
    const locked = await deps.throttle.lockedUntil(email, ip);
    if (locked) return lockedPage(c, locked, email, next);

    const login = await findLogin(deps.db, email);
    const matches = await verifyPassword(password, login?.passwordHash ?? DUMMY_HASH);
    if (!login || !matches) {
      const lock = await deps.throttle.fail(email, ip);
      if (lock) return lockedPage(c, lock, email, next);
      return c.html(renderLoginPage({ csrf: loginToken(c), email, next, error: 'E-mailadressen eller adgangskoden er forkert.' }), 401);
    }
    await deps.throttle.succeed(email);
    if (needsRehash(login.passwordHash)) await updatePasswordHash(deps.db, login.id, await hashPassword(password));
    // A session the browser already had is ended: a fresh token for every log-in.
    const old = getCookie(c, SESSION_COOKIE);
    if (old && old.length <= 100) await deleteSession(deps.db, old);
    const session = await createSession(deps.db, login.id, email, deps.clock(), deps.policy);
    setOwnCookie(c, SESSION_COOKIE, session.token, Math.floor(deps.policy.absoluteMs / 1000));
    clearOwnCookie(c, LOGIN_CSRF_COOKIE, '/log-ind');
    return c.redirect(next ?? '/', 303);
  });

  app.get('/log-ud', (c) => {
    const account = currentAccount();
    if (!account) return c.redirect('/log-ind', 303);
    return c.html(renderLogoutPage({ csrf: account.csrf, name: account.user.displayName }));
  });

  app.post('/log-ud', async (c) => {
    const account = currentAccount();
    const form = await c.req.parseBody();
    if (!account) {
      clearOwnCookie(c, SESSION_COOKIE);
      return c.html(runWithAccount(null, renderLoggedOutPage));
    }
    if (!checkSessionCsrf(account.token, form[CSRF_FIELD])) return c.html(renderForbiddenPage(CSRF_REFUSED), 403);
    await deleteSession(deps.db, account.token);
    clearOwnCookie(c, SESSION_COOKIE);
    return c.html(runWithAccount(null, renderLoggedOutPage));
  });

  return app;
}
