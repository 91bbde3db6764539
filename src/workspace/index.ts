/**
 * @module The secretariat's workspace at /arbejdsrum (issue 11): where agendas and minutes are
 * written, imported documents corrected, and meetings published. Every route needs a signed-in
 * account that writes for some organisation (src/workspace/access.ts decides per organisation);
 * every POST carries the session's CSRF token and a body no larger than the upload limit.
 * Plain forms first: every page works without JavaScript.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkSessionCsrf, CSRF_FIELD } from '../auth/csrf.js';
import { currentAccount, type SignedIn } from '../auth/current.js';
import { CSRF_REFUSED } from '../auth/login.js';
import type { Archive } from '../archive/types.js';
import type { Db } from '../db/client.js';
import type { Viewer } from '../model/index.js';
import { renderForbiddenPage } from '../web/pages/login.js';
import { listOrganizations } from '../db/users.js';
import { secretaryOrganizations, writesAnywhere } from './access.js';
import { renderWorkspaceHome } from './pages/home.js';
import { renderUploadTooLargePage } from './pages/errors.js';
import { createAllocationWorkspace } from './allocation/index.js';
import { importRoutes } from './import/routes.js';
import { peopleRoutes } from './people/routes.js';
import { derivedRoutes } from './derived/routes.js';
import { createMinutesRoutes } from './minutes/routes.js';
import { builderRoutes } from './builder/index.js';

type Env = { Variables: { viewer: Viewer } };

/** Default upper bound of one upload (a bilag or a document to import): 25 MB; REFERAT_MAX_UPLOAD_MB changes it. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface WorkspaceOptions {
  /** The clock (tests fix it). */
  now?: () => Date;
  /** The largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  /** Called after anything is published (the e-mail alerts send what is new: src/alerts). */
  onPublished?: () => void;
}

/** What every part of the workspace is built with. */
export interface WorkspaceDeps {
  db: Db;
  archive: Archive;
  now: () => Date;
  maxUploadBytes: number;
  /** To call after a publication has committed. */
  published: () => void;
}

export interface Workspace {
  routes: Hono<Env>;
}

/** The signed-in account of the request; the guard has made sure there is one. */
export const signedIn = (): SignedIn => currentAccount()!;

/** The upload limit from REFERAT_MAX_UPLOAD_MB, else the default. */
export function maxUploadBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.REFERAT_MAX_UPLOAD_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_UPLOAD_BYTES;
}

export function createWorkspace(db: Db, archive: Archive, options: WorkspaceOptions = {}): Workspace {
  const deps: WorkspaceDeps = {
    db,
    archive,
    now: options.now ?? (() => new Date()),
    maxUploadBytes: options.maxUploadBytes ?? maxUploadBytesFromEnv(),
    published: options.onPublished ?? (() => {}),
  };
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const account = currentAccount();
    if (!account) {
      if (c.req.method === 'GET') return c.redirect(`/log-ind?next=${encodeURIComponent(c.req.path)}`, 303);
      return c.html(renderForbiddenPage('Arbejdsrummet er for sekretariater. Log ind først.', true), 403);
    }
    if (!writesAnywhere(account.user)) return c.html(renderForbiddenPage('Arbejdsrummet er kun for sekretariater.'), 403);
    await next();
  });
  // A body over the limit is refused before it is read into memory (multipart overhead allowed for).
  app.post(
    '*',
    bodyLimit({ maxSize: deps.maxUploadBytes + 1024 * 1024, onError: (c) => c.html(renderUploadTooLargePage(deps.maxUploadBytes), 413) }),
    async (c, next) => {
      const form = await c.req.parseBody({ all: true });
      if (!checkSessionCsrf(signedIn().token, form[CSRF_FIELD])) return c.html(renderForbiddenPage(CSRF_REFUSED), 403);
      await next();
    },
  );

  app.get('/', async (c) => {
    const user = signedIn().user;
    const organizations = user.admin ? await listOrganizations(db) : secretaryOrganizations(user);
    return c.html(renderWorkspaceHome({ organizations }));
  });

  // Parts of the workspace mount here, each with `deps`.
  app.route('/fordelinger', createAllocationWorkspace(deps)); // allocation keys and population figures (issue 13)
  app.route('/indlaes', importRoutes(deps));
  app.route('/personer', peopleRoutes(deps)); // identity suggestions (issue 12)
  app.route('/udledt', derivedRoutes(deps)); // corrections of derived records (issue 12)
  app.route('/', createMinutesRoutes(deps)); // /moeder/:id/referat, /referater/:id (minutes/routes.ts)
  app.route('/', builderRoutes(deps));
  return { routes: app };
}
