/**
 * @module The OParl 1.1 API at /oparl/v1.1/: System, Body and its lists, and every object at its
 * own URL. Public content only; lists are paginated with `links.next` (a keyset
 * cursor, so every page costs alike) and keep the created/modified filters in their links; CORS open to every origin.
 */
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client.js';
import * as q from '../../db/oparl.js';
import {
  agendaItemObject, bodyObject, consultationObject, fileObject, locationObject, meetingObject, membershipObject, organizationObject,
  paperObject, personObject, systemObject, termObject,
} from './objects.js';
import { oparlUrls, type BodyList, type OParlUrls } from './urls.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

/** A positive whole number as a query parameter, or undefined when it is not one. */
const positive = (value: string, max: number) => (/^[1-9]\d{0,9}$/.test(value) && Number(value) <= max ? Number(value) : undefined);

/** The paging and filters of a list request, or an error message for a malformed one. */
export function listQuery(params: Record<string, string>): q.ListQuery | { error: string } {
  const limit = params.limit === undefined ? DEFAULT_LIMIT : positive(params.limit, MAX_LIMIT);
  if (limit === undefined) return { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const query: q.ListQuery = { limit };
  if (params.after !== undefined) {
    query.after = positive(params.after, 2_147_483_647);
    if (query.after === undefined) return { error: 'after must be the positive whole number a links.next URL carries' };
  }
  if (params.page !== undefined) {
    query.page = positive(params.page, 1_000_000);
    if (query.page === undefined) return { error: 'page must be a whole number from 1' };
    if (query.after !== undefined) return { error: 'page and after cannot be combined: follow links.next, or ask for a page number' };
  }
  for (const name of FILTERS) {
    const value = params[name];
    if (value === undefined) continue;
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
      return { error: `${name} must be a date-time as in ISO 8601, e.g. 2020-06-17T10:00:00+02:00` };
    }
    const key = name.replace(/_(\w)/, (_, c: string) => c.toUpperCase()) as keyof q.ListQuery;
    (query as unknown as Record<string, string>)[key] = value;
  }
  return query;
}

/**
 * An OParl list: the page's objects, pagination and links with the filters kept. `links.next`
 * carries the cursor of the next page (`after`, the last id here), which OParl leaves to the
 * server; the list is not counted (`totalElements`, `totalPages` and `last` are optional in
 * OParl 1.1 and would cost a count of the whole list on every page). A page asked for by number
 * says so (`currentPage`) and links its previous page.
 */
function listBody(url: string, query: q.ListQuery, page: q.Page<unknown>, data: unknown[]): unknown {
  const link = (at: { after?: number; page?: number }) => {
    const target = new URL(url);
    target.search = '';
    const keep: Record<string, string | undefined> = {
      created_since: query.createdSince, created_until: query.createdUntil, modified_since: query.modifiedSince, modified_until: query.modifiedUntil,
    };
    for (const [k, v] of Object.entries(keep)) if (v) target.searchParams.set(k, v);
    if (query.limit !== DEFAULT_LIMIT) target.searchParams.set('limit', String(query.limit));
    if (at.after !== undefined) target.searchParams.set('after', String(at.after));
    if (at.page !== undefined && at.page > 1) target.searchParams.set('page', String(at.page));
    return target.toString();
  };
  return {
    data,
    pagination: { elementsPerPage: query.limit, ...(query.page !== undefined ? { currentPage: query.page } : {}) },
    links: {
      first: link({}),
      ...(query.page !== undefined && query.page > 1 ? { prev: link({ page: query.page - 1 }) } : {}),
      ...(page.next !== null ? { next: link({ after: page.next }) } : {}),
    },
  };
}

