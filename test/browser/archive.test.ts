/**
 * Browser tests of the real application: the seed documents imported with the real importer into
 * a temporary database (PGlite, or PostgreSQL when DATABASE_URL is set), served over HTTP, driven
 * by Debian's Chromium, and checked with axe-core. Skipped only when /usr/bin/chromium is missing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { importFile } from '../../src/import/index.js';
import { createDbArchive } from '../../src/db/archive.js';
import { storeDocument } from '../../src/db/store.js';
import { openTestDatabase } from '../../src/db/testing.js';
import type { Database } from '../../src/db/client.js';
import type { Archive } from '../../src/archive/types.js';
import { ANONYMOUS, type MeetingDocument } from '../../src/model/index.js';
import { createApp } from '../../src/web/app.js';
import { compareUrl, versionUrl } from '../../src/web/urls.js';
import { CHROMIUM_PATH, describeViolations, expectAccessible, hasChromium, launchChromium, runAxe, startServer, type RunningServer } from './harness.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;
const CORRECTION = 'Rettelse: punktet er suppleret efter mødet.';

/** The document with a paragraph added to the first section of its last item that has sections. */
function withParagraph(doc: MeetingDocument, text: string): MeetingDocument {
  const target = doc.items.filter((i) => i.sections.length > 0).at(-1)!;
  return {
    ...doc,
    items: doc.items.map((i) =>
      i !== target ? i : { ...i, sections: i.sections.map((s, n) => (n === 0 ? { ...s, blocks: [...s.blocks, { kind: 'paragraph' as const, text }] } : s)) },
    ),
  };
}

if (!hasChromium) {
  console.warn(`Browser tests skipped: ${CHROMIUM_PATH} is missing. Install Debian's Chromium with: apt-get install -y chromium`);
}

