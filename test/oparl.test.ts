/**
 * The OParl 1.1 API walked as a client would: from the System object, every link and every page
 * of every list is followed, each object is validated against the OParl JSON Schemas (in
 * ../shared/oparl-schema, outside the repository), ids are the URLs objects are served at, and no
 * closed text appears anywhere. Archive: the seeds, the case-system fixtures with closed items, and
 * a meeting whose minutes were corrected (a dropped item is served as deleted).
 */
import { HAVE_SCHEMAS, oparlValidator } from './oparl-schemas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOParlApp } from '../src/api/oparl/routes.js';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { item, meetingDocument, original } from '../src/db/fixtures.js';
import { storeDocument } from '../src/db/store.js';
import { openTestDatabase } from '../src/db/testing.js';
import { storeFiles, storeSamples, XML_FIXTURES_DIR } from '../src/db/testing-files.js';
import { createApp } from '../src/web/app.js';

const ORIGIN = 'http://referat.test';
const BASE = `${ORIGIN}/oparl/v1.1`;
const SECRETS = ['Møllevej', 'ansættelsesforhold', 'skoleplacering', 'hjemmehjælp', 'tilbagebetalt', 'Hemmelig oplysning om ansøgeren'];

let database: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp(createDbArchive(database.db), { oparl: createOParlApp(database.db) });
  await storeSamples(database.db, { fileAccess: true });
  await storeFiles(database.db, XML_FIXTURES_DIR, ['sbsys.xml', 'sbsys-aarhus.xml', 'acadre/XML_2041.xml', 'edoc.xml', 'edoc4.xml'], { fileAccess: true });
  const minutes = (items: ReturnType<typeof item>[]) => meetingDocument({ body: 'Byrådet', authority: 'Norddal Kommune', date: '2021-03-28', startTime: '02:30', items });
  await storeDocument(database.db, minutes([item('1', 'Et'), item('2', 'To'), item('3', 'Tre'), item('4', 'Lukket', { access: 'closed', text: 'Hemmelig oplysning om ansøgeren.' })]), original('v1'));
  await storeDocument(database.db, minutes([item('1', 'Et'), item('2', 'Tre', { caseNumber: 'SAG-2021-1' })]), original('v2'), { force: true });
});
afterAll(async () => {
  await database?.close();
});

const get = async (url: string) => {
  const res = await app.request(url);
  const text = await res.text();
  if (!text.startsWith('{')) throw new Error(`${url}: ${res.status} ${text.slice(0, 80)}`);
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as Record<string, unknown> };
};

/** Every URL under the API in a JSON value. */
function links(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith(BASE)) out.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => links(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => links(v, out));
}

