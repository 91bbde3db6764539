/**
 * @module /admin/brugere and /admin/log: admins only (403 for everyone else, signed in or not).
 * Every POST checks the session's CSRF token first; every change writes its audit row with it.
 */
import { Hono, type Context } from 'hono';
import { listAudit, type Actor } from '../db/audit.js';
import { AccountError, createUser, getUser, listOrganizations, listUsers, setActive, setRoles, type RoleGrant } from '../db/users.js';
import { renderAuditPage } from '../web/pages/admin-log.js';
import { renderUserPage, renderUsersPage } from '../web/pages/admin-users.js';
import { renderNotFoundPage } from '../web/pages/errors.js';
import { renderForbiddenPage } from '../web/pages/login.js';
import { checkSessionCsrf, CSRF_FIELD } from './csrf.js';
import { currentAccount, type SignedIn } from './current.js';
import type { AccountDeps } from './index.js';
import { CSRF_REFUSED } from './login.js';
import { hashPassword, passwordProblem } from './password.js';

type Form = Record<string, string | File | (string | File)[]>;

const all = (form: Form, name: string): string[] => {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
const one = (form: Form, name: string): string => {
  const v = form[name];
  return typeof v === 'string' ? v : '';
};

/** "ORG-ID:ROLE" checkbox values, limited to organisations that exist. */
function parseRoles(values: string[], organizationIds: Set<number>): RoleGrant[] {
  return values.flatMap((v) => {
    const m = /^(\d{1,10}):(member|secretary)$/.exec(v);
    return m && organizationIds.has(Number(m[1])) ? [{ organizationId: Number(m[1]), role: m[2] as RoleGrant['role'] }] : [];
  });
}

const actorOf = (a: SignedIn): Actor => ({ kind: 'user', userId: a.user.id, email: a.user.email });

export function adminRoutes(deps: AccountDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  // Admins only; anyone else, signed in or not, gets 403.
  app.use('*', async (c, next) => {
    const account = currentAccount();
    if (!account?.user.admin) {
      return c.html(renderForbiddenPage(account ? 'Siden er kun for administratorer.' : 'Siden er kun for administratorer. Log ind først.', !account), 403);
    }
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody({ all: true });
      if (!checkSessionCsrf(account.token, form[CSRF_FIELD])) return c.html(renderForbiddenPage(CSRF_REFUSED), 403);
    }
    await next();
  });

  const account = () => currentAccount()!;
  const form = (c: Context) => c.req.parseBody({ all: true }) as Promise<Form>;
  const userId = (c: Context) => (/^[1-9]\d{0,9}$/.test(c.req.param('id') ?? '') ? Number(c.req.param('id')) : null);

  const usersPage = async (c: Context, extra: { error?: string; saved?: string; draft?: { email: string; displayName: string } } = {}, status: 200 | 400 = 200) =>
    c.html(renderUsersPage({ users: await listUsers(db), organizations: await listOrganizations(db), csrf: account().csrf, ...extra }), status);

  const userPage = async (c: Context, id: number, extra: { error?: string; saved?: string } = {}, status: 200 | 400 = 200) => {
    const user = await getUser(db, id);
    if (!user) return c.html(renderNotFoundPage(), 404);
    return c.html(renderUserPage({ user, organizations: await listOrganizations(db), csrf: account().csrf, ...extra }), status);
  };

  app.get('/brugere', (c) => usersPage(c, { saved: c.req.query('oprettet') !== undefined ? 'Brugeren er oprettet.' : undefined }));

  app.post('/brugere', async (c) => {
    const f = await form(c);
    const draft = { email: one(f, 'email').trim().slice(0, 254), displayName: one(f, 'displayName').trim().slice(0, 200) };
    const password = one(f, 'password');
    const problem = !draft.email ? 'Skriv en e-mailadresse.' : !draft.displayName ? 'Skriv brugerens navn.' : passwordProblem(password);
    if (problem) return usersPage(c, { error: problem, draft }, 400);
    const orgIds = new Set((await listOrganizations(db)).map((o) => o.id));
    try {
      await createUser(db, actorOf(account()), {
        email: draft.email,
        displayName: draft.displayName,
        passwordHash: await hashPassword(password),
        admin: one(f, 'admin') === '1',
        roles: parseRoles(all(f, 'roles'), orgIds),
      });
    } catch (error) {
      if (error instanceof AccountError) return usersPage(c, { error: error.message, draft }, 400);
      throw error;
    }
    return c.redirect('/admin/brugere?oprettet', 303);
  });

  app.get('/brugere/:id', async (c) => {
    const id = userId(c);
    if (id === null) return c.html(renderNotFoundPage(), 404);
    return userPage(c, id, { saved: c.req.query('gemt') !== undefined ? 'Ændringen er gemt.' : undefined });
  });

  app.post('/brugere/:id/roller', async (c) => {
    const id = userId(c);
    if (id === null) return c.html(renderNotFoundPage(), 404);
    const f = await form(c);
    const orgIds = new Set((await listOrganizations(db)).map((o) => o.id));
    try {
      await setRoles(db, actorOf(account()), id, one(f, 'admin') === '1', parseRoles(all(f, 'roles'), orgIds));
    } catch (error) {
      if (error instanceof AccountError) return userPage(c, id, { error: error.message }, 400);
      throw error;
    }
    return c.redirect(`/admin/brugere/${id}?gemt`, 303);
  });

  app.post('/brugere/:id/aktiv', async (c) => {
    const id = userId(c);
    if (id === null) return c.html(renderNotFoundPage(), 404);
    const f = await form(c);
    try {
      await setActive(db, actorOf(account()), id, one(f, 'active') === '1');
    } catch (error) {
      if (error instanceof AccountError) return userPage(c, id, { error: error.message }, 400);
      throw error;
    }
    return c.redirect(`/admin/brugere/${id}?gemt`, 303);
  });

  app.get('/log', async (c) => c.html(renderAuditPage(await listAudit(db))));

  return app;
}
