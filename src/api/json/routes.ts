/**
 * @module Referat's own JSON API under /api/: meetings, items, organisations, people, cases and
 * search, read through the `Archive` with the request's viewer (closed content never reaches a
 * reader the policy does not let see it). Routes and their OpenAPI 3.1 document
 * (/api/openapi.json) come from the same zod schemas; /api is the readable page in Danish.
 * Errors are `{error}` with 400 or 404; CORS is open to every origin.
 */
import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import type { Archive } from '../../archive/types.js';
import type { AllocationsPart } from '../../allocation/web.js';
import { registerAllocationRoutes } from './allocations.js';
import type { Viewer } from '../../model/index.js';
import { parseSearchParams } from '../../web/search-params.js';
import { renderApiPage, type ApiDocument } from '../../web/pages/api.js';
import { originOf, publicUrl } from '../../web/urls.js';
import { examples } from './examples.js';
import * as P from './params.js';
import * as present from './present.js';
import * as S from './schemas.js';

type Env = { Variables: { viewer: Viewer } };

const json = <T extends z.ZodType>(schema: T, description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema, example } },
});
const badRequest = json(S.ApiError, 'Ugyldige parametre.', examples.badRequest);
const notFound = json(S.ApiError, 'Findes ikke (eller må ikke ses).', examples.notFound);

const routes = {
  meetings: createRoute({
    method: 'get', path: '/api/meetings', tags: ['Møder'], summary: 'Møder, nyeste først',
    description: 'Alle møder, man må se, nyeste først (møder uden dato sidst), side for side. Filtrér på organ, år og datointerval.',
    request: { query: P.MeetingsQuery },
    responses: { 200: json(S.MeetingList, 'En side møder.', examples.meetings), 400: badRequest },
  }),
  meeting: createRoute({
    method: 'get', path: '/api/meetings/{id}', tags: ['Møder'], summary: 'Et møde med dets punkter',
    description: 'Mødet, dets aktuelle dokument (referat før dagsorden) med alle åbne punkter, dokumenternes versioner og deltagerne.',
    request: { params: P.MeetingParams },
    responses: { 200: json(S.ApiMeeting, 'Mødet.', examples.meeting), 400: badRequest, 404: notFound },
  }),
  item: createRoute({
    method: 'get', path: '/api/meetings/{id}/items/{number}', tags: ['Møder'], summary: 'Et dagsordenspunkt',
    description: 'Et punkt med afsnit, bilag og beslutning, og samme sag på andre møder.',
    request: { params: P.ItemParams },
    responses: { 200: json(S.ApiItem, 'Punktet.', examples.item), 400: badRequest, 404: notFound },
  }),
  bodies: createRoute({
    method: 'get', path: '/api/bodies', tags: ['Organer'], summary: 'Organer (udvalg, råd, netværk)',
    request: { query: P.ListQuery },
    responses: { 200: json(S.BodyList, 'En side organer.', examples.bodies), 400: badRequest },
  }),
  body: createRoute({
    method: 'get', path: '/api/bodies/{slug}', tags: ['Organer'], summary: 'Et organ med dets medlemmer',
    description: 'Organet, dets pladser pr. valgperiode og links til dets møder, kalender og feed.',
    request: { params: P.BodyParams },
    responses: { 200: json(S.ApiBody, 'Organet.', examples.body), 400: badRequest, 404: notFound },
  }),
  people: createRoute({
    method: 'get', path: '/api/people', tags: ['Personer'], summary: 'Personer fra deltagerlisterne',
    description: 'Alle, deltagerlisterne nævner, i dansk alfabetisk orden; hver person én gang med de organer, personen er nævnt i.',
    request: { query: P.PeopleQuery },
    responses: { 200: json(S.PersonList, 'En side personer.', examples.people), 400: badRequest },
  }),
  person: createRoute({
    method: 'get', path: '/api/people/{ref}', tags: ['Personer'], summary: 'En person med fremmøde',
    description: 'Parti og kommune, pladser i organer (som læseren må se dem; også for en person, der kun er udpeget og ikke har deltaget i møder), navnets stavemåder og fremmøde pr. møde.',
    request: { params: P.PersonParams },
    responses: { 200: json(S.ApiPerson, 'Personen.', examples.person), 400: badRequest, 404: notFound },
  }),
  case: createRoute({
    method: 'get', path: '/api/cases/{caseNumber}', tags: ['Sager'], summary: 'En sag på tværs af møder',
    description: 'Alle åbne punkter med sagsnummeret, på alle møder og i alle organer, nyeste først, med beslutning.',
    request: { params: P.CaseParams },
    responses: { 200: json(S.ApiCase, 'Sagen.', examples.case), 400: badRequest, 404: notFound },
  }),
};

/** The document's header; the server is the site's own origin. */
const documentConfig = (origin: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'Referat API',
    version: '1',
    description: 'Dagsordener og referater som JSON: møder, punkter, organer, personer, sager og søgning. Kun indhold, læseren må se; lukkede punkter er aldrig med for offentligheden.',
  },
  servers: [{ url: origin }],
});

