/**
 * In-process HTTP tests of a document's versions over the database archive (PGlite, or
 * PostgreSQL with DATABASE_URL): the same minutes stored twice with changed text, listed on the
 * meeting page, each version at its own URL, and a version compared with the current one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Archive } from '../archive/types.js';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { organizations } from '../db/schema.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';
import { createApp } from './app.js';
import { HOSTILE } from './testing/fixtures.js';

let database: Database;
let archive: Archive;
let app: ReturnType<typeof createApp>;
/** The public meeting stored twice, and the meeting with a closed item that changed. */
let meetingId: number;
let closedMeetingId: number;
let testudvalgetId: number;

const first = meetingDocument({
  items: [
    item('1', 'Godkendelse af referat', { text: 'Referatet blev godkendt uden bemærkninger.' }),
    item('2', 'Klimaplan for kommunerne', { text: 'Gammel tekst om klimaplanen.', decision: 'Sagen blev udsat.' }),
  ],
});
const second = meetingDocument({
  items: [
    item('1', 'Godkendelse af referat', { text: 'Referatet blev godkendt uden bemærkninger.' }),
    item('2', 'Klimaplan for kommunerne', { text: `Ny tekst om klimaplanen med DK2020 ${HOSTILE}.`, decision: 'Sagen blev udsat.' }),
    item('3', 'Eventuelt', { text: 'Der var intet under eventuelt.' }),
  ],
});

const closedDoc = (secret: string, open: string) =>
  meetingDocument({
    body: 'Testudvalget',
    date: '2021-03-01',
    items: [
      item('1', 'Orientering om budgettet', { text: open }),
      item('2', 'Personalesag om ansættelse', { text: secret, access: 'closed', caseNumber: 'SAG-2021-00042' }),
    ],
  });

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  app = createApp(archive);
  const v1 = await storeDocument(database.db, first, original('version 1'));
  const v2 = await storeDocument(database.db, second, original('version 2'));
  expect(v1).toMatchObject({ status: 'imported', version: 1 });
  expect(v2).toMatchObject({ status: 'updated', version: 2, meetingId: v1.meetingId });
  meetingId = v1.meetingId;

  const c1 = await storeDocument(database.db, closedDoc('Fortroligt indhold om ansøgeren Jensen.', 'Budgettet blev forelagt.'), original('closed 1'));
  const c2 = await storeDocument(database.db, closedDoc('Fortroligt indhold om ansøgeren Hansen.', 'Budgettet blev forelagt og drøftet.'), original('closed 2'));
  expect(c2).toMatchObject({ status: 'updated', version: 2, meetingId: c1.meetingId });
  closedMeetingId = c1.meetingId;
  const [org] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, 'testudvalget'));
  testudvalgetId = org!.id;
});
afterAll(async () => {
  await database?.close();
});

const html = async (path: string, status = 200) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
};
const versionPath = (id: number, version: number | string, kind = 'minutes') => `/meetings/${id}/documents/${kind}/versions/${version}`;

