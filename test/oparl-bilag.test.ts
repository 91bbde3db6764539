/**
 * Bilag in OParl 1.1: a public bilag with stored bytes is a File (validated against the OParl
 * schemas in ../shared/oparl-schema) on its AgendaItem's and its Meeting's `auxiliaryFile`, at
 * /file/:id and in the body's file list, its accessUrl the archive's /files/:id; a closed bilag,
 * or any bilag of a closed item, appears nowhere.
 */
import { sql } from 'drizzle-orm';
import { HAVE_SCHEMAS, oparlValidator } from './oparl-schemas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOParlApp } from '../src/api/oparl/routes.js';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { item, meetingDocument, original } from '../src/db/fixtures.js';
import { queryRows } from '../src/db/rows.js';
import { storeDocument } from '../src/db/store.js';
import { storeWrittenDocument } from '../src/db/store-written.js';
import { openTestDatabase } from '../src/db/testing.js';
import { organizationIdsBySlug } from '../src/db/users.js';
import { createApp } from '../src/web/app.js';
import { storeBlob } from '../src/workspace/uploads.js';

const ORIGIN = 'http://referat.test';
const BASE = `${ORIGIN}/oparl/v1.1`;
const SECRETS = ['Lønforhold', 'loen.docx', 'Ansættelse af direktør', 'Indstilling om ansættelse'];

const PDF = new TextEncoder().encode('%PDF-1.4\n% Kort over ruten\n%%EOF\n');
const CLOSED_PDF = new TextEncoder().encode('%PDF-1.4\n% Indstilling\n%%EOF\n');
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml word/document.xml')]);

type Json = Record<string, unknown>;

describe.skipIf(!HAVE_SCHEMAS)('bilag in OParl', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let meetingId: number;
  const ids: Record<string, number> = {};

  const valid = oparlValidator();
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, text: await res.clone().text(), json: res.status === 200 ? ((await res.json()) as Json) : {} };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    app = createApp(createDbArchive(database.db), { oparl: createOParlApp(database.db) });
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15' }), original('kkr'));
    const hashes = await database.db.transaction(async (tx) => ({ pdf: await storeBlob(tx, PDF), closedPdf: await storeBlob(tx, CLOSED_PDF), docx: await storeBlob(tx, DOCX) }));
    const org = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    const doc = meetingDocument({
      kind: 'agenda',
      date: '2031-03-05',
      items: [
        item('1', 'Ny busrute', {
          attachments: [
            { title: 'Kort over ruten', access: 'public', fileName: 'kort.pdf', sha256: hashes.pdf },
            { title: 'Lønforhold for chauffører', access: 'closed', fileName: 'loen.docx', sha256: hashes.docx },
          ],
        }),
        item('2', 'Ansættelse af direktør', {
          access: 'closed',
          attachments: [{ title: 'Indstilling om ansættelse', access: 'public', fileName: null, sha256: hashes.closedPdf }],
        }),
      ],
    });
    meetingId = (await database.db.transaction((tx) => storeWrittenDocument(tx, doc, { organizationId: org, createdBy: 's@example.dk' }))).meetingId;
    for (const f of await queryRows<{ id: number; name: string }>(database.db, sql`select id, name from files`)) ids[f.name] = f.id;
  });
  afterAll(() => database?.close());

  it('lists the public bilag as a valid File on the Meeting and its AgendaItem, and nothing of the closed ones', async () => {
    const { status, text, json } = await get(`${BASE}/meeting/${meetingId}`);
    expect(status).toBe(200);
    expect(valid(json)).toEqual([]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const file = {
      id: `${BASE}/file/${ids['kort.pdf']}`,
      type: 'https://schema.oparl.org/1.1/File',
      name: 'kort.pdf',
      mimeType: 'application/pdf',
      size: PDF.byteLength,
      accessUrl: `${ORIGIN}/files/${ids['kort.pdf']}`,
      downloadUrl: `${ORIGIN}/files/${ids['kort.pdf']}`,
    };
    expect(json.auxiliaryFile).toEqual([expect.objectContaining(file)]);
    const items = json.agendaItem as Json[];
    expect(items.map((i) => i.number)).toEqual(['1']);
    expect(items[0]!.auxiliaryFile).toEqual([expect.objectContaining({ ...file, agendaItem: [items[0]!.id] })]);
    const alone = await get(String(items[0]!.id));
    expect(valid(alone.json)).toEqual([]);
    expect(alone.json.auxiliaryFile).toEqual(items[0]!.auxiliaryFile);
  });

  it('serves the File at its id and in the body list; the closed files are 404 and listed nowhere', async () => {
    const one = await get(`${BASE}/file/${ids['kort.pdf']}`);
    expect(one.status).toBe(200);
    expect(valid(one.json)).toEqual([]);
    expect(one.json.id).toBe(`${BASE}/file/${ids['kort.pdf']}`);
    for (const name of ['loen.docx', 'Indstilling om ansættelse']) expect((await get(`${BASE}/file/${ids[name]}`)).status, name).toBe(404);
    const bodies = (await get(`${BASE}/body`)).json.data as Json[];
    const listed: string[] = [];
    for (const body of bodies) {
      const list = await get(`${String(body.file)}?limit=1000`);
      for (const secret of SECRETS) expect(list.text).not.toContain(secret);
      for (const f of list.json.data as Json[]) {
        expect(valid(f)).toEqual([]);
        listed.push(String(f.id));
      }
      const agendaItems = await get(`${String(body.agendaItem)}?limit=1000`);
      for (const secret of SECRETS) expect(agendaItems.text).not.toContain(secret);
    }
    expect(listed).toContain(`${BASE}/file/${ids['kort.pdf']}`);
    expect(listed).not.toContain(`${BASE}/file/${ids['loen.docx']}`);
    expect(listed).not.toContain(`${BASE}/file/${ids['Indstilling om ansættelse']}`);
  });

  it("downloads the public bilag from its accessUrl", async () => {
    const res = await app.request(`${ORIGIN}/files/${ids['kort.pdf']}`);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });
});
