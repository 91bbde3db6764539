/**
 * @module The web archive: routes over the `Archive` read interface. Routes stay thin — parse and
 * validate input, ask the archive, hand plain view data to a page renderer.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Archive } from '../archive/types.js';
import { ANONYMOUS, type Viewer } from '../model/index.js';
import { renderBodyPage } from './pages/body.js';
import { renderCasePage } from './pages/case.js';
import { renderBadRequestPage, renderErrorPage, renderNotFoundPage, renderUnavailablePage } from './pages/errors.js';
import { renderFrontPage } from './pages/front.js';
import { renderItemPage } from './pages/item.js';
import { renderMeetingPage } from './pages/meeting.js';
import { renderPeoplePage } from './pages/people.js';
import { renderPromisesPage } from './pages/promises.js';
import { renderPlannedMeetingPage } from './pages/planned-meeting.js';
import { renderPersonPage } from './pages/person.js';
import { renderSearchPage } from './pages/search.js';
import { renderComparePage, renderVersionPage } from './pages/version.js';
import { caseUrl, kindOfSegment, originOf, publicUrl } from './urls.js';
import { renderAtom } from './atom.js';
import { renderCalendar } from './ical.js';
import type { FeedScope } from '../archive/types.js';
import { createJsonApi } from '../api/json/routes.js';
import { parseSearchParams, searchQueryParams } from './search-params.js';
import { staticAssets } from './static.js';
import { bilagResponse } from './bilag.js';
import { contentDisposition } from './download.js';
import { refuseControlCharacters } from './input-guard.js';
import { logRequestError } from './log.js';
import { DatabaseBusyError, isDatabaseUnavailable } from '../db/unavailable.js';
import { bodyLimits, maxBodyBytesFromEnv } from './security.js';
import { servingMiddleware, type ServingParts } from './serving.js';
import { copenhagenToday } from '../model/index.js';
import { renderMeetingsPage, type MeetingsPageData } from './pages/meetings.js';
import { renderAboutPage } from './pages/about.js';
import { contactFromEnv, renderAccessibilityPage } from './pages/accessibility.js';
import { parseMeetingsParams } from './meetings-params.js';
import { renderRobots, renderSitemap } from './sitemap.js';
import { ownStaticDir } from './static.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { showAlertForms } from '../alerts/forms.js';
import type { Accounts } from '../auth/index.js';
import type { Workspace } from '../workspace/index.js';
import { runsWorkspaceScript } from '../workspace/urls.js';
import type { AllocationsPart } from '../allocation/web.js';

const LATEST_COUNT = 10;
const UPCOMING_COUNT = 10;
const MEETINGS_PAGE_SIZE = 25;
/** Longer than any name; a longer filter is cut, not refused. */
const MAX_NAME_FILTER = 100;

/** A positive database id from a path segment, or null (which the routes answer with 404). */
function parseId(segment: string): number | null {
  return /^[1-9]\d{0,9}$/.test(segment) && Number(segment) <= 2_147_483_647 ? Number(segment) : null;
}

const notFound = (c: Context) => c.html(renderNotFoundPage(), 404);

/** What the routes share per request: who reads. */
export type AppEnv = { Variables: { viewer: Viewer } };

/** Seconds a client is asked to wait while the database is away (a restart takes a few). */
const RETRY_AFTER_SECONDS = 5;

