/**
 * The JSON API over a real database (the seeds, the case-system fixtures with closed items, and a
 * meeting with a closed item): every endpoint, walked as a client would; every response and every
 * example validated against the OpenAPI document's own schemas (ajv, JSON Schema 2020-12); the
 * document's paths equal the app's; closed content absent for the public, present for a member.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbArchive } from '../../db/archive.js';
import type { Database } from '../../db/client.js';
import { item, meetingDocument, original } from '../../db/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { storeDocument } from '../../db/store.js';
import { openTestDatabase } from '../../db/testing.js';
import { storeFiles, storeSamples, XML_FIXTURES_DIR } from '../../db/testing-files.js';
import { ANONYMOUS, accountViewer, type Viewer } from '../../model/index.js';
import { createApp } from '../../web/app.js';
import { examples } from './examples.js';
import { createJsonApi } from './routes.js';

const ORIGIN = 'http://referat.test';
const SECRETS = ['Møllevej', 'ansættelsesforhold', 'skoleplacering', 'hjemmehjælp', 'tilbagebetalt', 'Hemmelig oplysning om ansøgeren'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface OpenApi { openapi: string; info: Json; servers: Json[]; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } }

let database: Database;
let app: ReturnType<typeof createApp>;
let doc: OpenApi;
let closedMeetingId: number;
/** Every response body the walk received, for the closed-text check. */
const seenBodies: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp(createDbArchive(database.db));
  await storeSamples(database.db, { fileAccess: true });
  await storeFiles(database.db, XML_FIXTURES_DIR, ['sbsys.xml', 'sbsys-aarhus.xml', 'acadre/XML_2041.xml', 'edoc.xml', 'edoc4.xml'], { fileAccess: true });
  const stored = await storeDocument(
    database.db,
    meetingDocument({
      body: 'Byrådet', authority: 'Norddal Kommune', date: '2021-03-28',
      items: [item('1', 'Et', { caseNumber: 'SAG-2021-1' }), item('2', 'Lukket', { access: 'closed', caseNumber: 'SAG-2021-9', text: 'Hemmelig oplysning om ansøgeren.' })],
    }),
    original('closed-v1'),
  );
  closedMeetingId = stored.meetingId;
  const res = await app.request(`${ORIGIN}/api/openapi.json`);
  doc = (await res.json()) as OpenApi;
});
afterAll(async () => {
  await database?.close();
});

async function get(path: string, on: { request(url: string): Response | Promise<Response> } = app): Promise<{ status: number; headers: Headers; json: Json }> {
  const res = await on.request(path.startsWith('http') ? path : `${ORIGIN}${path}`);
  const text = await res.text();
  seenBodies.push(text);
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as Json };
}

