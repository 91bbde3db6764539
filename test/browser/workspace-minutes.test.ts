/**
 * The minutes editor in Chromium, with JavaScript (a quick phrase lands in the field without a
 * reload) and without it (the phrase button submits and the server adds it): attendance with an
 * afbud and a substitute, decisions, publishing and a correction with its "Rettet" note; the
 * public page afterwards; every page axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccounts } from '../../src/auth/index.js';
import { hashPassword } from '../../src/auth/password.js';
import { createDbArchive } from '../../src/db/archive.js';
import type { Database } from '../../src/db/client.js';
import { createDraft, publishDraft } from '../../src/db/drafts.js';
import { item, meetingDocument, original, section } from '../../src/db/fixtures.js';
import { storeDocument } from '../../src/db/store.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createUser, organizationIdsBySlug } from '../../src/db/users.js';
import { createApp } from '../../src/web/app.js';
import { createWorkspace } from '../../src/workspace/index.js';
import { startMinutesUrl } from '../../src/workspace/urls.js';
import { hasChromium, launchChromium, startServer, type RunningServer, expectAccessible } from './harness.js';

const PASSWORD = 'browserens adgangskode';
const CLOSED_DECISION = 'Lejemålet i kælderlokalet forlænges.';

describe.skipIf(!hasChromium)('the minutes editor in Chromium', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let meetingId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const person = (name: string, municipality: string) => ({ name, party: null, municipality, role: null });
    await storeDocument(db, meetingDocument({ date: '2031-01-15', participants: [person('Anna Andersen', 'Favrskov'), person('Bo Berg', 'Skive'), person('Dorte Dahl', 'Viborg')] }), original('latest'));
    const kkr = (await organizationIdsBySlug(db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    const agenda = await createDraft(db, { kind: 'cli' }, {
      organizationId: kkr,
      kind: 'agenda',
      model: meetingDocument({
        kind: 'agenda',
        date: '2031-03-04',
        items: [
          item('1', 'Godkendelse af referat', { sections: [] }),
          item('1.1', 'Godkendelse af referat fra mødet den 15. januar 2031', { sections: [section('recommendation', 'Det indstilles, at referatet godkendes.')] }),
          item('2', 'Klimastrategi', { sections: [section('recommendation', 'Det indstilles, at strategien vedtages.')] }),
          item('3', 'Lejemål i Aarhus', { access: 'closed', sections: [section('recommendation', 'Det indstilles, at lejemålet forlænges.')] }),
        ],
      }),
    });
    meetingId = (await publishDraft(db, { kind: 'cli' }, agenda.id, agenda.revision)).meetingId;
    await createUser(db, { kind: 'cli' }, { email: 'sekretaer@example.dk', displayName: 'Sekretær Prøve', passwordHash: await hashPassword(PASSWORD), admin: false, roles: [{ organizationId: kkr, role: 'secretary' }] });
    const archive = createDbArchive(db);
    server = await startServer(createApp(archive, { accounts: createAccounts(db), workspace: createWorkspace(db, archive, { now: () => new Date('2031-03-10T12:00:00Z') }) }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  /** axe needs script: a page seen without JavaScript is checked at its address in a scripted twin of the context. */
  async function expectAccessibleWithoutScript(context: BrowserContext, url: string) {
    const twin = await browser.newContext({ storageState: await context.storageState() });
    const page = await twin.newPage();
    await page.goto(url);
    await expectAccessible(page);
    await twin.close();
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}/log-ind`);
    await page.getByLabel('E-mailadresse').fill('sekretaer@example.dk');
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${server.url}/`);
    return page;
  }

  const phrases = (page: Page, number: string) => page.getByRole('group', { name: `Standardformuleringer til punkt ${number}` });

  it('with JavaScript: attendance, a quick phrase without a reload, decisions, publish', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${startMinutesUrl(meetingId)}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Begynd referatet' }).click();
    await page.waitForURL(/\/arbejdsrum\/referater\/\d+$/);
    await expectAccessible(page);

    await page.getByLabel('Bo Berg: afbud').check();
    await page.getByLabel('Stedfortræder for Bo Berg').fill('Cai Suppleantsen');
    await page.getByLabel('Dorte Dahl: afbud').check();
    await page.getByLabel('Navn, ny deltager 1').fill('Fie Fisker');
    await page.getByLabel('Titel, ny deltager 1').fill('Chefkonsulent');

    // The phrase lands in the field and the page is not reloaded (a marker set on it survives).
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await phrases(page, '1.1').getByRole('button', { name: 'Godkendt.' }).click();
    await expect.poll(() => page.getByLabel('Beslutning, punkt 1.1').inputValue()).toBe('Godkendt.');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.getByLabel('Beslutning, punkt 2').fill('Strategien blev vedtaget med en tilføjelse om havvind.');
    await phrases(page, '2').getByRole('button', { name: 'Drøftet.' }).click();
    expect(await page.getByLabel('Beslutning, punkt 2').inputValue()).toBe('Strategien blev vedtaget med en tilføjelse om havvind. Drøftet.');
    await page.getByLabel('Beslutning, punkt 3').fill(CLOSED_DECISION);

    await page.getByRole('button', { name: 'Gem beslutninger' }).click();
    await page.waitForURL(/\?gemt/);
    expect(await page.getByRole('status').filter({ hasText: 'Gemt' }).count()).toBe(1);
    expect(await page.getByLabel('Beslutning, punkt 1.1').inputValue()).toBe('Godkendt.');
    expect(await page.getByLabel('Bo Berg: afbud').isChecked()).toBe(true);
    expect(await page.getByLabel('Stedfortræder for Bo Berg').inputValue()).toBe('Cai Suppleantsen');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.waitForURL(/\?offentliggjort=1/);
    expect(await page.locator('main').textContent()).toContain('Referatet er offentliggjort');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript: a quick phrase through the server, and a correction with its note', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await signIn(context);
    await page.goto(`${server.url}${startMinutesUrl(meetingId)}`); // the draft exists: straight to it
    await page.waitForURL(/\/arbejdsrum\/referater\/\d+/);
    await phrases(page, '2').getByRole('button', { name: 'KKR Midtjylland tiltrådte indstillingen.' }).click();
    await page.waitForURL(/\?gemt#punkt-2$/);
    expect(await page.getByLabel('Beslutning, punkt 2').inputValue()).toBe('Strategien blev vedtaget med en tilføjelse om havvind. Drøftet. KKR Midtjylland tiltrådte indstillingen.');
    await expectAccessibleWithoutScript(context, page.url());

    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    expect(await page.locator('main').textContent()).toContain('Skriv under »Rettet«');
    await page.getByLabel('Rettet: hvad er ændret?').fill('Punkt 2: indstillingen tiltrådt.');
    await page.getByRole('button', { name: 'Offentliggør referat' }).click();
    await page.waitForURL(/\?offentliggjort=2/);
    await expectAccessibleWithoutScript(context, page.url());
    await context.close();
  });

  it('the public page shows the minutes, the afbud with substitute, and nothing of the closed item', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/meetings/${meetingId}`);
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('Referat offentliggjort');
    expect(main).toContain('KKR Midtjylland tiltrådte indstillingen.');
    expect(main).toContain('Cai Suppleantsen');
    expect(main).toContain('Fie Fisker');
    expect(main).not.toContain('kælderlokalet');
    expect(main).not.toContain('Lejemål i Aarhus');
    await expectAccessibleWithoutScript(context, page.url());
    await context.close();
  });
});
