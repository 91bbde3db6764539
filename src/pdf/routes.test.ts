/** The PDF downloads through the whole app on a real database: anonymous, members, caching, approval. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../auth/index.js';
import { hashPassword } from '../auth/password.js';
import { loginCookie } from '../auth/testing.js';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { createUser, organizationIdsBySlug } from '../db/users.js';
import { createApp } from '../web/app.js';
import { createPdfCache, type PdfCache } from './cache.js';
import { CLOSED_ITEM } from './render.js';
import { pdfRoutes } from './routes.js';
import { CLOSED_WORDS, sampleMeeting } from './sample.js';
import { allText, readBack } from './testing.js';

const PASSWORD = 'en lang nok adgangskode';
let database: Database;
let app: ReturnType<typeof createApp>;
let meetingId: number;
let renders = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const minutes = sampleMeeting(8);
  await storeDocument(database.db, { ...minutes, kind: 'agenda', items: minutes.items.map((i) => ({ ...i, decision: null, sections: i.sections.filter((s) => s.type !== 'decision') })) }, original('dagsorden'));
  meetingId = (await storeDocument(database.db, minutes, original('referat'))).meetingId;
  await storeDocument(database.db, meetingDocument({ date: '2020-09-09', items: [item('1', 'Godkendelse af referat fra mødet den 17. juni 2020')] }), original('næste'));
  await storeDocument(database.db, meetingDocument({ body: 'KD-Net', date: '2020-08-28', items: [item('1', 'Netværkets punkt')] }), original('kdnet'));
  const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland', 'kd-net']);
  const hash = await hashPassword(PASSWORD);
  await createUser(database.db, { kind: 'cli' }, { email: 'medlem@example.dk', displayName: 'Medlem', passwordHash: hash, admin: false, roles: [{ organizationId: orgs.get('kkr-midtjylland')!, role: 'member' }] });
  await createUser(database.db, { kind: 'cli' }, { email: 'andet@example.dk', displayName: 'Andet', passwordHash: hash, admin: false, roles: [{ organizationId: orgs.get('kd-net')!, role: 'member' }] });
  const inner = createPdfCache();
  const counting: PdfCache = {
    get size() {
      return inner.size;
    },
    get: (key, render) => inner.get(key, () => (renders++, render())),
  };
  app = createApp(createDbArchive(database.db), {
    accounts: createAccounts(database.db, { secret: 'test-secret' }),
    pdf: pdfRoutes(database.db, { cache: counting, now: () => new Date('2026-12-01T10:00:00Z') }),
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const closedNumber = String(8 - 1);
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('GET /meetings/:id/documents/:kind.pdf', () => {
  it('gives the public the public copy: a PDF download with the closed item as "Lukket punkt" only', async () => {
    const res = await get(`/meetings/${meetingId}/documents/minutes.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Referat KKR Midtjylland 2020-06-17.pdf"; filename*=UTF-8''Referat%20KKR%20Midtjylland%202020-06-17.pdf`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const text = allText(await readBack(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain(`${closedNumber}. ${CLOSED_ITEM}`);
    for (const word of CLOSED_WORDS) expect(text).not.toContain(word);
    expect(text).not.toContain('godkendt på mødet');
  });

  it("gives a member of the organisation the members' copy, never to be cached", async () => {
    const cookie = await loginCookie(app, 'medlem@example.dk', PASSWORD);
    const res = await get(`/meetings/${meetingId}/documents/minutes.pdf`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
    const text = allText(await readBack(new Uint8Array(await res.arrayBuffer())));
    for (const word of CLOSED_WORDS) expect(text).toContain(word);
    expect(text).not.toContain(`${closedNumber}. ${CLOSED_ITEM}`);
  });

  it("gives a member of another organisation the public copy", async () => {
    const cookie = await loginCookie(app, 'andet@example.dk', PASSWORD);
    const text = allText(await readBack(new Uint8Array(await (await get(`/meetings/${meetingId}/documents/minutes.pdf`, { cookie })).arrayBuffer())));
    expect(text).toContain(`${closedNumber}. ${CLOSED_ITEM}`);
    for (const word of CLOSED_WORDS) expect(text).not.toContain(word);
  });

  it('renders a public copy once and answers a revalidation with 304', async () => {
    const path = `/meetings/${meetingId}/documents/agenda.pdf`;
    const before = renders;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(allText(await readBack(new Uint8Array(await first.arrayBuffer())))).toContain('Dagsorden');
    const second = await get(path);
    expect(Buffer.from(await second.arrayBuffer()).length).toBeGreaterThan(1000);
    expect(renders - before).toBe(1);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
  });

  it('prints on the minutes the meeting that approved them, once its minutes say so', async () => {
    // The next meeting's minutes approve them: its approval item (projected with minutes_of) gets a decision.
    await database.db.execute(sql`update agenda_items set minutes_of = '2020-06-17', decision = 'Godkendt.' where meeting_date = '2020-09-09' and number = '1'`);
    const text = allText(await readBack(new Uint8Array(await (await get(`/meetings/${meetingId}/documents/minutes.pdf`)).arrayBuffer())));
    expect(text).toContain('Referatet er godkendt på mødet onsdag den 9. september 2020.');
  });

  it('is 404 for a document the meeting does not have, an unknown kind or meeting, and a closed meeting for the public', async () => {
    for (const path of [
      `/meetings/${meetingId}/documents/supplementary-agenda.pdf`,
      `/meetings/${meetingId}/documents/supplementary_agenda.pdf`,
      `/meetings/${meetingId}/documents/referat.pdf`,
      '/meetings/99999/documents/minutes.pdf',
      '/meetings/0/documents/minutes.pdf',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const closed = await storeDocument(database.db, meetingDocument({ date: '2020-12-01', access: 'closed' }), original('lukket møde'));
    expect((await get(`/meetings/${closed.meetingId}/documents/minutes.pdf`)).status).toBe(404);
  });

  it('the meeting page links both PDFs', async () => {
    const html = await (await get(`/meetings/${meetingId}`)).text();
    expect(html).toContain(`<a href="/meetings/${meetingId}/documents/agenda.pdf" download="">`);
    expect(html).toContain(`<a href="/meetings/${meetingId}/documents/minutes.pdf" download="">`);
    expect(html).toContain('Hent som PDF');
  });
});