/** The document's schemas with refs local to one schema, for ajv. */
function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const local = JSON.parse(JSON.stringify(doc).replaceAll('"#/components/schemas/', '"#/$defs/')) as OpenApi;
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return (templatePath: string, status: number, body: unknown): string[] => {
    const key = `${templatePath} ${status}`;
    if (!compiled.has(key)) {
      const schema = local.paths[templatePath]?.get?.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return [`no schema for ${key}`];
      compiled.set(key, ajv.compile({ ...schema, $defs: local.components.schemas }));
    }
    const validate = compiled.get(key)!;
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message}`);
  };
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in structure', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers[0]!.url).toBe(ORIGIN);
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      for (const [method, op] of Object.entries(ops)) {
        expect(method).toBe('get');
        expect(op.responses['200'].content['application/json'].schema, path).toBeTruthy();
        for (const status of Object.keys(op.responses)) expect(['200', '400', '404']).toContain(status);
        const params = (op.parameters ?? []) as Json[];
        for (const p of params) {
          expect(['path', 'query']).toContain(p.in);
          expect(p.schema, `${path} ${p.name}`).toBeTruthy();
        }
        // Every {name} in the template is a required path parameter, and no other path parameter exists.
        const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        const pathParams = params.filter((p) => p.in === 'path');
        expect(pathParams.map((p) => p.name).sort(), path).toEqual(inTemplate);
        for (const p of pathParams) expect(p.required, `${path} ${p.name}`).toBe(true);
      }
    }
    // Every $ref resolves to a component.
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas[name!], name).toBeTruthy();
  });

  it('lists exactly the JSON routes the app serves', () => {
    const served = new Set(
      app.routes
        .filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
        .map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
    );
    expect([...served].sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it("validates its own examples against its schemas", () => {
    const validate = validator();
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [status, response] of Object.entries(ops.get!.responses as Record<string, Json>)) {
        problems.push(...validate(path, Number(status), response.content['application/json'].example));
      }
    }
    expect(problems).toEqual([]);
    // The examples module is what the document carries.
    expect(doc.paths['/api/meetings']!.get!.responses['200'].content['application/json'].example).toEqual(examples.meetings);
  });

  it('catches a response that breaks its schema (the check can fail)', () => {
    const validate = validator();
    expect(validate('/api/meetings/{id}', 200, { ...examples.meeting, meeting: { ...examples.meeting.meeting, status: 'unknown' } })).not.toEqual([]);
    expect(validate('/api/bodies', 200, { ...examples.bodies, total: '2' })).not.toEqual([]);
    // Nullable references stay nullable in the document (a meeting without an organisation).
    expect(validate('/api/meetings', 200, { ...examples.meetings, results: [{ ...examples.meetings.results[0], body: null }] })).toEqual([]);
  });
});

describe('walking the API', () => {
  it('reads every meeting page by page, every meeting and item, every body, person and case; all valid', async () => {
    const validate = validator();
    const problems: string[] = [];
    const check = (template: string, res: { status: number; json: Json }, path: string) => {
      if (res.status !== 200) problems.push(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
      else problems.push(...validate(template, 200, res.json));
    };
    // Meetings, three to a page, following links.next.
    const ids: number[] = [];
    let next: string | undefined = '/api/meetings?limit=3';
    let first: Json | null = null;
    while (next) {
      const res = await get(next);
      check('/api/meetings', res, next);
      first ??= res.json;
      ids.push(...(res.json.results as Json[]).map((m) => m.id as number));
      next = res.json.links.next;
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect(first!.total).toBe(ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const cases = new Set<string>();
    for (const id of ids) {
      const m = await get(`/api/meetings/${id}`);
      check('/api/meetings/{id}', m, `/api/meetings/${id}`);
      for (const it of m.json.document.items as Json[]) {
        const path = `/api/meetings/${id}/items/${encodeURIComponent(it.number)}`;
        const res = await get(path);
        check('/api/meetings/{id}/items/{number}', res, path);
        if (it.caseNumber) cases.add(it.caseNumber as string);
      }
    }
    expect(cases.size).toBeGreaterThan(0);
    for (const caseNumber of cases) {
      const path = `/api/cases/${encodeURIComponent(caseNumber)}`;
      check('/api/cases/{caseNumber}', await get(path), path);
    }
    const bodies = await get('/api/bodies?limit=100');
    check('/api/bodies', bodies, '/api/bodies');
    for (const b of bodies.json.results as Json[]) check('/api/bodies/{slug}', await get(`/api/bodies/${b.slug}`), `/api/bodies/${b.slug}`);
    const people = await get('/api/people?limit=100');
    check('/api/people', people, '/api/people');
    expect(people.json.total).toBeGreaterThan(0);
    for (const p of (people.json.results as Json[]).slice(0, 15)) check('/api/people/{ref}', await get(`/api/people/${p.id}`), `/api/people/${p.id}`);
    const search = await get('/api/search?q=klima&limit=5');
    check('/api/search', search, '/api/search');
    expect(problems).toEqual([]);
  });

  it('filters meetings by body, year and date range', async () => {
    const all = (await get('/api/meetings?limit=100')).json.results as Json[];
    const kkr = (await get('/api/meetings?body=kkr-midtjylland&limit=100')).json;
    expect(kkr.total).toBeGreaterThan(0);
    expect(kkr.total).toBe(all.filter((m) => m.body?.slug === 'kkr-midtjylland').length);
    const y2020 = (await get('/api/meetings?year=2020&limit=100')).json;
    expect(y2020.total).toBe(all.filter((m) => (m.date ?? '').startsWith('2020-')).length);
    expect(y2020.total).toBeGreaterThan(0);
    const range = (await get('/api/meetings?from=2020-06-01&to=2020-08-31&limit=100')).json;
    expect((range.results as Json[]).map((m) => m.id)).toEqual(all.filter((m) => m.date && m.date >= '2020-06-01' && m.date <= '2020-08-31').map((m) => m.id));
    // Newest first, undated last.
    const dates = all.map((m) => m.date ?? '');
    expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort().reverse());
    expect(dates.indexOf('') === -1 || dates.slice(dates.indexOf('')).every((d) => d === '')).toBe(true);
  });

  it('keeps the filters in the page links, and has no next on the last page', async () => {
    const res = await get('/api/meetings?body=kkr-midtjylland&limit=1');
    expect(res.json.total).toBeGreaterThan(1);
    const next = new URL(res.json.links.next);
    expect(next.searchParams.get('body')).toBe('kkr-midtjylland');
    expect(next.searchParams.get('page')).toBe('2');
    const last = await get(res.json.links.last);
    expect(last.json.links.next).toBeUndefined();
    expect(last.json.links.prev).toBeDefined();
    expect(last.json.results).toHaveLength(1);
  });

  it.each([
    ['/api/meetings?limit=101', 'limit må højst være 100.'],
    ['/api/meetings?page=0', 'page skal være mindst 1.'],
    ['/api/meetings?year=abc', 'year skal være et helt tal.'],
    ['/api/meetings?from=2020-13-01', 'from er ikke en gyldig dato.'],
    ['/api/meetings?to=17.06.2020', 'to skal være en dato som 2020-06-17.'],
    ['/api/meetings?from=2021-01-01&to=2020-01-01', 'from skal ligge før eller på to.'],
    ['/api/meetings?body=KKR', 'body skal være et organs kortnavn'],
    ['/api/meetings/abc', 'id skal være et positivt helt tal.'],
    ['/api/meetings/1/items/x', 'number skal være et punktnummer'],
    ['/api/people?limit=0', 'limit skal være mindst 1.'],
    ['/api/bodies?page=x', 'page skal være et helt tal.'],
    ['/api/search?q=klima&limit=101', 'limit må højst være 100.'],
    ['/api/search', 'Parameteren q mangler'],
  ])('%s is 400 with a Danish {error}', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json)).toEqual(['error']);
    expect(res.json.error).toContain(message);
  });

  it.each(['/api/meetings/999999', '/api/meetings/1/items/99', '/api/bodies/findes-ikke', '/api/people/findes-ikke', '/api/cases/SAG-0000-0', '/api/findes-ikke'])(
    '%s is 404 with {error}',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(typeof res.json.error).toBe('string');
    },
  );

  it('answers CORS preflight for every origin', async () => {
    const res = await app.request(`${ORIGIN}/api/meetings`, { method: 'OPTIONS', headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps /api/search compatible: the same fields, plus links and the people and cases the query names', async () => {
    const res = await get('/api/search?q=klima&limit=2');
    expect(Object.keys(res.json).sort()).toEqual(['cases', 'limit', 'links', 'page', 'people', 'results', 'total', 'totalIsEstimate']);
    for (const hit of res.json.results as Json[]) expect(Object.keys(hit).sort()).toEqual(['body', 'itemNumber', 'meetingDate', 'snippet', 'title', 'url']);
  });
});

describe('/api/search: people, cases and the person filter', () => {
  const valid = (res: { status: number; json: Json }) => {
    expect(res.status).toBe(200);
    expect(validator()('/api/search', 200, res.json)).toEqual([]);
    return res.json;
  };

  it('names the case a case number names, written as the archive writes it, and ranks its item first', async () => {
    const json = valid(await get('/api/search?q=sag-2021-1'));
    expect(json.cases).toEqual([{ caseNumber: 'SAG-2021-1', url: '/cases/SAG-2021-1' }]);
    expect(json.results[0]).toMatchObject({ title: 'Et', itemNumber: '1' });
    expect(valid(await get('/api/search?q=klima')).cases).toEqual([]);
  });

  it("names the person a participant's name is, and lists a person's items with no q, as /search does", async () => {
    const people = (await get('/api/people?limit=100')).json.results as Json[];
    const person = people.find((p) => p.meetingCount > 0 && p.slug && String(p.name).includes(' '))!;
    expect(person).toBeTruthy();
    const byName = valid(await get(`/api/search?q=${encodeURIComponent(person.name)}`));
    expect(byName.people).toContainEqual({ id: person.id, name: person.name, slug: person.slug, url: `/people/${person.id}` });
    expect(byName.personFilter).toBeUndefined();

    const theirs = valid(await get(`/api/search?person=${person.id}&limit=100`));
    expect(theirs.personFilter.map((p: Json) => p.id)).toEqual([person.id]);
    expect(theirs.total).toBeGreaterThan(0);
    // Every item is from a meeting the person is listed at.
    const attended = new Set(((await get(`/api/people/${person.id}`)).json.attendance as Json[]).map((a) => `/meetings/${a.meeting.id}/`));
    for (const hit of theirs.results as Json[]) expect([...attended].some((m) => String(hit.url).startsWith(m)), hit.url).toBe(true);
    // The filter narrows a word search too, and is kept in the page links.
    const narrowed = valid(await get(`/api/search?q=og&person=${person.id}&limit=1`));
    expect(narrowed.total).toBeLessThanOrEqual(valid(await get('/api/search?q=og&limit=1')).total);
    if (narrowed.links.next) expect(new URL(narrowed.links.next).searchParams.get('person')).toBe(String(person.id));

    const nobody = valid(await get(`/api/search?person=${encodeURIComponent('Ingen Sådan Person')}`));
    expect(nobody).toMatchObject({ total: 0, results: [], personFilter: [] });
  });

  it('documents q as optional beside person, from and to', () => {
    const params = (doc.paths['/api/search']!.get!.parameters as Json[]).map((p) => [p.name, p.required ?? false]);
    expect(params).toEqual(expect.arrayContaining([['q', false], ['person', false], ['from', false], ['to', false]]));
  });
});

describe('access', () => {
  /** The JSON API alone, read by the given viewer. */
  const as = (viewer: Viewer) => {
    const host = new Hono<{ Variables: { viewer: Viewer } }>();
    host.use('*', async (c, next) => {
      c.set('viewer', viewer);
      await next();
    });
    host.route('/', createJsonApi(createDbArchive(database.db)));
    return host;
  };

  it('leaves closed items and closed text out for the public', async () => {
    const meeting = await get(`/api/meetings/${closedMeetingId}`);
    expect((meeting.json.document.items as Json[]).map((i) => i.number)).toEqual(['1']);
    expect(meeting.json.meeting.itemCount).toBe(1);
    expect((await get(`/api/meetings/${closedMeetingId}/items/2`)).status).toBe(404);
    expect((await get('/api/cases/SAG-2021-9')).status).toBe(404);
    expect((await get(`/api/search?q=${encodeURIComponent('Hemmelig oplysning')}`)).json.total).toBe(0);
    // Nothing any response of this file has carried (the walk included) holds closed text.
    const leaks = SECRETS.filter((s) => seenBodies.some((b) => b.includes(s)));
    expect(leaks).toEqual([]);
    expect(seenBodies.length).toBeGreaterThan(50);
  });

  it('shows the closed item to a member of the organisation, through the same API', async () => {
    const anonymous = await get(`/api/meetings/${closedMeetingId}`, as(ANONYMOUS));
    expect((anonymous.json.document.items as Json[]).length).toBe(1);
    const orgId = await organizationOf(closedMeetingId);
    const member = as(accountViewer(1, 'member', orgId));
    const res = await get(`/api/meetings/${closedMeetingId}/items/2`, member);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('Hemmelig oplysning om ansøgeren');
    seenBodies.pop(); // the member's view is not the public's
  });
});

/** The organisation id of a meeting, straight from the database. */
async function organizationOf(meetingId: number): Promise<number> {
  const [row] = await queryRows<{ organization_id: number }>(database.db, sql`select organization_id from meetings where id = ${meetingId}`);
  return row!.organization_id;
}

describe('the API page', () => {
  it('lists every endpoint of the document with its parameters and an example, in Danish', async () => {
    const res = await app.request(`${ORIGIN}/api`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="da"');
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain('href="/oparl/v1.1/"');
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(html, path).toContain(`GET ${path}`);
      for (const p of (ops.get!.parameters ?? []) as Json[]) expect(html, `${path} ${p.name}`).toContain(`<code>${p.name}</code>`);
    }
    expect(html).toContain('Eksempel på svar');
    expect(html).toContain('&quot;caseNumber&quot;: &quot;SAG-2020-01697&quot;');
  });
});