describe.skipIf(!hasChromium)('web archive in Chromium (seeds imported into a database)', () => {
  let database: Database;
  let archive: Archive;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let noScript: BrowserContext;
  let kdnet: { document: MeetingDocument; bytes: Uint8Array; fileName: string; format: string } | undefined;
  const url = (path: string) => server.url + path;

  beforeAll(async () => {
    database = await openTestDatabase();
    for (const fileName of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
      const { document, bytes, format } = await importFile(join(SAMPLES, fileName));
      await storeDocument(database.db, document, { bytes, fileName, format });
      if (document.body === 'KD-Net') kdnet = { document, bytes, fileName, format };
    }
    // A corrected KD-Net minutes: the same meeting gets a second version, so the meeting page
    // lists an earlier version, readable at its own URL and comparable with the current one.
    const corrected = withParagraph(kdnet!.document, CORRECTION);
    const stored = await storeDocument(database.db, corrected, { ...kdnet!, bytes: new Uint8Array([...kdnet!.bytes, 10]) });
    expect(stored).toMatchObject({ status: 'updated', version: 2 });
    archive = createDbArchive(database.db);
    server = await startServer(createApp(archive));
    browser = await launchChromium();
    context = await browser.newContext();
    noScript = await browser.newContext({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** Every page type, for the status and accessibility checks (404 and 400 pages included). */
  async function pageTypes(): Promise<Array<{ path: string; status: number }>> {
    const pages = [
      { path: '/', status: 200 },
      { path: '/search', status: 200 },
      { path: '/search?q=klimastrategi', status: 200 },
      { path: '/search?q=klima&kind=minutes&section=decision&sort=newest', status: 200 },
      { path: '/search?q=xyzzyfindesikke', status: 200 },
      { path: '/search?q=klima&year=tyve', status: 400 },
      { path: '/search?q=sag%202020%2001697&from=2020-01-01&to=2020-12-31', status: 200 },
      { path: '/search?q=klima&from=2020-13-01', status: 400 },
      { path: '/findes-ikke', status: 404 },
    ];
    const bodies = await archive.listBodies(ANONYMOUS);
    expect(bodies.length).toBeGreaterThan(0);
    // A name finds the person (a link above the hits); the person field keeps their meetings' items.
    const someone = (await archive.listPeople(ANONYMOUS, {}))[0]!.people[0]!;
    pages.push({ path: `/search?q=${encodeURIComponent(someone.name)}`, status: 200 });
    pages.push({ path: `/search?person=${someone.id}-${someone.slug}`, status: 200 });
    const cases = new Set<string>();
    for (const body of bodies) {
      pages.push({ path: `/bodies/${body.slug}`, status: 200 });
      for (const meeting of (await archive.getBody(ANONYMOUS, body.slug))!.meetings) {
        pages.push({ path: `/meetings/${meeting.id}`, status: 200 });
        // A planned meeting (from a calendar in a document) has its own page and no documents.
        if (meeting.kinds.length === 0) continue;
        const view = (await archive.getMeeting(ANONYMOUS, meeting.id))!;
        const item = view.document.items.find((i) => i.sections.length > 0) ?? view.document.items[0];
        if (item) pages.push({ path: `/meetings/${meeting.id}/items/${item.number}`, status: 200 });
        for (const i of view.document.items) if (i.caseNumber) cases.add(i.caseNumber);
        // Every version at its own URL, and each earlier one compared with the current one.
        for (const d of view.documents) {
          for (const v of d.versions) {
            pages.push({ path: versionUrl(meeting.id, d.kind, v.version), status: 200 });
            if (!v.current) pages.push({ path: compareUrl(meeting.id, d.kind, v.version), status: 200 });
          }
          pages.push({ path: versionUrl(meeting.id, d.kind, d.versions.length + 1), status: 404 });
        }
      }
    }
    expect(pages.filter((p) => p.path.endsWith('/compare')).length).toBeGreaterThan(0);
    // Following cases and people: every case page, the people index (filtered too), and a person
    // page of each kind of attendance (member present, afbud with substitute, substitute, other attendee).
    expect(cases.size).toBeGreaterThan(0);
    for (const c of cases) pages.push({ path: `/cases/${encodeURIComponent(c)}`, status: 200 });
    pages.push(
      { path: '/cases/SAG-1900-00000', status: 404 },
      { path: '/people', status: 200 },
      { path: '/people?q=%C3%B8sterby', status: 200 },
      { path: '/people?q=xyzzyfindesikke', status: 200 },
      { path: '/people?body=kd-net', status: 200 },
      { path: '/people/findes-ikke', status: 404 },
      { path: '/lovede-punkter', status: 200 },
      { path: '/lovede-punkter?body=kkr-midtjylland', status: 200 },
    );
    for (const slug of ['h-c-oesterby', 'per-mathiasen', 'thomas-lindberg', 'jesper-kaas-schmidt']) {
      const person = (await archive.getPerson(ANONYMOUS, slug))!;
      expect(person, slug).not.toBeNull();
      pages.push({ path: `/people/${person.person.id}-${person.person.slug}`, status: 200 });
    }
    return pages;
  }

  it('a citizen searches for a stemmed word and reaches the item in the minutes — without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(url('/'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dagsordener og referater');
    await page.getByLabel('Søg efter sager, ord eller navne').fill('klimastrategien');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/\/search\?q=klimastrategien/);
    const count = await page.locator('.search-count').textContent();
    expect(count).toMatch(/\d+ resultat(er)? for »klimastrategien«/);

    // Stemming: the hit's title says "klimastrategi", not the word typed.
    const hit = page.locator('.search-hit-title a', { hasText: /klimastrategi/i }).first();
    const title = (await hit.textContent())!.replace(/\s+/g, ' ').trim();
    await hit.click();
    await page.waitForURL(/\/meetings\/\d+#punkt-[\d.]+$/);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const item = page.locator(`[id="${anchor}"]`);
    await expect.poll(() => item.isVisible()).toBe(true);
    expect((await item.locator('.item-title').textContent())!.replace(/\s+/g, ' ').trim()).toBe(title);
    await page.close();
  });

  it('a journalist follows a case and a politician across meetings — without JavaScript', async () => {
    const page = await noScript.newPage();
    const meeting = (await archive.latestMeetings(ANONYMOUS, 10)).find((m) => m.date === '2020-06-17')!;
    await page.goto(url(`/meetings/${meeting.id}/items/3.1`));
    await page.locator('.item-meta').getByRole('link', { name: 'SAG-2020-01697' }).click();
    await page.waitForURL(/\/cases\/SAG-2020-01697$/);
    expect(await page.locator('h1').textContent()).toBe('Sag SAG-2020-01697');
    await page.getByRole('link', { name: /^3\.2\. Status på Erhvervshus/ }).click();
    await page.waitForURL(new RegExp(`/meetings/${meeting.id}/items/3\\.2$`));

    // From the participant list of the KD-Net minutes to the member with afbud, then to the substitute.
    const kdnet = (await archive.getBody(ANONYMOUS, 'kd-net'))!.meetings.find((m) => m.kinds.length > 0)!;
    await page.goto(url(`/meetings/${kdnet.id}`));
    await page.locator('.participants').getByRole('link', { name: 'Per Mathiasen' }).click();
    await page.waitForURL(/\/people\/\d+-per-mathiasen$/);
    expect(await page.locator('h1').textContent()).toBe('Per Mathiasen');
    await page.getByRole('link', { name: 'Thomas Lindberg' }).click();
    await page.waitForURL(/\/people\/\d+-thomas-lindberg$/);
    expect(await page.locator('.attendance-table').textContent()).toContain('Deltog i stedet for Per Mathiasen');

    // The people index, filtered by name with the plain form.
    await page.getByRole('link', { name: 'Personer', exact: true }).first().click();
    await page.getByLabel('Navn').fill('østerby');
    await page.getByRole('button', { name: 'Vis personer' }).click();
    await page.waitForURL(/\/people\?q=%C3%B8sterby/);
    await page.getByRole('link', { name: 'H.C. Østerby' }).click();
    expect(await page.locator('.affiliation-table').textContent()).toContain('Holstebro');
    await page.close();
  });

  it('a journalist follows DK2020 from the case page to related items of 2019 and 2021, and a presenter to the items naming him — without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(url('/cases/SAG-2020-01697'));
    // The climate subject's "Relaterede punkter": items of other meetings without the case number.
    const climate = page.locator('section.case-thread', { has: page.getByRole('heading', { level: 2, name: /^Klimasamarbejde/ }) });
    const related = climate.locator('.related-content');
    await expect.poll(() => related.getByRole('heading', { name: 'Relaterede punkter' }).isVisible()).toBe(true);
    const text = (await related.textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(/2021/);
    expect(text).toContain('DK2020');
    await related.getByRole('link', { name: /KL's strategiske klimaarbejde/ }).click();
    await page.waitForURL(/\/meetings\/\d+\/items\/3\.1$/);
    // The 2019 item links back to the 2020 climate item.
    expect(await page.locator('.related-content').textContent()).toContain('Klimasamarbejde for KKR Midtjylland');
    const itemPath = new URL(page.url()).pathname;

    // A presenter of the KD-Net minutes is named in the text of KKR's climate item.
    const kdnet = (await archive.getBody(ANONYMOUS, 'kd-net'))!.meetings.find((m) => m.kinds.length > 0)!;
    const presenter = (await archive.getMeeting(ANONYMOUS, kdnet.id))!.document.items.find((i) => i.title === 'DK2020')!.presenters[0]!;
    const person = (await archive.getPerson(ANONYMOUS, presenter.toLowerCase().replace(/ /g, '-')))!;
    await page.goto(url(`/people/${person.person.id}-${person.person.slug}`));
    const named = page.locator('section', { has: page.getByRole('heading', { name: `Punkter, hvor ${person.person.name} er nævnt` }) });
    await expect.poll(() => named.isVisible()).toBe(true);
    await named.getByRole('link', { name: /^3\.1\. Klimasamarbejde/ }).first().click();
    await page.waitForURL(/\/meetings\/\d+\/items\/3\.1$/);
    expect(await page.locator('h1, h2').first().textContent()).toMatch(/Klimasamarbejde/);
    await page.close();
    // The three pages with the new parts pass axe (which needs JavaScript in the page to run).
    const checked = await context.newPage();
    for (const path of ['/cases/SAG-2020-01697', itemPath, `/people/${person.person.id}-${person.person.slug}`]) {
      await checked.goto(url(path));
      await expectAccessible(checked);
    }
    await checked.close();
  });

  it('serves every page type over HTTP with the expected status', async () => {
    const pages = await pageTypes();
    for (const { path, status } of pages) {
      const res = await fetch(url(path));
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toMatch(/^<!DOCTYPE html><html lang="da">/);
    }

    const api = await fetch(url('/api/search?q=klimastrategien&limit=5'));
    expect(api.status).toBe(200);
    const json = (await api.json()) as { total: number; results: Array<Record<string, unknown>> };
    expect(json.total).toBeGreaterThan(0);
    expect(Object.keys(json.results[0]!).sort()).toEqual(['body', 'itemNumber', 'meetingDate', 'snippet', 'title', 'url']);
    expect((await fetch(url(String(json.results[0]!.url)))).status).toBe(200);

    const meeting = (await archive.latestMeetings(ANONYMOUS, 1))[0]!;
    const documents = (await archive.getMeeting(ANONYMOUS, meeting.id))!.documents;
    expect(documents.length).toBeGreaterThan(0);
    const fileId = documents[0]!.current.fileId;
    expect(fileId).not.toBeNull();
    const original = await fetch(url(`/documents/${fileId}/original`));
    expect(original.status).toBe(200);
    expect(original.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await original.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    expect((await fetch(url('/static/dkfds/css/dkfds.min.css'))).status).toBe(200);
  });

  it('a reader finds the earlier version of the corrected minutes and sees what changed — without JavaScript', async () => {
    const page = await noScript.newPage();
    const kdnetMeeting = (await archive.getBody(ANONYMOUS, 'kd-net'))!.meetings.find((m) => m.kinds.length > 0)!;
    await page.goto(url(`/meetings/${kdnetMeeting.id}`));
    await page.locator('.document-links').getByRole('link', { name: 'version 1', exact: true }).click();
    await page.waitForURL(new RegExp(`/meetings/${kdnetMeeting.id}/documents/minutes/versions/1$`));
    expect(await page.locator('.alert').textContent()).toContain('Den gældende version er version 2.');
    expect(await page.locator('main').textContent()).not.toContain(CORRECTION);
    await page.getByRole('link', { name: 'sammenlign de to' }).click();
    await page.waitForURL(new RegExp(`/meetings/${kdnetMeeting.id}/documents/minutes/versions/1/compare$`));
    expect(await page.locator('h1').textContent()).toBe('Referat: version 1 sammenlignet med version 2');
    expect(await page.locator('ins').allTextContents()).toEqual([CORRECTION]);
    await page.close();
  });

  it('has no axe-core violations on any page type', { timeout: 180_000 }, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const { path } of await pageTypes()) {
      await page.goto(url(path));
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(describeViolations(path, violations));
    }
    await page.close();
    expect(problems.join('\n')).toBe('');
  });

  it('the accessibility check itself can fail (an image without alt text is caught)', async () => {
    const page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html lang="da"><head><title>x</title></head><body><main><h1>x</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
    const violations = await runAxe(page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    await page.close();
  });

  it('loads the design system: stylesheet applied and icons resolved', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(url('/'));
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toContain('IBM Plex Sans');
    await page.goto(url('/search?q=klima'));
    expect(failed).toEqual([]);
    await page.close();
  });
});