/** Further applications mounted under the archive's own routes. */
export interface AppParts {
  /** The OParl 1.1 API, served at /oparl/v1.1 (src/api/oparl). */
  oparl?: Hono;
  /** E-mail alerts (src/alerts): routes at /subscriptions; `enabled` shows the subscribe forms. */
  alerts?: { routes: Hono; enabled: boolean };
  /** Accounts (src/auth): the session middleware that sets the viewer, and /log-ind, /log-ud, /admin. */
  accounts?: Accounts;
  /** The secretariat's workspace (src/workspace), at /arbejdsrum. */
  workspace?: Workspace;
  /** Allocations on item and meeting pages, their CSV and JSON (src/allocation/web.tsx). */
  allocations?: AllocationsPart;
  /** Agendas and minutes as PDF (src/pdf/routes.ts): /meetings/:id/documents/:kind.pdf. */
  pdf?: Hono<AppEnv>;
  /** Rate limits, the page cache and the database queue (src/web/serving.ts), in front of every route. */
  serving?: ServingParts;
  /** Request bodies over this many bytes are refused with 413 (outside the workspace); default REFERAT_MAX_BODY_KB. */
  maxBodyBytes?: number;
}

/** Build the web application over an archive. */
export function createApp(archive: Archive, parts: AppParts = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const assets = staticAssets();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Reading pages stay script-free; the agenda builder and the minutes editor load our own scripts from /static.
        scriptSrc: [(c) => (runsWorkspaceScript(c.req.path) ? "'self'" : "'none'")],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  // NUL and other control characters in the path or the query: 400, before any route sees them.
  app.use('*', refuseControlCharacters(renderBadRequestPage));
  app.use('*', bodyLimits(parts.maxBodyBytes ?? maxBodyBytesFromEnv()));
  for (const middleware of parts.serving ? servingMiddleware(parts.serving) : []) app.use('*', middleware);
  // Every read names its viewer: the signed-in account's (src/auth), else the public.
  app.use(
    '*',
    parts.accounts?.middleware ??
      (async (c, next) => {
        c.set('viewer', ANONYMOUS);
        await next();
      }),
  );
  app.use('/static/dkfds/*', assets.dkfds);
  app.use('/static/*', assets.own);
  // Whether pages show subscribe forms (read while they render: src/alerts/forms.ts).
  app.use('*', showAlertForms(parts.alerts?.enabled ?? false));

  app.get('/', async (c) => {
    const [latest, upcoming, bodies] = await Promise.all([
      archive.latestMeetings(c.var.viewer, LATEST_COUNT),
      archive.upcomingMeetings(c.var.viewer, UPCOMING_COUNT),
      archive.listBodies(c.var.viewer),
    ]);
    return c.html(renderFrontPage({ latest, upcoming, bodies, origin: originOf(c) }));
  });

  // The archive's own pages: all meetings (list and month calendar), about, the accessibility
  // statement, and what browsers and crawlers ask for (favicon, robots.txt, sitemap.xml).
  app.get('/meetings', async (c) => {
    const viewer = c.var.viewer;
    const bodies = await archive.listBodies(viewer);
    const base: Omit<MeetingsPageData, 'query'> = { bodies, today: copenhagenToday(), upcoming: [], list: null, month: null, years: [] };
    const parsed = parseMeetingsParams(c.req.query());
    if (!parsed.ok) return c.html(renderMeetingsPage({ ...base, query: {}, error: parsed.error }), 400);
    const query = parsed.query;
    if (query.body && !bodies.some((b) => b.slug === query.body)) {
      return c.html(renderMeetingsPage({ ...base, query: {}, error: `Organet »${query.body}« findes ikke i arkivet.` }), 404);
    }
    if (query.month) {
      const month = await archive.meetingMonth(viewer, query.month, query.body);
      return c.html(renderMeetingsPage({ ...base, query, month }));
    }
    const list = await archive.listMeetings(viewer, { body: query.body, year: query.year, page: query.page ?? 1, limit: MEETINGS_PAGE_SIZE });
    const upcoming = await archive.listMeetings(viewer, { body: query.body, upcoming: true, limit: UPCOMING_COUNT });
    return c.html(renderMeetingsPage({ ...base, query, list, years: list.years, upcoming: upcoming.meetings }));
  });
  app.get('/om-arkivet', async (c) => {
    const bodies = await archive.listBodies(c.var.viewer);
    const { total } = await archive.listMeetings(c.var.viewer, { limit: 1 });
    return c.html(renderAboutPage({ bodies, meetingCount: total, origin: originOf(c), oparl: parts.oparl !== undefined }));
  });
  app.get('/tilgaengelighed', (c) => c.html(renderAccessibilityPage({ origin: originOf(c), contact: contactFromEnv() })));
  // The address Digitaliseringsstyrelsen asks every public site for: to the WAS-Tool statement once published.
  app.get('/was', (c) => c.redirect(contactFromEnv().wasUrl ?? '/tilgaengelighed', 302));
  const favicon = readFileSync(join(ownStaticDir(), 'favicon.ico'));
  app.get('/favicon.ico', (c) => c.body(favicon, 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' }));
  app.get('/robots.txt', (c) => c.text(renderRobots(originOf(c))));
  app.get('/sitemap.xml', async (c) => {
    const raw = c.req.query('part');
    const part = raw === undefined ? null : /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 0;
    const xml = renderSitemap(await archive.sitemap(c.var.viewer), originOf(c), part);
    return xml === null ? notFound(c) : c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  app.get('/bodies/:slug', async (c) => {
    const found = await archive.getBody(c.var.viewer, c.req.param('slug'));
    return found ? c.html(renderBodyPage({ ...found, origin: originOf(c) })) : notFound(c);
  });

  app.get('/meetings/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const view = id === null ? null : await archive.getMeeting(c.var.viewer, id);
    if (!view) {
      // A meeting known only from a calendar has a page of its own until its agenda comes.
      const planned = id === null ? null : ((await archive.getPlannedMeeting?.(c.var.viewer, id)) ?? null);
      return planned ? c.html(renderPlannedMeetingPage(planned)) : notFound(c);
    }
    return c.html(renderMeetingPage(view, undefined, (await parts.allocations?.forMeeting(c.var.viewer, view.meeting.id)) ?? []));
  });

  app.get('/lovede-punkter', async (c) => {
    if (!archive.openPromises) return notFound(c);
    const body = c.req.query('body')?.slice(0, MAX_NAME_FILTER) || null;
    const [promises, bodies] = await Promise.all([archive.openPromises(c.var.viewer, body), archive.listBodies(c.var.viewer)]);
    return promises ? c.html(renderPromisesPage({ promises, bodies, body })) : notFound(c);
  });

  app.get('/meetings/:id/items/:number', async (c) => {
    const id = parseId(c.req.param('id'));
    const number = c.req.param('number');
    if (id === null || !/^\d{1,4}(\.\d{1,4}){0,5}$/.test(number)) return notFound(c);
    const view = await archive.getItem(c.var.viewer, id, number);
    return view ? c.html(renderItemPage(view, (await parts.allocations?.forItem(c.var.viewer, id, number)) ?? [])) : notFound(c);
  });

  /** The meeting, document kind and version a version URL names, or null for one that names none. */
  const versionOf = (c: Context) => {
    const id = parseId(c.req.param('id') ?? '');
    const kind = kindOfSegment(c.req.param('kind') ?? '');
    const version = parseId(c.req.param('version') ?? '');
    return id === null || kind === null || version === null ? null : { id, kind, version };
  };

  app.get('/meetings/:id/documents/:kind/versions/:version', async (c) => {
    const v = versionOf(c);
    const view = v && (await archive.getVersion(c.var.viewer, v.id, v.kind, v.version));
    return view ? c.html(renderVersionPage(view)) : notFound(c);
  });

  app.get('/meetings/:id/documents/:kind/versions/:version/compare', async (c) => {
    const v = versionOf(c);
    const view = v && (await archive.compareVersion(c.var.viewer, v.id, v.kind, v.version));
    return view ? c.html(renderComparePage(view)) : notFound(c);
  });

  // Calendars (iCalendar) of every meeting and of one organisation's.
  const calendar = async (c: Context<AppEnv>, slug: string | null) => {
    const entries = await archive.calendar(c.var.viewer, slug);
    if (!entries) return notFound(c);
    const name = slug === null ? 'Møder i Referat' : `Møder i ${entries[0]?.body?.name ?? slug}`;
    return c.body(renderCalendar(entries, { name, origin: originOf(c) }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${slug ?? 'referat'}.ics"`,
    });
  };
  app.get('/calendar.ics', (c) => calendar(c, null));
  app.get('/bodies/:slug/calendar.ics', (c) => calendar(c, c.req.param('slug')));

  // Atom feeds of new and changed agendas and minutes.
  const feed = async (c: Context<AppEnv>, scope: FeedScope, title: string, page: string) => {
    const entries = await archive.feed(c.var.viewer, scope);
    const origin = originOf(c);
    const self = publicUrl(c);
    return c.body(renderAtom(entries, { title, origin, self, page: `${origin}${page}` }), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  };
  app.get('/feed.atom', (c) => feed(c, { kind: 'all' }, 'Nye dagsordener og referater', '/'));
  app.get('/bodies/:slug/feed.atom', async (c) => {
    const found = await archive.getBody(c.var.viewer, c.req.param('slug'));
    return found ? feed(c, { kind: 'body', slug: found.body.slug }, `${found.body.name}: nye dagsordener og referater`, `/bodies/${found.body.slug}`) : notFound(c);
  });
  app.get('/cases/:caseNumber/feed.atom', async (c) => {
    const caseNumber = c.req.param('caseNumber');
    const view = caseNumber.length <= 100 ? await archive.getCase(c.var.viewer, caseNumber) : null;
    return view ? feed(c, { kind: 'case', caseNumber }, `Sag ${caseNumber}: nye dagsordener og referater`, `/cases/${encodeURIComponent(caseNumber)}`) : notFound(c);
  });
  app.get('/people/:ref/feed.atom', async (c) => {
    const ref = c.req.param('ref');
    const view = ref.length <= 200 ? await archive.getPerson(c.var.viewer, ref) : null;
    return view ? feed(c, { kind: 'person', personId: view.person.id }, `${view.person.name}: nye dagsordener og referater`, `/people/${view.person.id}`) : notFound(c);
  });
  // A search's feed takes the search page's parameters, parsed by the same parser.
  app.get('/search/feed.atom', async (c) => {
    const parsed = parseSearchParams(c.req.query(), false);
    if (!parsed.ok) return c.text(parsed.error, 400);
    const { q, body, year, from, to, person, kind, sectionType } = parsed.query;
    if (!q && !person) return notFound(c);
    const filters = { body, year, from, to, person, kind, sectionType };
    const said = [q, body && `organ ${body}`, year && `år ${year}`, from && `fra ${from}`, to && `til ${to}`, person && `person ${person}`, kind && (kind === 'agenda' ? 'dagsordener' : 'referater'), sectionType && `afsnit ${sectionType}`];
    const page = `/search?${new URLSearchParams(Object.entries(searchQueryParams({ q, ...filters })).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString()}`;
    return feed(c, { kind: 'search', q, filters }, `Søgning: ${said.filter(Boolean).join(', ')}`, page);
  });

  app.get('/cases/:caseNumber', async (c) => {
    const caseNumber = c.req.param('caseNumber');
    // Case numbers are short printable text ("SAG-2020-01697", "24/2231"); anything else names no case.
    if (caseNumber.length > 100 || !/^[^\p{C}]+$/u.test(caseNumber)) return notFound(c);
    const view = await archive.getCase(c.var.viewer, caseNumber);
    if (view) return c.html(renderCasePage(view));
    // Typed in another case or punctuation ("sag-2020-01697", "SAG 2020 01697"): to the stored form.
    const canonical = await archive.resolveCaseNumber?.(c.var.viewer, caseNumber);
    return canonical && canonical !== caseNumber ? c.redirect(caseUrl(canonical), 301) : notFound(c);
  });

  app.get('/people', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, MAX_NAME_FILTER);
    const body = c.req.query('body') ?? '';
    const filter = { q: q || undefined, body: /^[a-z0-9-]{1,100}$/.test(body) ? body : undefined };
    const [bodies, groups] = await Promise.all([archive.listBodies(c.var.viewer), archive.listPeople(c.var.viewer, filter)]);
    return c.html(renderPeoplePage({ filter, bodies, groups }));
  });

  app.get('/people/:ref', async (c) => {
    const ref = c.req.param('ref');
    const view = ref.length <= 200 ? await archive.getPerson(c.var.viewer, ref) : null;
    return view ? c.html(renderPersonPage(view)) : notFound(c);
  });

  app.get('/documents/:id/original', async (c) => {
    const id = parseId(c.req.param('id'));
    const file = id === null ? null : await archive.getOriginal(c.var.viewer, id);
    if (!file) return notFound(c);
    // Served as an attachment and never sniffed: an original may be HTML we did not write.
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Length': String(file.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
    });
  });

  // A bilag's stored file: 404 unless the viewer may read the bilag (src/web/bilag.ts).
  app.get('/files/:id', async (c) => (await bilagResponse(c, archive, parseId(c.req.param('id')))) ?? notFound(c));

  app.get('/search', async (c) => {
    const bodies = await archive.listBodies(c.var.viewer);
    const parsed = parseSearchParams(c.req.query(), false);
    if (!parsed.ok) {
      const q = (c.req.query('q') ?? '').slice(0, 500);
      return c.html(renderSearchPage({ query: { q }, bodies, result: null, error: parsed.error }), 400);
    }
    const query = parsed.query;
    // A person filter alone lists the items of the person's meetings.
    const result = query.q || query.person ? await archive.search(c.var.viewer, query) : null;
    return c.html(renderSearchPage({ query, bodies, result }));
  });

  if (parts.allocations) app.route('/', parts.allocations.routes); // …/fordelinger/N.csv
  app.route('/', createJsonApi(archive, parts.allocations)); // /api: the JSON API, its OpenAPI document and page (src/api/json)

  if (parts.alerts) app.route('/subscriptions', parts.alerts.routes);
  if (parts.accounts) app.route('/', parts.accounts.routes); // /log-ind, /log-ud, /admin/… (src/auth)
  if (parts.workspace) app.route('/arbejdsrum', parts.workspace.routes);
  if (parts.pdf) app.route('/', parts.pdf); // /meetings/:id/documents/agenda.pdf, minutes.pdf (src/pdf)

  if (parts.oparl) {
    // The System object lives at /oparl/v1.1/ (with the slash, as OParl clients are given it).
    const oparl = parts.oparl;
    app.get('/oparl/v1.1', (c) => c.redirect('/oparl/v1.1/', 301));
    app.all('/oparl/v1.1/*', (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.slice('/oparl/v1.1'.length) || '/';
      return oparl.fetch(new Request(url, c.req.raw));
    });
  }

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'Ikke fundet.' }, 404) : notFound(c)));

  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/');
    // The database restarting or unreachable: 503 "try again", and the next request reconnects.
    if (isDatabaseUnavailable(err)) {
      logRequestError(c.req.method, c.req.url, 503, err);
      c.header('Retry-After', String(err instanceof DatabaseBusyError ? err.retryAfterSeconds : RETRY_AFTER_SECONDS));
      return api ? c.json({ error: 'Arkivet er midlertidigt utilgængeligt. Prøv igen om lidt.' }, 503) : c.html(renderUnavailablePage(), 503);
    }
    logRequestError(c.req.method, c.req.url, 500, err);
    return api ? c.json({ error: 'Intern fejl.' }, 500) : c.html(renderErrorPage(), 500);
  });

  return app;
}
