/**
 * @module Accounts in the web app: the session middleware (which sets the request's viewer from
 * the `referat_session` cookie), log-in and log-out (/log-ind, /log-ud, throttled), and the admin
 * pages (/admin/brugere, /admin/log). `createApp` mounts them with `parts.accounts`.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../db/client.js';
import { DEFAULT_SESSION_POLICY, sessionUser, type SessionPolicy } from '../db/sessions.js';
import { getUser, viewerOf } from '../db/users.js';
import { ANONYMOUS, type Viewer } from '../model/index.js';
import { adminRoutes } from './admin.js';
import { SESSION_COOKIE } from './cookies.js';
import { sessionCsrf } from './csrf.js';
import { runWithAccount, type SignedIn } from './current.js';
import { loginRoutes } from './login.js';
import { createThrottle, DEFAULT_THROTTLE, type Clock, type ThrottlePolicy } from './throttle.js';
import { newToken } from './tokens.js';

type Env = { Variables: { viewer: Viewer } };

export interface AccountsOptions {
  clock?: Clock;
  sessions?: SessionPolicy;
  throttle?: ThrottlePolicy;
  /** Signs the log-in form's token; REFERAT_SECRET, else random per process (forms open across a restart are refused once). */
  secret?: string;
  /** The client's address for throttling; default the TCP peer (set it when behind a proxy). */
  clientIp?: (c: Context) => string;
}

export interface Accounts {
  middleware: MiddlewareHandler<Env>;
  routes: Hono<Env>;
}

/** The TCP peer's address, or "unknown" where there is none (requests made in tests). */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createAccounts(db: Db, options: AccountsOptions = {}): Accounts {
  const clock = options.clock ?? (() => new Date());
  const policy = options.sessions ?? DEFAULT_SESSION_POLICY;
  const deps = {
    db,
    clock,
    policy,
    throttle: createThrottle(db, clock, options.throttle ?? DEFAULT_THROTTLE),
    secret: options.secret ?? process.env.REFERAT_SECRET ?? newToken(),
    clientIp: options.clientIp ?? peerAddress,
  };

  const middleware: MiddlewareHandler<Env> = async (c, next) => {
    let account: SignedIn | null = null;
    const token = getCookie(c, SESSION_COOKIE);
    // Requests without the cookie (the public, crawlers) and for static files cost no query.
    if (token && token.length <= 100 && !c.req.path.startsWith('/static/')) {
      const session = await sessionUser(db, token, clock(), policy);
      const user = session && (await getUser(db, session.userId));
      if (user?.active) account = { user, token, csrf: sessionCsrf(token) };
    }
    c.set('viewer', account ? viewerOf(account.user) : ANONYMOUS);
    await runWithAccount(account, next);
    // A signed-in page may show closed items: no shared cache may keep it.
    if (account) c.header('Cache-Control', 'private, no-store');
  };

  const routes = new Hono<Env>();
  routes.route('/', loginRoutes(deps));
  routes.route('/admin', adminRoutes(deps));
  return { middleware, routes };
}

export type AccountDeps = {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  throttle: ReturnType<typeof createThrottle>;
  secret: string;
  clientIp: (c: Context) => string;
};