/** A page of an in-memory list. */
const slice = <T>(all: T[], page: number, limit: number) => all.slice((page - 1) * limit, page * limit);

/** A list response: one page of `results` of `total`, with links to the other pages. */
const listPage = <T>(c: Context, page: number, limit: number, total: number, results: T[]) =>
  ({ total, page, limit, links: present.pageLinks(publicUrl(c), page, limit, total), results });

/** The JSON API and its page, with full paths (/api/…), to be mounted at the site's root. */
export function createJsonApi(archive: Archive, allocations?: AllocationsPart): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>({
    // Every validation failure is one Danish sentence per problem, as {error}.
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: [...new Set(result.error.issues.map((i) => i.message))].join(' ') }, 400);
    },
  });
  app.use('/api/*', cors({ origin: '*' }));
  const missing = (c: Context, what: string) => c.json({ error: `${what} findes ikke.` }, 404 as const);

  app.openapi(routes.meetings, async (c) => {
    const q = c.req.valid('query');
    const filter = { body: q.body, year: q.year, from: q.from, to: q.to, page: q.page ?? 1, limit: q.limit ?? P.DEFAULT_LIMIT };
    const found = await archive.listMeetings(c.var.viewer, filter);
    return c.json(listPage(c, filter.page, filter.limit, found.total, found.meetings.map(present.meetingSummary)), 200);
  });

  app.openapi(routes.meeting, async (c) => {
    const view = await archive.getMeeting(c.var.viewer, Number(c.req.valid('param').id));
    return view ? c.json(present.meeting(view), 200) : missing(c, 'Mødet');
  });

  app.openapi(routes.item, async (c) => {
    const { id, number } = c.req.valid('param');
    const view = await archive.getItem(c.var.viewer, Number(id), number);
    return view ? c.json(present.item(view), 200) : missing(c, 'Punktet');
  });

  app.openapi(routes.bodies, async (c) => {
    const { page = 1, limit = P.DEFAULT_LIMIT } = c.req.valid('query');
    const all = await archive.listBodies(c.var.viewer);
    return c.json(listPage(c, page, limit, all.length, slice(all, page, limit).map(present.bodySummary)), 200);
  });

  app.openapi(routes.body, async (c) => {
    const view = await archive.getBody(c.var.viewer, c.req.valid('param').slug);
    return view ? c.json(present.body(view, originOf(c)), 200) : missing(c, 'Organet');
  });

  app.openapi(routes.people, async (c) => {
    const { q, body, page = 1, limit = P.DEFAULT_LIMIT } = c.req.valid('query');
    const all = present.people(await archive.listPeople(c.var.viewer, { q: q || undefined, body }));
    return c.json(listPage(c, page, limit, all.length, slice(all, page, limit)), 200);
  });

  app.openapi(routes.person, async (c) => {
    const view = await archive.getPerson(c.var.viewer, c.req.valid('param').ref);
    return view ? c.json(present.person(view), 200) : missing(c, 'Personen');
  });

  app.openapi(routes.case, async (c) => {
    const view = await archive.getCase(c.var.viewer, c.req.valid('param').caseNumber);
    return view ? c.json(present.caseView(view), 200) : missing(c, 'Sagen');
  });

  if (allocations) registerAllocationRoutes(app, allocations, async (viewer, id, number) => (await archive.getItem(viewer, id, number)) !== null);

  // Search keeps the search page's own parser (one behaviour for both); the document describes it.
  app.openAPIRegistry.registerPath({
    method: 'get', path: '/api/search', tags: ['Søgning'], summary: 'Fuldtekstsøgning i punkterne',
    description: 'Søg i åbne punkters titler og tekst (dansk fuldtekstsøgning), også efter sagsnumre og deltageres navne. Resultatet har links til siderne og nævner de personer og sager, søgningen rammer.',
    request: { query: P.SearchQueryDoc },
    responses: { 200: json(S.ApiSearch, 'En side søgeresultater.', examples.search), 400: badRequest },
  });
  app.get('/api/search', async (c) => {
    const parsed = parseSearchParams(c.req.query(), true);
    if (!parsed.ok) return c.json({ error: parsed.error }, 400);
    // As on the search page: a person filter alone lists the items of the person's meetings.
    if (!parsed.query.q && !parsed.query.person) return c.json({ error: 'Parameteren q mangler: angiv en søgetekst, fx ?q=klima, eller en person, fx ?person=7.' }, 400);
    const result = await archive.search(c.var.viewer, parsed.query);
    return c.json(present.search(result, publicUrl(c)));
  });

  app.get('/api/openapi.json', (c) => c.json(app.getOpenAPI31Document(documentConfig(originOf(c)))));
  // The page reads the document's plain JSON; its own interface names only the fields it shows.
  app.get('/api', (c) => c.html(renderApiPage(app.getOpenAPI31Document(documentConfig(originOf(c))) as unknown as ApiDocument)));
  return app;
}