describe('GET /meetings/:id lists the versions', () => {
  it('shows the current version, links the earlier one with a comparison, and offers each public original', async () => {
    const body = await html(`/meetings/${meetingId}`);
    expect(body).toContain('<th scope="row">Versioner og originaler</th>');
    expect(body).toContain('<th scope="row">Status</th><td>Referat offentliggjort</td>');
    expect(body).toContain(`<strong>Referat</strong>: gældende <a href="${versionPath(meetingId, 2)}">version 2</a>`);
    expect(body).toContain(`<a href="${versionPath(meetingId, 1)}">version 1</a>`);
    expect(body).toContain(`<a href="${versionPath(meetingId, 1)}/compare">sammenlign med gældende</a>`);
    // The current version comes first; both originals are public and offered.
    expect(body.indexOf('>version 2<')).toBeLessThan(body.indexOf('>version 1<'));
    const originals = [...body.matchAll(/href="\/documents\/(\d+)\/original" download="">original som tekst</g)].map((m) => m[1]);
    expect(new Set(originals).size).toBe(2);
    // The page itself shows the current text.
    expect(body).toContain('Ny tekst om klimaplanen med DK2020');
    expect(body).not.toContain('Gammel tekst om klimaplanen.');
  });

  it('downloads each version\'s own original', async () => {
    const view = (await archive.getMeeting(ANONYMOUS, meetingId))!;
    const versions = view.documents[0]!.versions;
    expect(versions.map((v) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    const texts = await Promise.all(versions.map(async (v) => (await app.request(`/documents/${v.fileId}/original`)).text()));
    expect(texts).toEqual(['version 2', 'version 1']);
  });
});

describe('GET /meetings/:id/documents/:kind/versions/:version', () => {
  it('shows version 1\'s text under a notice naming the current version', async () => {
    const body = await html(versionPath(meetingId, 1));
    expect(body).toContain('<title>Referat version 1: KKR Midtjylland, 17. juni 2020');
    expect(body).toMatch(/<div class="alert alert-warning" role="note">/);
    expect(body).toMatch(/Version 1 af 2 af referatet, fra \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d/u);
    expect(body).toContain('Den gældende version er version 2.');
    expect(body).toContain(`<a href="/meetings/${meetingId}">Se den gældende version</a>`);
    expect(body).toContain(`<a href="${versionPath(meetingId, 1)}/compare">sammenlign de to</a>`);
    expect(body).toContain('Gammel tekst om klimaplanen.');
    expect(body).not.toContain('Ny tekst om klimaplanen');
    expect(body).not.toContain('Eventuelt');
  });

  it('says the current version is the current one', async () => {
    const body = await html(versionPath(meetingId, 2));
    expect(body).toMatch(/<div class="alert alert-info" role="note">/);
    expect(body).toContain('Version 2 af 2 af referatet');
    expect(body).toContain('Dette er den gældende version.');
    expect(body).toContain('Ny tekst om klimaplanen med DK2020');
    expect(body).not.toContain(HOSTILE);
  });

  it('is a Danish page with one h1 and no skipped heading level', async () => {
    for (const path of [versionPath(meetingId, 1), `${versionPath(meetingId, 1)}/compare`]) {
      const body = await html(path);
      expect(body.startsWith('<!DOCTYPE html><html lang="da">'), path).toBe(true);
      expect(body.match(/<h1[ >]/g)?.length, path).toBe(1);
      const levels = [...body.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${path} heading ${i}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it.each([
    ['an unknown version', () => versionPath(meetingId, 3)],
    ['an unknown version compared', () => `${versionPath(meetingId, 3)}/compare`],
    ['a kind the meeting does not have', () => versionPath(meetingId, 1, 'agenda')],
    ['a bad kind', () => versionPath(meetingId, 1, 'referat')],
    ['a bad kind compared', () => `${versionPath(meetingId, 1, 'notes')}/compare`],
    ['a non-numeric version', () => versionPath(meetingId, 'en')],
    ['a non-numeric version compared', () => `${versionPath(meetingId, 'en')}/compare`],
    ['a fractional version', () => versionPath(meetingId, '1.5')],
    ['version 0', () => versionPath(meetingId, 0)],
    ['an unknown meeting', () => versionPath(999_999, 1)],
  ])('is 404 for %s', async (_, path) => {
    await html(path(), 404);
  });
});

describe('GET …/versions/:version/compare', () => {
  it('shows the paragraphs removed and added, item by item, and the items added', async () => {
    const body = await html(`${versionPath(meetingId, 1)}/compare`);
    expect(body).toContain('<h1>Referat: version 1 sammenlignet med version 2</h1>');
    expect(body).toContain('Punkter tilføjet: 1, fjernet: 0, ændret: 1');
    expect(body).toContain('<del>Gammel tekst om klimaplanen.</del>');
    expect(body).toContain('<ins>Ny tekst om klimaplanen med DK2020 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.</ins>');
    expect(body).not.toContain(HOSTILE);
    expect(body).toMatch(/<h2>2 Klimaplan for kommunerne <span class="badge">Ændret<\/span><\/h2>/);
    expect(body).toMatch(/<h2>3 Eventuelt <span class="badge">Tilføjet<\/span><\/h2>/);
    expect(body).toContain('<ins>Der var intet under eventuelt.</ins>');
    // Paragraphs both versions have are not listed, nor is the unchanged item.
    expect(body).not.toContain('Sagen blev udsat.');
    expect(body).not.toContain('Godkendelse af referat');
    expect(body).toContain(`<a href="${versionPath(meetingId, 1)}">Version 1</a>`);
  });

  it('compares the current version with itself as the same text', async () => {
    const body = await html(`${versionPath(meetingId, 2)}/compare`);
    expect(body).toContain('Teksten er den samme i de to versioner.');
  });
});

describe('versions of a document with a closed item', () => {
  it('never show the closed item or its changes to the public, on any version page', async () => {
    for (const path of [`/meetings/${closedMeetingId}`, versionPath(closedMeetingId, 1), versionPath(closedMeetingId, 2), `${versionPath(closedMeetingId, 1)}/compare`]) {
      const body = await html(path);
      expect(body, path).not.toContain('Personalesag');
      expect(body, path).not.toContain('Fortroligt indhold');
      expect(body, path).not.toContain('SAG-2021-00042');
    }
    const compare = await html(`${versionPath(closedMeetingId, 1)}/compare`);
    expect(compare).toContain('<del>Budgettet blev forelagt.</del>');
    expect(compare).toContain('<ins>Budgettet blev forelagt og drøftet.</ins>');
    expect(compare).toContain('Punkter tilføjet: 0, fjernet: 0, ændret: 1');
  });

  it('offer the public no original of a version with closed content', async () => {
    const body = await html(`/meetings/${closedMeetingId}`);
    expect(body).toContain(`<a href="${versionPath(closedMeetingId, 1)}">version 1</a>`);
    expect(body).not.toContain('original som');
    const view = (await archive.getMeeting(ANONYMOUS, closedMeetingId))!;
    expect(view.documents[0]!.versions.map((v) => v.fileId)).toEqual([null, null]);
  });

  it('show the organisation\'s members the closed item\'s changes (the archive honours the viewer)', async () => {
    const member: Viewer = accountViewer(1, 'member', testudvalgetId);
    const comparison = (await archive.compareVersion(member, closedMeetingId, 'minutes', 1))!;
    const closed = comparison.items.find((i) => i.key === '2 Personalesag om ansættelse');
    expect(closed).toMatchObject({ status: 'changed', removed: ['Fortroligt indhold om ansøgeren Jensen.'], added: ['Fortroligt indhold om ansøgeren Hansen.'] });
    const publicComparison = (await archive.compareVersion(ANONYMOUS, closedMeetingId, 'minutes', 1))!;
    expect(publicComparison.items.map((i) => i.key)).toEqual(['1 Orientering om budgettet']);
  });
});
