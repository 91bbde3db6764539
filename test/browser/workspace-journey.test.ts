/**
 * Issue 11's whole journey in Chromium, on plain forms: a secretary of KKR Midtjylland creates the
 * meeting after the last sample (the approval item and the promised item are there), adds an item
 * with a table and a bilag and a closed item, publishes the agenda, records attendance and
 * decisions, publishes the minutes, downloads both PDFs (the public copy and the members'), and the
 * new decision is found through the public search, the OParl API and the feeds. An anonymous
 * browser sees "Lukket punkt" and nothing of the closed item. Every page is axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccounts } from '../../src/auth/index.js';
import { createOParlApp } from '../../src/api/oparl/routes.js';
import { createDbArchive } from '../../src/db/archive.js';
import type { Database } from '../../src/db/client.js';
import { storeSamples } from '../../src/db/testing-files.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { pdfRoutes } from '../../src/pdf/routes.js';
import { allText, readBack } from '../../src/pdf/testing.js';
import { createApp } from '../../src/web/app.js';
import { createWorkspace } from '../../src/workspace/index.js';
import { startMinutesUrl } from '../../src/workspace/urls.js';
import { signedInAs, TEST_PASSWORD } from '../../src/workspace/testing.js';
import { describeViolations, hasChromium, launchChromium, runAxe, startServer, type RunningServer } from './harness.js';

const SECRETARY = 'kkr-journey@example.dk';
const TABLE_ITEM = 'Fordeling af midler til klimatilpasning';
const CLOSED_ITEM = 'Lejemål til sekretariatet';
const CLOSED_WORDS = ['kælderlokalet', 'Lejemål til sekretariatet', 'huslejen forhandles'];
const DECISION = 'Indstillingen blev tiltrådt med en bemærkning om havvindmøller.';
/** The smallest PDF the bilag check accepts: the type is told from the bytes. */
const BILAG = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!hasChromium)("the secretariat's journey from agenda to published minutes", () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let secretary: BrowserContext;
  let page: Page;
  let meetingId = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
    const archive = createDbArchive(database.db);
    const app = createApp(archive, {
      accounts: createAccounts(database.db),
      workspace: createWorkspace(database.db, archive),
      oparl: createOParlApp(database.db),
      pdf: pdfRoutes(database.db),
    });
    await signedInAs(app, database.db, SECRETARY, [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    server = await startServer(app);
    browser = await launchChromium();
    secretary = await browser.newContext({ javaScriptEnabled: false });
    page = await secretary.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** axe runs in the page: pages seen without JavaScript are checked at their address in a scripted twin. */
  async function expectAccessible(context: BrowserContext, url: string) {
    const twin = await browser.newContext({ storageState: await context.storageState() });
    const p = await twin.newPage();
    await p.goto(url);
    const violations = await runAxe(p);
    expect(violations, describeViolations(url, violations)).toEqual([]);
    await twin.close();
  }

  const main = () => page.locator('main').textContent().then((t) => t ?? '');

  async function addItem(builderUrl: string, title: string, under: string) {
    await page.goto(builderUrl);
    await page.getByLabel('Punktets titel').fill(title);
    await page.getByLabel('Placering').selectOption({ label: under });
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.waitForURL(/\/punkter\/\d+/);
  }

  it('builds the agenda: approval and promised items pre-filled, an item with a table and a bilag, a closed item; publishes it', async () => {
    await page.goto(`${server.url}/log-ind`);
    await page.getByLabel('E-mailadresse').fill(SECRETARY);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${server.url}/`);

    await page.getByRole('link', { name: 'Arbejdsrum' }).click();
    await page.getByRole('link', { name: 'KKR Midtjylland' }).click();
    await page.getByRole('link', { name: 'Nyt møde' }).click();
    await page.getByLabel('Dato').fill('2023-09-06');
    await page.getByLabel('Starttidspunkt').fill('10:00');
    await page.getByLabel('Sted', { exact: true }).fill('Regionshuset, Viborg');
    await page.getByRole('button', { name: 'Opret dagsorden' }).click();
    await page.waitForURL(/\/arbejdsrum\/dagsordener\/\d+$/);
    const builderUrl = page.url();
    // The last sample meeting (21 June 2023) is approved, and what it promised for 6 September is there.
    expect(await main()).toContain('Godkendelse af referat fra mødet den 21. juni 2023');
    expect(await main()).toContain('Sundhedsaftalen 2024-2027');
    await expectAccessible(secretary, builderUrl);

    await addItem(builderUrl, TABLE_ITEM, 'Som underpunkt til 3 Regionalpolitiske sager');
    await page.locator('#afsnit-2-tekst').fill('Fordelingen:\n\n| Kommune | Beløb |\n| Silkeborg | 250.000 |\n| Viborg | 310.000 |');
    await page.locator('#bilag-fil').setInputFiles({ name: 'notat.pdf', mimeType: 'application/pdf', buffer: BILAG });
    await page.getByLabel('Bilagets titel').fill('Notat om klimatilpasning');
    await page.getByRole('button', { name: 'Gem punktet' }).click();
    expect(await main()).toContain('Punktet er gemt.');
    await expectAccessible(secretary, page.url());

    // A renamed program is refused by its bytes, with the file named, and nothing is saved.
    await page.locator('#bilag-fil').setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\u0090\u0000 not a pdf') });
    await page.getByLabel('Bilagets titel').fill('Falsk bilag');
    await page.getByRole('button', { name: 'Gem punktet' }).click();
    expect(await main()).toContain('virus.pdf er hverken en PDF- eller en Word-fil');

    await addItem(builderUrl, CLOSED_ITEM, 'Som underpunkt til 5 KKR');
    await page.getByLabel('Adgang', { exact: true }).selectOption({ label: 'Lukket punkt' });
    await page.locator('#afsnit-0-tekst').fill('Sekretariatet foreslår at leje kælderlokalet; huslejen forhandles.');
    await page.getByRole('button', { name: 'Gem punktet' }).click();
    expect(await main()).toContain('Punktet er gemt.');

    await page.goto(builderUrl);
    await page.getByRole('button', { name: 'Offentliggør dagsorden' }).click();
    expect(await main()).toContain('Dagsordenen er offentliggjort.');
    await page.getByRole('link', { name: 'Se den offentlige side' }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    meetingId = Number(/\/meetings\/(\d+)$/.exec(page.url())![1]);
    expect(await main()).toContain(TABLE_ITEM);
  }, 180_000);

  it('records attendance and decisions and publishes the minutes', async () => {
    await page.goto(`${server.url}${startMinutesUrl(meetingId)}`);
    await page.getByRole('button', { name: 'Begynd referatet' }).click();
    await page.waitForURL(/\/arbejdsrum\/referater\/\d+$/);
    const editor = page.url();
    // The first member on the roster sends afbud; a substitute comes instead.
    const afbud = page.getByLabel(/: afbud$/).first();
    const member = (await afbud.getAttribute('aria-label')) ?? (await page.locator(`label[for="${await afbud.getAttribute('id')}"]`).textContent())!;
    const memberName = member.replace(/: afbud$/, '').trim();
    await afbud.check();
    await page.getByLabel(`Stedfortræder for ${memberName}`).fill('Cai Suppleantsen');
    const phrases = page.getByRole('group', { name: 'Standardformuleringer til punkt 1.1' });
    await phrases.getByRole('button', { name: 'Godkendt.' }).click();
    await page.waitForURL(/\?gemt/);
    const number = await page.locator('label', { hasText: /^Beslutning, punkt 3\.\d$/ }).allTextContents();
    const tableItem = await page.locator('h3, h4', { hasText: TABLE_ITEM }).first().textContent();
    const tableNumber = /(\d+(?:\.\d+)*)/.exec(tableItem ?? '')![1]!;
    expect(number).toContain(`Beslutning, punkt ${tableNumber}`);
    await page.getByLabel(`Beslutning, punkt ${tableNumber}`).fill(DECISION);
    const closed = await page.locator('h3, h4', { hasText: CLOSED_ITEM }).first().textContent();
    const closedNumber = /(\d+(?:\.\d+)*)/.exec(closed ?? '')![1]!;
    await page.getByLabel(`Beslutning, punkt ${closedNumber}`).fill('Lejemålet af kælderlokalet blev godkendt.');
    await page.getByRole('button', { name: 'Gem beslutninger' }).click();
    await page.waitForURL(/\?gemt/);
    expect(await page.getByLabel(`Stedfortræder for ${memberName}`).inputValue()).toBe('Cai Suppleantsen');
    await expectAccessible(secretary, editor);
    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.waitForURL(/\?offentliggjort=1/);
    expect(await main()).toContain('Referatet er offentliggjort');
  }, 180_000);

  it('gives the members their PDFs in full and the public "Lukket punkt", contents with page numbers', async () => {
    for (const kind of ['agenda', 'minutes'] as const) {
      const url = `${server.url}/meetings/${meetingId}/documents/${kind}.pdf`;
      const members = await secretary.request.get(url);
      expect(members.headers()['content-type']).toBe('application/pdf');
      const full = allText(await readBack(new Uint8Array(await members.body())));
      expect(full).toContain('kælderlokalet');
      const anonymous = await browser.newContext();
      const pub = await anonymous.request.get(url);
      expect(pub.status()).toBe(200);
      const read = await readBack(new Uint8Array(await pub.body()));
      const text = allText(read);
      expect(text).toContain('Lukket punkt');
      for (const word of CLOSED_WORDS) expect(text).not.toContain(word);
      expect(text).toContain(TABLE_ITEM);
      expect(text).toMatch(/Indhold/);
      if (kind === 'minutes') expect(text).toContain('havvindmøller');
      await anonymous.close();
    }
  }, 120_000);

  it('lets the public find the new decision through search, OParl and the feeds, and see only "Lukket punkt" of the closed item', async () => {
    const anonymous = await browser.newContext({ javaScriptEnabled: false });
    const p = await anonymous.newPage();
    await p.goto(`${server.url}/search?q=havvindm%C3%B8ller`);
    const hit = p.locator('main a', { hasText: TABLE_ITEM }).first();
    expect(await hit.count()).toBe(1);
    await hit.click();
    expect(await p.locator('main').textContent()).toContain(DECISION);
    await expectAccessible(anonymous, p.url());

    await p.goto(`${server.url}/meetings/${meetingId}`);
    const page = (await p.locator('main').textContent())!;
    expect(page).toContain('Lukket punkt');
    for (const word of CLOSED_WORDS) expect(page).not.toContain(word);
    expect(page).toContain('Cai Suppleantsen');
    await expectAccessible(anonymous, p.url());

    // OParl: System → bodies → KKR Midtjylland's meetings → this meeting → its items' resolutions.
    const json = async (url: string) => (await (await anonymous.request.get(url)).json()) as Record<string, unknown>;
    const system = await json(`${server.url}/oparl/v1.1/`);
    const bodies = (await json(String(system.body))).data as Array<Record<string, unknown>>;
    let found: Record<string, unknown> | undefined;
    for (const body of bodies) {
      for (let next: string | undefined = String(body.meeting); next && !found; ) {
        const list = await json(next);
        found = (list.data as Array<Record<string, unknown>>).find((m) => m.web === `${server.url}/meetings/${meetingId}`);
        next = (list.links as { next?: string } | undefined)?.next;
      }
    }
    expect(found, 'the meeting in OParl').toBeDefined();
    const items = found!.agendaItem as Array<Record<string, unknown>>;
    expect(items.some((i) => String(i.resolutionText ?? '').includes('havvindmøller'))).toBe(true);
    expect(JSON.stringify(found)).not.toContain('kælderlokalet');

    const bodyFeed = await (await anonymous.request.get(`${server.url}/bodies/kkr-midtjylland/feed.atom`)).text();
    expect(bodyFeed).toContain(`/meetings/${meetingId}`);
    const searchFeed = await (await anonymous.request.get(`${server.url}/search/feed.atom?q=havvindm%C3%B8ller`)).text();
    expect(searchFeed).toContain(TABLE_ITEM);
    expect(searchFeed).not.toContain('kælderlokalet');
    await anonymous.close();
  }, 120_000);
});