/** The OParl application over a database, to be mounted at /oparl/v1.1. */
export function createOParlApp(db: Db): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Type', 'application/json; charset=utf-8');
  });
  const urls = (c: Context) => oparlUrls(new URL(c.req.url).origin);
  const id = (c: Context) => {
    const raw = c.req.param('id') ?? '';
    return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
  };
  const missing = (c: Context) => c.json({ error: 'Objektet findes ikke.' }, 404);
  const terms = () => q.listTerms(db);
  const bodyOf = async (slug: string) => (await q.listBodies(db)).find((b) => b.slug === slug) ?? null;
  /** Whether a body exists: what a list needs to know, in one small query. */
  const hasBody = (slug: string) => q.bodyExists(db, slug);

  /** A list route: parse the query, fetch a page, present its rows (all at once, so a page costs a few queries, not a few per row). */
  const listAll = <T>(fetch: (c: Context, query: q.ListQuery) => Promise<q.Page<T> | null>, presentAll: (u: OParlUrls, rows: T[]) => Promise<unknown[]>) =>
    async (c: Context) => {
      const query = listQuery(c.req.query());
      if ('error' in query) return c.json({ error: query.error }, 400);
      const page = await fetch(c, query);
      if (!page) return missing(c);
      // The request reaches this app with /oparl/v1.1 taken off its path: the links put it back.
      const u = urls(c);
      return c.json(listBody(`${u.base}${new URL(c.req.url).pathname}`, query, page, await presentAll(u, page.rows)));
    };
  /** A list route whose rows are presented one by one. */
  const list = <T>(fetch: (c: Context, query: q.ListQuery) => Promise<q.Page<T> | null>, present: (u: OParlUrls, row: T) => unknown | Promise<unknown>) =>
    listAll(fetch, (u, rows: T[]) => Promise.all(rows.map((row) => present(u, row))));

  /** Meetings with their items, files, participants, place and organisation: five queries for any number of meetings. */
  const presentMeetings = async (u: OParlUrls, rows: q.MeetingRow[]) => {
    const live = rows.filter((r) => !r.deleted);
    const ids = live.map((r) => r.id);
    const defined = (list: Array<number | null>) => list.filter((id): id is number => id !== null);
    // Independent reads: on PostgreSQL they run side by side on the pool's connections.
    const [orgs, items, files, participants, locations] = await Promise.all([
      q.organizationsById(db, defined(live.map((r) => r.organization_id))),
      q.meetingItems(db, ids),
      q.meetingFiles(db, ids),
      q.meetingParticipants(db, ids),
      q.locationsById(db, defined(live.map((r) => r.location_id))),
    ]);
    return rows.map((row) =>
      meetingObject(
        u,
        row,
        row.deleted
          ? { items: [], files: [], participants: [], location: null, organizationName: null }
          : {
              items: items.get(row.id) ?? [],
              files: files.get(row.id) ?? [],
              participants: participants.get(row.id) ?? [],
              location: row.location_id !== null ? (locations.get(row.location_id) ?? null) : null,
              organizationName: row.organization_id !== null ? (orgs.get(row.organization_id)?.name ?? null) : null,
            },
      ),
    );
  };
  const presentMeeting = async (u: OParlUrls, row: q.MeetingRow) => (await presentMeetings(u, [row]))[0];
  /** Agenda items with their public bilag: one more query for any number of items. */
  const presentItems = async (u: OParlUrls, rows: q.ItemRow[]) => {
    const files = await q.itemFiles(db, rows.filter((r) => !r.deleted).map((r) => r.id));
    return rows.map((row) => agendaItemObject(u, row, files.get(row.id) ?? []));
  };
  const presentItem = async (u: OParlUrls, row: q.ItemRow) => (await presentItems(u, [row]))[0];
  const presentPerson = async (u: OParlUrls, row: q.PersonRow) => personObject(u, row, await q.personMemberships(db, row.id), null);
  const presentOrganization = async (u: OParlUrls, row: q.OrganizationRow) => organizationObject(u, row, await q.organizationMemberships(db, row.id));
  const presentPaper = async (u: OParlUrls, row: q.PaperRow) => paperObject(u, row, await q.paperItems(db, row.id));

  app.get('/', async (c) => {
    const bodies = await q.listBodies(db);
    const created = bodies.map((b) => b.created).sort()[0] ?? new Date().toISOString();
    const modified = bodies.map((b) => b.modified).sort().at(-1) ?? created;
    return c.json(systemObject(urls(c), created, modified));
  });

  app.get(
    '/body',
    list(
      async (_c, query) => {
        return q.slicePage(await q.listBodies(db), query);
      },
      async (u, row: q.BodyRow) => bodyObject(u, row, await terms()),
    ),
  );
  app.get('/body/:slug', async (c) => {
    const body = await bodyOf(c.req.param('slug'));
    return body ? c.json(bodyObject(urls(c), body, await terms())) : missing(c);
  });

  /** A body's page, or null (404) for an unknown body: asked only when the page is empty, as a body with rows exists. */
  const bodyPage = <T>(fetch: (slug: string, query: q.ListQuery) => Promise<q.Page<T>>) => async (c: Context, query: q.ListQuery) => {
    const slug = c.req.param('slug') ?? '';
    const page = await fetch(slug, query);
    return page.rows.length > 0 || (await hasBody(slug)) ? page : null;
  };
  /** A body's list, 404 for an unknown body. */
  const bodyList = <T>(fetch: (slug: string, query: q.ListQuery) => Promise<q.Page<T>>, present: (u: OParlUrls, row: T) => unknown | Promise<unknown>) =>
    list(bodyPage(fetch), present);
  const bodyListAll = <T>(fetch: (slug: string, query: q.ListQuery) => Promise<q.Page<T>>, presentAll: (u: OParlUrls, rows: T[]) => Promise<unknown[]>) =>
    listAll(bodyPage(fetch), presentAll);
  const lists: Record<BodyList, ReturnType<typeof list>> = {
    organization: bodyList((s, query) => q.listOrganizations(db, s, query), presentOrganization),
    person: bodyList((s, query) => q.listPeople(db, s, query), presentPerson),
    meeting: bodyListAll((s, query) => q.listMeetings(db, { body: s }, query), presentMeetings),
    paper: bodyList((s, query) => q.listPapers(db, s, query), presentPaper),
    'agenda-item': bodyListAll((s, query) => q.listAgendaItems(db, s, query), presentItems),
    membership: bodyList((s, query) => q.listMemberships(db, s, query), membershipObject),
    file: bodyList((s, query) => q.listFiles(db, s, query), fileObject),
    location: bodyList((s, query) => q.listLocations(db, s, query), locationObject),
    'legislative-term': list(
      async (c, query) => {
        const body = await bodyOf(c.req.param('slug') ?? '');
        if (!body) return null;
        return q.slicePage((await terms()).map((t) => ({ t, body })), query);
      },
      (u, r: { t: q.TermRow; body: q.BodyRow }) => termObject(u, r.body.slug, r.t, r.body),
    ),
  };
  for (const [name, handler] of Object.entries(lists)) app.get(`/body/:slug/${name}`, handler);
  app.get('/body/:slug/legislative-term/:id', async (c) => {
    const body = await bodyOf(c.req.param('slug'));
    const term = (await terms()).find((t) => t.id === id(c));
    return body && term ? c.json(termObject(urls(c), body.slug, term, body)) : missing(c);
  });

  /** An object route: fetch by id, present, 404 when unknown or not public. */
  const one = <T>(fetch: (id: number) => Promise<T | null>, present: (u: OParlUrls, row: T) => unknown | Promise<unknown>) =>
    async (c: Context) => {
      const key = id(c);
      const row = key === null ? null : await fetch(key);
      return row ? c.json(await present(urls(c), row)) : missing(c);
    };
  app.get('/organization/:id', one((k) => q.getOrganization(db, k), presentOrganization));
  app.get('/organization/:id/meeting', listAll(async (c, query) => {
    const key = id(c);
    return key !== null && (await q.getOrganization(db, key)) ? q.listMeetings(db, { organizationId: key }, query) : null;
  }, presentMeetings));
  app.get('/person/:id', one((k) => q.getPerson(db, k), presentPerson));
  app.get('/membership/:id', one((k) => q.getMembership(db, k), membershipObject));
  app.get('/meeting/:id', one((k) => q.getMeeting(db, k), presentMeeting));
  app.get('/agenda-item/:id', one((k) => q.getAgendaItem(db, k), presentItem));
  app.get('/paper/:id', one((k) => q.getPaper(db, k), presentPaper));
  app.get('/file/:id', one((k) => q.getFile(db, k), fileObject));
  app.get('/location/:id', one((k) => q.getLocation(db, k), locationObject));
  app.get('/consultation/:id', one(async (k) => {
    const item = await q.getAgendaItem(db, k);
    if (!item || item.paper_id === null || item.deleted) return null;
    return (await q.paperItems(db, item.paper_id)).find((i) => i.id === k) ?? null;
  }, consultationObject));
  app.notFound(missing);
  return app;
}
