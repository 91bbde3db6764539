/**
 * Bilag with stored bytes: the projection gives each a `files` row (reused, never duplicated, at
 * the stricter of the bilag's and the item's level), `/files/:id` serves it only to viewers who may
 * read the bilag (404 to everyone else), and the item and meeting pages link it with type and size.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { projectMeeting } from '../db/projection.js';
import { queryRows } from '../db/rows.js';
import { storeDocument } from '../db/store.js';
import { storeWrittenDocument } from '../db/store-written.js';
import { openTestDatabase } from '../db/testing.js';
import { organizationIdsBySlug } from '../db/users.js';
import type { MeetingDocument } from '../model/index.js';
import { storeBlob } from '../workspace/uploads.js';
import { signedInAs, workspaceApp } from '../workspace/testing.js';
import { danishFileSize } from './components/bilag.js';

const PDF = new TextEncoder().encode(`%PDF-1.4\n% Budget 2027\n${'x'.repeat(1300)}\n%%EOF\n`);
const CLOSED_PDF = new TextEncoder().encode('%PDF-1.4\n% Bilag til et lukket punkt\n%%EOF\n');
// What checkBilag takes for DOCX: a ZIP naming [Content_Types].xml and word/document.xml.
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml word/document.xml Lukket notat')]);
const CONFIDENTIAL_PDF = new TextEncoder().encode('%PDF-1.4\n% Personoplysninger\n%%EOF\n');
const MISSING = 'ab'.repeat(32);

describe('bilag files', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let member: string;
  let otherMember: string;
  let secretary: string;
  let meetingId: number;
  let hashes: { pdf: string; closedPdf: string; docx: string; confidential: string };

  const agenda = (note: string): MeetingDocument =>
    meetingDocument({
      kind: 'agenda',
      date: '2031-02-12',
      items: [
        item('1', 'Budget 2027', {
          text: `Budgettet ${note}.`,
          attachments: [
            { title: 'Budgetoversigt', access: 'public', fileName: 'budget.pdf', sha256: hashes.pdf },
            { title: 'Fortroligt notat om lønninger', access: 'closed', fileName: 'notat.docx', sha256: hashes.docx },
            { title: 'Bilag uden bytes', access: 'public', fileName: null, sha256: MISSING },
          ],
        }),
        item('2', 'Ansættelse af direktør', {
          access: 'closed',
          text: 'Ansøgernes navne og vurderinger.',
          attachments: [{ title: 'Indstilling om ansættelse', access: 'public', fileName: null, sha256: hashes.closedPdf }],
        }),
        item('3', 'Tilskud til foreninger', {
          attachments: [{ title: 'Ansøgers personoplysninger', access: 'confidential', fileName: 'personsag.pdf', sha256: hashes.confidential }],
        }),
      ],
    });

  const fileRows = () =>
    queryRows<{ id: number; name: string; access: string; media_type: string; size: number; sha256: string }>(
      database.db,
      sql`select id, name, access, media_type, size, sha256 from files where sha256 in (${hashes.pdf}, ${hashes.closedPdf}, ${hashes.docx}) order by id`,
    );
  const fileOf = async (name: string) => (await fileRows()).find((f) => f.name === name)!;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15' }), original('kkr'));
    await storeDocument(database.db, meetingDocument({ body: 'KD-Net', date: '2031-01-16' }), original('kd-net'));
    hashes = await database.db.transaction(async (tx) => ({ pdf: await storeBlob(tx, PDF), closedPdf: await storeBlob(tx, CLOSED_PDF), docx: await storeBlob(tx, DOCX), confidential: await storeBlob(tx, CONFIDENTIAL_PDF) }));
    const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland']);
    const stored = await database.db.transaction((tx) =>
      storeWrittenDocument(tx, agenda('vedtages'), { organizationId: orgs.get('kkr-midtjylland')!, createdBy: 'sekretaer@example.dk' }),
    );
    meetingId = stored.meetingId;
    app = workspaceApp(database.db);
    member = await signedInAs(app, database.db, 'medlem@example.dk', [{ slug: 'kkr-midtjylland', role: 'member' }]);
    otherMember = await signedInAs(app, database.db, 'andet@example.dk', [{ slug: 'kd-net', role: 'member' }]);
    secretary = await signedInAs(app, database.db, 'sekretaer@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
  });
  afterAll(() => database?.close());

  describe('projection', () => {
    it('gives each stored bilag a files row with its type from the bytes, its size and the stricter level', async () => {
      const rows = await fileRows();
      expect(rows.map((r) => [r.name, r.access, r.media_type, r.size])).toEqual([
        ['budget.pdf', 'public', 'application/pdf', PDF.byteLength],
        ['notat.docx', 'closed', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX.byteLength],
        // Public bilag of a closed item: closed, and named by its title.
        ['Indstilling om ansættelse', 'closed', 'application/pdf', CLOSED_PDF.byteLength],
      ]);
      const links = await queryRows<{ title: string; file_id: number | null; access: string }>(
        database.db,
        sql`select a.title, a.file_id, a.access from attachments a join agenda_items i on i.id = a.item_id where i.meeting_id = ${meetingId} order by i.position, a.position`,
      );
      expect(links.map((l) => [l.title, l.file_id, l.access])).toEqual([
        ['Budgetoversigt', rows[0]!.id, 'public'],
        ['Fortroligt notat om lønninger', rows[1]!.id, 'closed'],
        ['Bilag uden bytes', null, 'public'],
        ['Indstilling om ansættelse', rows[2]!.id, 'closed'],
        ['Ansøgers personoplysninger', links[4]!.file_id, 'confidential'],
      ]);
      expect(links[4]!.file_id).not.toBeNull();
    });

    it('reuses the rows on re-projection and on a new version, and warns of missing bytes without failing', async () => {
      const before = await fileRows();
      const warnings = await database.db.transaction((tx) => projectMeeting(tx, meetingId));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('Bilag uden bytes');
      const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland']);
      const again = await database.db.transaction((tx) =>
        storeWrittenDocument(tx, agenda('vedtages med ændringer'), { organizationId: orgs.get('kkr-midtjylland')!, createdBy: 'sekretaer@example.dk', note: 'Rettet tekst' }),
      );
      expect(again.status).toBe('updated');
      expect(await fileRows()).toEqual(before);
    });

    it('adds a row when a later version closes a public bilag, and the old row serves no one', async () => {
      const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland']);
      const doc = agenda('vedtages med ændringer');
      const closed = { ...doc, items: doc.items.map((i) => (i.number === '1' ? { ...i, attachments: i.attachments.map((a) => (a.title === 'Budgetoversigt' ? { ...a, access: 'closed' as const } : a)) } : i)) };
      const publicRow = await fileOf('budget.pdf');
      await database.db.transaction((tx) => storeWrittenDocument(tx, closed, { organizationId: orgs.get('kkr-midtjylland')!, createdBy: 's@example.dk', note: 'Lukket' }));
      const rows = (await fileRows()).filter((r) => r.name === 'budget.pdf');
      expect(rows.map((r) => r.access)).toEqual(['public', 'closed']);
      expect((await app.request(`/files/${publicRow.id}`)).status).toBe(404);
      expect((await app.request(`/documents/${publicRow.id}/original`)).status).toBe(404);
      expect((await app.request(`/files/${rows[1]!.id}`, { headers: { cookie: member } })).status).toBe(200);
      // Back to public: the first row is found again, not a third added.
      await database.db.transaction((tx) => storeWrittenDocument(tx, agenda('vedtages med ændringer'), { organizationId: orgs.get('kkr-midtjylland')!, createdBy: 's@example.dk', note: 'Åben igen' }));
      expect((await fileRows()).filter((r) => r.name === 'budget.pdf')).toHaveLength(2);
      expect((await app.request(`/files/${publicRow.id}`)).status).toBe(200);
    });
  });

  describe('/files/:id', () => {
    it('serves a public bilag to the anonymous: PDF inline, never sniffed, with its length', async () => {
      const file = await fileOf('budget.pdf');
      const res = await app.request(`/files/${file.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="budget.pdf"/);
      expect(res.headers.get('content-length')).toBe(String(PDF.byteLength));
      expect(res.headers.get('cache-control')).not.toContain('no-store');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    });

    it('answers 404 to the anonymous for a closed bilag and for any bilag of a closed item', async () => {
      for (const name of ['notat.docx', 'Indstilling om ansættelse']) {
        const res = await app.request(`/files/${(await fileOf(name)).id}`);
        expect(res.status, name).toBe(404);
        expect(await res.text()).not.toContain('Lukket notat');
      }
    });

    it("serves them to a member of the meeting's organisation, Word as an attachment, kept out of caches", async () => {
      const docx = await app.request(`/files/${(await fileOf('notat.docx')).id}`, { headers: { cookie: member } });
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="notat.docx"/);
      expect(docx.headers.get('cache-control')).toBe('private, no-store');
      const pdf = await app.request(`/files/${(await fileOf('Indstilling om ansættelse')).id}`, { headers: { cookie: member } });
      expect(pdf.status).toBe(200);
      // Named by its title, saved with its type's extension.
      expect(pdf.headers.get('content-disposition')).toContain("filename*=UTF-8''Indstilling%20om%20ans%C3%A6ttelse.pdf");
      expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    });

    it('answers 404 to a member of another organisation, and for ids that name no bilag', async () => {
      for (const name of ['notat.docx', 'Indstilling om ansættelse']) {
        expect((await app.request(`/files/${(await fileOf(name)).id}`, { headers: { cookie: otherMember } })).status, name).toBe(404);
      }
      // An original is not a bilag, and a bilag is not an original.
      const [originalFile] = await queryRows<{ file_id: number }>(database.db, sql`select file_id from document_versions where file_id is not null order by id limit 1`);
      expect((await app.request(`/files/${originalFile!.file_id}`)).status).toBe(404);
      expect((await app.request(`/documents/${(await fileOf('budget.pdf')).id}/original`)).status).toBe(404);
      for (const path of ['/files/999999', '/files/0', '/files/abc']) expect((await app.request(path)).status, path).toBe(404);
    });

    it("serves a confidential bilag to the organisation's secretaries only", async () => {
      const [row] = await queryRows<{ id: number; access: string }>(database.db, sql`select id, access from files where sha256 = ${hashes.confidential}`);
      expect(row!.access).toBe('confidential');
      expect((await app.request(`/files/${row!.id}`)).status).toBe(404);
      expect((await app.request(`/files/${row!.id}`, { headers: { cookie: member } })).status).toBe(404);
      const res = await app.request(`/files/${row!.id}`, { headers: { cookie: secretary } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect((await (await app.request(`/meetings/${meetingId}/items/3`, { headers: { cookie: member } })).text())).not.toContain('personoplysninger');
      expect((await (await app.request(`/meetings/${meetingId}/items/3`, { headers: { cookie: secretary } })).text())).toContain(`<a href="/files/${row!.id}">Ansøgers personoplysninger</a>`);
    });
  });

  describe('pages', () => {
    it('link a public bilag with its type and size, and show the anonymous nothing of closed bilag or items', async () => {
      const file = await fileOf('budget.pdf');
      for (const path of [`/meetings/${meetingId}`, `/meetings/${meetingId}/items/1`]) {
        const html = await (await app.request(path)).text();
        expect(html, path).toContain(`<a href="/files/${file.id}">Budgetoversigt</a>`);
        expect(html, path).toContain('(PDF, 1 kB)');
        // A bilag whose bytes are missing is listed by title, without a link.
        expect(html, path).toContain('Bilag uden bytes');
        for (const secret of ['Fortroligt notat', 'notat.docx', 'Ansættelse af direktør', 'Indstilling om ansættelse', 'Ansøgernes navne', `/files/${(await fileOf('notat.docx')).id}"`]) {
          expect(html, `${path}: ${secret}`).not.toContain(secret);
        }
      }
      expect((await app.request(`/meetings/${meetingId}/items/2`)).status).toBe(404);
    });

    it("link the closed bilag for a member of the meeting's organisation", async () => {
      const html = await (await app.request(`/meetings/${meetingId}`, { headers: { cookie: member } })).text();
      expect(html).toContain(`<a href="/files/${(await fileOf('notat.docx')).id}">Fortroligt notat om lønninger</a>`);
      expect(html).toContain('(Word, 1 kB)');
      expect(html).toContain(`<a href="/files/${(await fileOf('Indstilling om ansættelse')).id}">Indstilling om ansættelse</a>`);
    });
  });

  describe('JSON API', () => {
    it("gives each bilag its file's URL, type and size when stored, and leaves out what the reader may not see", async () => {
      type ApiAttachment = { title: string; file: { url: string; mediaType: string; size: number } | null };
      const pdf = await fileOf('budget.pdf');
      const anonymous = (await (await app.request(`/api/meetings/${meetingId}/items/1`)).json()) as { item: { attachments: ApiAttachment[] } };
      expect(anonymous.item.attachments.map((a) => [a.title, a.file])).toEqual([
        ['Budgetoversigt', { url: `/files/${pdf.id}`, mediaType: 'application/pdf', size: PDF.byteLength }],
        ['Bilag uden bytes', null],
      ]);
      const meeting = await (await app.request(`/api/meetings/${meetingId}`, { headers: { cookie: member } })).text();
      expect(meeting).toContain(`"url":"/files/${(await fileOf('notat.docx')).id}"`);
      expect(meeting).toContain(`"url":"/files/${(await fileOf('Indstilling om ansættelse')).id}"`);
      const publicMeeting = await (await app.request(`/api/meetings/${meetingId}`)).text();
      expect(publicMeeting).toContain(`"url":"/files/${pdf.id}"`);
      for (const secret of ['Fortroligt notat', 'Indstilling om ansættelse', 'Ansættelse af direktør']) expect(publicMeeting).not.toContain(secret);
    });
  });

  it('writes sizes as Danish readers do', () => {
    expect(danishFileSize(1_258_291)).toBe('1,2 MB');
    expect(danishFileSize(340 * 1024)).toBe('340 kB');
    expect(danishFileSize(10)).toBe('1 kB');
  });
});
