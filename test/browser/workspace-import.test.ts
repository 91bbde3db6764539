/**
 * Issue 11's import test in Chromium, without script: a secretary uploads a real document from
 * ../shared/real-documents (outside the repository: real names, so nothing of its text is written
 * here — titles are read at test time), corrects one item title in the preview, saves, uploads the
 * file again through the same page, and the correction is still there, in the preview and on the
 * public meeting page. Every page axe-clean. Skipped without ../shared; required in CI.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/password.js';
import type { Database } from '../../src/db/client.js';
import { ensureOrganization } from '../../src/db/organizations.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createUser } from '../../src/db/users.js';
import { importFile } from '../../src/import/index.js';
import type { AgendaItem } from '../../src/model/index.js';
import { workspaceApp } from '../../src/workspace/testing.js';
import { ROOT } from '../seeds.js';
import { hasChromium, launchChromium, startServer, type RunningServer, expectAccessible } from './harness.js';

const REAL = join(ROOT, '..', 'shared', 'real-documents', 'syddjurs-puk-referat-2013-06-20.docx');
const HAVE_REAL = existsSync(REAL);
if (!HAVE_REAL) {
  if (process.env.REFERAT_REQUIRE_SHARED) throw new Error(`${REAL} is missing: the real document is needed here`);
  console.warn(`skipping the workspace import browser test: ${REAL} is not there (it is outside the repository)`);
}

const PASSWORD = 'indlaesningens adgangskode';

describe.skipIf(!hasChromium || !HAVE_REAL)('importing a real document into the workspace in Chromium', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let item: AgendaItem;

  beforeAll(async () => {
    database = await openTestDatabase();
    // The secretary's organisation is the one the document names, as read now.
    const { document } = await importFile(REAL);
    item = document.items[0]!;
    const organizationId = await database.db.transaction((tx) => ensureOrganization(tx, document.body!, document.authority));
    await createUser(database.db, { kind: 'cli' }, {
      email: 'sekretaer@example.dk',
      displayName: 'Sekretær Prøve',
      passwordHash: await hashPassword(PASSWORD),
      admin: false,
      roles: [{ organizationId, role: 'secretary' }],
    });
    server = await startServer(workspaceApp(database.db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  async function uploadReal(page: Page) {
    await page.goto(`${server.url}/arbejdsrum/indlaes`);
    await expectAccessible(page);
    await page.getByLabel('Fil', { exact: true }).setInputFiles(REAL);
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await page.waitForURL('**/arbejdsrum/indlaes');
    expect(await page.locator('h1').textContent()).toContain('Forhåndsvisning');
  }

  it('corrects an item title in the preview, saves it, and a re-import keeps the correction', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/log-ind?next=/arbejdsrum/indlaes`);
    await page.getByLabel('E-mailadresse').fill('sekretaer@example.dk');
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/arbejdsrum/indlaes');

    await uploadReal(page);
    const main = page.locator('main');
    expect(await main.textContent()).toContain(`${item.number}. ${item.title}`);
    expect(await main.textContent()).toContain('Dokumentets egen tekst');
    await expectAccessible(page);

    const corrected = `${item.title} (rettet i arbejdsrummet)`;
    await page.getByLabel(`Titel på punkt ${item.number}`, { exact: true }).fill(corrected);
    await page.getByRole('button', { name: `Ret titlen på punkt ${item.number}`, exact: true }).click();
    await page.waitForURL('**/arbejdsrum/indlaes/ret');
    expect(await main.textContent()).toContain(`Rettet: Titlen på punkt ${item.number}`);
    expect(await page.locator('h4').first().textContent()).toBe(`${item.number}. ${corrected}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Gem som ny version' }).first().click();
    await page.waitForURL('**/arbejdsrum/indlaes/gem');
    expect(await page.locator('h1').textContent()).toBe('Gemt som version 1');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Se mødets side' }).click();
    expect(await page.locator('main').textContent()).toContain(corrected);

    // The same file again, through the same page: the correction is applied and said to be.
    await uploadReal(page);
    expect(await main.textContent()).toContain('Én rettelse fra tidligere er allerede lavet');
    expect(await page.locator('h4').first().textContent()).toBe(`${item.number}. ${corrected}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Gem som ny version' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('Intet nyt at gemme');
    await page.getByRole('link', { name: 'Se mødets side' }).click();
    const meeting = (await page.locator('main').textContent())!;
    expect(meeting).toContain(corrected);
    await page.close();
  });
});
