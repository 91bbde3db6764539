/**
 * A small OParl 1.1 client written from the specification alone: it knows only the entry point,
 * the field names the specification gives (System.body, Body.meeting, Meeting.agendaItem,
 * AgendaItem.number/name/public, links.next, web) and nothing of Referat's URLs. What it reads must
 * be every meeting the public archive shows, each with exactly its public items, and no closed one.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOParlApp } from '../src/api/oparl/routes.js';
import type { Archive } from '../src/archive/types.js';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { storeDocument } from '../src/db/store.js';
import { openTestDatabase } from '../src/db/testing.js';
import { importFile } from '../src/import/index.js';
import { ANONYMOUS, effectiveAccess } from '../src/model/index.js';
import { createApp } from '../src/web/app.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = 'http://referat.test/oparl/v1.1/';

type Json = Record<string, unknown>;
interface ClientMeeting {
  web: string;
  items: Array<{ number: string; name: string }>;
}

/** The client: System → bodies → each body's meetings, every list page by links.next. */
async function readAllMeetings(fetchJson: (url: string) => Promise<Json>): Promise<{ meetings: ClientMeeting[]; nonPublic: number }> {
  const list = async function* (url: string): AsyncGenerator<Json> {
    for (let next: string | undefined = url; next; ) {
      const page = await fetchJson(next);
      yield* page.data as Json[];
      next = (page.links as { next?: string } | undefined)?.next;
    }
  };
  const system = await fetchJson(ENTRY);
  const meetings: ClientMeeting[] = [];
  let nonPublic = 0;
  for await (const body of list(String(system.body))) {
    for await (const meeting of list(String(body.meeting))) {
      if (meeting.deleted) continue;
      const items = ((meeting.agendaItem ?? []) as Json[]).filter((i) => !i.deleted);
      nonPublic += items.filter((i) => i.public !== true).length;
      meetings.push({ web: String(meeting.web), items: items.map((i) => ({ number: String(i.number), name: String(i.name) })) });
    }
  }
  return { meetings, nonPublic };
}

/** What the public archive shows: every listed meeting's public items, by meeting page address. */
async function archiveMeetings(archive: Archive): Promise<Map<string, ClientMeeting['items']>> {
  const out = new Map<string, ClientMeeting['items']>();
  for (let page = 1; ; page++) {
    const list = await archive.listMeetings(ANONYMOUS, { page, limit: 100 });
    for (const summary of list.meetings) {
      const view = await archive.getMeeting(ANONYMOUS, summary.id);
      if (!view) continue;
      const access = effectiveAccess(view.document.items);
      const items = view.document.items.filter((i) => access.get(i.number) === 'public').map((i) => ({ number: i.number, name: i.title }));
      out.set(`http://referat.test/meetings/${summary.id}`, items);
    }
    if (page * list.limit >= list.total) break;
  }
  // Planned meetings (known from calendars in documents) are on their bodies' pages: Meetings without items.
  for (const body of await archive.listBodies(ANONYMOUS)) {
    for (const m of (await archive.getBody(ANONYMOUS, body.slug))!.meetings) {
      if (m.kinds.length === 0 && (await archive.getPlannedMeeting?.(ANONYMOUS, m.id))) out.set(`http://referat.test/meetings/${m.id}`, []);
    }
  }
  return out;
}

let database: Database;
let archive: Archive;
let app: ReturnType<typeof createApp>;
/** Titles of the closed and confidential items imported (and of no public one). */
const closedTitles = new Set<string>();
beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  app = createApp(archive, { oparl: createOParlApp(database.db) });
  const samples = resolve(HERE, '../samples');
  const files = [
    ...readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => join(samples, f)),
    // Case-system exports with closed and confidential items.
    ...['sbsys.xml', 'acadre/XML_2041.xml', 'edoc.xml'].map((f) => resolve(HERE, 'fixtures/xml', f)),
  ];
  for (const path of files) {
    const f = await importFile(path);
    const access = effectiveAccess(f.document.items);
    for (const i of f.document.items) if (access.get(i.number) !== 'public') closedTitles.add(i.title);
    await storeDocument(database.db, f.document, { bytes: f.bytes, fileName: path, format: f.format, access: f.fileAccess });
  }
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe('an OParl client written from the specification', () => {
  it('reads every public meeting with exactly its public items, and nothing closed', async () => {
    const fetchJson = async (url: string) => {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      return (await res.json()) as Json;
    };
    const { meetings, nonPublic } = await readAllMeetings(fetchJson);
    const expected = await archiveMeetings(archive);
    expect(expected.size).toBeGreaterThanOrEqual(8);
    const read = new Map(meetings.map((m) => [m.web, m.items]));
    expect(read.size).toBe(meetings.length); // no meeting read twice
    expect([...read.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [web, items] of expected) expect(read.get(web), web).toEqual(items);
    expect(nonPublic).toBe(0);
    // The fixtures do hold closed items, and the client read none of them.
    const publicTitles = new Set(meetings.flatMap((m) => m.items.map((i) => i.name)));
    const onlyClosed = [...closedTitles].filter((t) => ![...expected.values()].some((items) => items.some((i) => i.name === t)));
    expect(onlyClosed.length).toBeGreaterThan(0);
    for (const title of onlyClosed) expect(publicTitles.has(title), title).toBe(false);
  }, 120_000);
});