describe.skipIf(!HAVE_SCHEMAS)('OParl 1.1', () => {
  const validate = oparlValidator();

  it('walks the whole graph: every link and page answers, every object validates, ids are their URLs', async () => {
    const seen = new Set<string>();
    const queue = [`${BASE}/`];
    const problems: string[] = [];
    const types = new Map<string, number>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const { status, headers, json } = await get(url);
      if (status !== 200) {
        problems.push(`${url}: ${status}`);
        continue;
      }
      if (headers.get('access-control-allow-origin') !== '*') problems.push(`${url}: no CORS header`);
      const text = JSON.stringify(json);
      for (const secret of SECRETS) if (text.includes(secret)) problems.push(`${url}: closed text "${secret}"`);
      const found = new Set<string>();
      if (Array.isArray(json.data)) {
        for (const object of json.data as Array<Record<string, unknown>>) problems.push(...validate(object));
        links(json.data, found);
        const nav = json.links as Record<string, string>;
        if (nav.next) found.add(nav.next);
      } else {
        problems.push(...validate(json));
        if (json.id !== url) problems.push(`${url}: id is ${String(json.id)}`);
        types.set(String(json.type), (types.get(String(json.type)) ?? 0) + 1);
        links(json, found);
      }
      for (const link of found) if (!seen.has(link)) queue.push(link);
    }
    expect(problems).toEqual([]);
    for (const type of ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'File', 'Location', 'LegislativeTerm', 'Consultation']) {
      expect(types.get(`https://schema.oparl.org/1.1/${type}`), type).toBeGreaterThan(0);
    }
  }, 120_000);

  it('pages lists with links.next and keeps the filters in the links', async () => {
    const first = await get(`${BASE}/body/kl/person?limit=10&modified_since=2000-01-01T00:00:00%2B01:00`);
    expect(first.json.pagination).toEqual({ elementsPerPage: 10 });
    const next = new URL((first.json.links as { next: string }).next);
    const ids = (first.json.data as Array<{ id: string }>).map((o) => Number(o.id.split('/').at(-1)));
    // The next page starts after the last id of this one (keyset), with the filters and limit kept.
    expect(next.searchParams.get('after')).toBe(String(ids.at(-1)));
    expect(next.searchParams.get('page')).toBeNull();
    expect(next.searchParams.get('modified_since')).toBe('2000-01-01T00:00:00+01:00');
    expect(next.searchParams.get('limit')).toBe('10');
    const future = await get(`${BASE}/body/kl/meeting?created_since=2999-01-01`);
    expect(future.json.data).toEqual([]);
    expect((future.json.links as Record<string, string>).next).toBeUndefined();
    expect((await get(`${BASE}/body/kl/meeting?created_since=igår`)).status).toBe(400);
  });

  it('walks every list by links.next to exactly the objects of one big page, in id order, filters included', async () => {
    const bodies = (await get(`${BASE}/body`)).json.data as Array<{ id: string }>;
    const filters: Array<[string, string] | null> = [null, ['modified_since', '2000-01-01T00:00:00Z'], ['created_until', '2999-01-01'], ['created_since', '2999-01-01']];
    let walked = 0;
    for (const body of bodies) {
      for (const list of ['organization', 'person', 'meeting', 'paper', 'agenda-item', 'membership', 'file', 'location', 'legislative-term']) {
        for (const filter of filters) {
          const query = filter ? `&${filter[0]}=${encodeURIComponent(filter[1])}` : '';
          const all = ((await get(`${body.id}/${list}?limit=1000${query}`)).json.data as Array<{ id: string }>).map((o) => o.id);
          const paged: string[] = [];
          let url: string | undefined = `${body.id}/${list}?limit=3${query}`;
          while (url) {
            const page = await get(url);
            expect(page.status, url).toBe(200);
            const data = page.json.data as Array<{ id: string }>;
            expect(data.length, url).toBeLessThanOrEqual(3);
            paged.push(...data.map((o) => o.id));
            url = (page.json.links as { next?: string }).next;
            if (url && filter) expect(new URL(url).searchParams.get(filter[0]), url).toBe(filter[1]);
          }
          expect(paged, `${body.id}/${list} ${query}`).toEqual(all);
          walked += all.length;
        }
      }
    }
    expect(walked).toBeGreaterThan(100);
  }, 120_000);

  it('still serves pages by number, and refuses malformed paging', async () => {
    const all = ((await get(`${BASE}/body/kl/meeting?limit=1000`)).json.data as Array<{ id: string }>).map((o) => o.id);
    expect(all.length).toBeGreaterThan(2);
    const second = await get(`${BASE}/body/kl/meeting?limit=2&page=2`);
    expect((second.json.data as Array<{ id: string }>).map((o) => o.id)).toEqual(all.slice(2, 4));
    expect(second.json.pagination).toEqual({ elementsPerPage: 2, currentPage: 2 });
    expect(new URL((second.json.links as { prev: string }).prev).searchParams.get('page')).toBeNull();
    for (const bad of ['after=0', 'after=x', 'after=-1', 'page=0', 'limit=1001', 'limit=0', 'page=2&after=5']) {
      const res = await get(`${BASE}/body/kl/meeting?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(String(res.json.error), bad).toMatch(/after|page|limit/);
    }
  });

  it('serves a removed item as deleted, dates with their Copenhagen offset, and files as downloads', async () => {
    const bodies = (await get(`${BASE}/body`)).json.data as Array<{ id: string; name: string; meeting: string }>;
    const norddal = bodies.find((b) => b.name === 'Norddal Kommune')!;
    const meeting = ((await get(norddal.meeting)).json.data as Array<Record<string, unknown>>)[0]!;
    // 28 March 2021 02:30 is after the change to summer time (02:00 → 03:00 did not exist, 02:30 is +02:00 by the rule used).
    expect(String(meeting.start)).toMatch(/^2021-03-28T02:30:00\+0[12]:00$/);
    const items = meeting.agendaItem as Array<Record<string, unknown>>;
    expect(items.filter((i) => !i.deleted).map((i) => [i.number, i.name])).toEqual([['1', 'Et'], ['2', 'Tre']]);
    const gone = items.filter((i) => i.deleted);
    expect(gone).toHaveLength(1);
    expect(Object.keys(gone[0]!).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'order', 'type']);
    expect(String(meeting.created)).toMatch(/[+-]\d\d:\d\d$/);
    const kl = bodies.find((b) => b.name === 'KL')!;
    const meetings = (await get(kl.meeting)).json.data as Array<{ resultsProtocol?: { accessUrl: string } }>;
    const file = meetings.find((m) => m.resultsProtocol)!.resultsProtocol!;
    const download = await app.request(file.accessUrl.replace(ORIGIN, ''));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('answers unknown objects with 404 and closed items not at all', async () => {
    expect((await get(`${BASE}/meeting/999999`)).status).toBe(404);
    expect((await get(`${BASE}/agenda-item/abc`)).status).toBe(404);
    expect((await get(`${BASE}/body/findes-ikke/meeting`)).status).toBe(404);
  });
});
