/**
 * The agenda builder in Chromium, with JavaScript and without: a KKR secretary creates the meeting
 * after the last sample (approval and promised items there), adds an item with a table, moves it,
 * publishes, and the public page shows it without any script. Every page is axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db/client.js';
import { storeSamples } from '../../src/db/testing-files.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { TEST_PASSWORD, signedInAs, workspaceApp } from '../../src/workspace/testing.js';
import { describeViolations, hasChromium, launchChromium, runAxe, startServer, type RunningServer } from './harness.js';

describe.skipIf(!hasChromium)('the agenda builder in Chromium', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  const jsOn = new WeakSet<Page>();

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
    const app = workspaceApp(database.db);
    await signedInAs(app, database.db, 'kkr-sekretaer@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    server = await startServer(app);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  // axe runs in the page: with JavaScript off it cannot, and those pages are the same HTML but the script.
  async function expectAccessible(page: Page) {
    if (!jsOn.has(page)) return;
    const violations = await runAxe(page);
    expect(violations, describeViolations(page.url(), violations)).toEqual([]);
  }

  async function logIn(page: Page) {
    await page.goto(`${server.url}/log-ind`);
    await page.getByLabel('E-mailadresse').fill('kkr-sekretaer@example.dk');
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${server.url}/`);
  }

  async function buildAndPublish(javaScriptEnabled: boolean, date: string, lastMeeting: string, itemTitle: string, move: { button: RegExp; number: string }) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    if (javaScriptEnabled) jsOn.add(page);
    await logIn(page);
    await page.goto(`${server.url}/arbejdsrum`);
    await page.getByRole('link', { name: 'KKR Midtjylland' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nyt møde' }).click();
    await expectAccessible(page);
    await page.getByLabel('Dato').fill(date);
    await page.getByLabel('Starttidspunkt').fill('09:00');
    await page.getByLabel('Sted', { exact: true }).fill('Scandic, Silkeborg');
    await page.getByRole('button', { name: 'Opret dagsorden' }).click();
    await page.waitForURL(/\/arbejdsrum\/dagsordener\/\d+$/);
    const builderUrl = page.url();
    const main = page.locator('main');
    expect(await main.textContent()).toContain(`Godkendelse af referat fra mødet den ${lastMeeting}`);
    await expectAccessible(page);

    await page.getByLabel('Punktets titel').fill(itemTitle);
    await page.getByLabel('Placering').selectOption({ label: 'Som underpunkt til 3 Regionalpolitiske sager' });
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.waitForURL(/\/punkter\/\d+/);
    expect(await page.locator('h1').textContent()).toContain(itemTitle);
    await expectAccessible(page);

    const text = page.locator('#afsnit-2-tekst');
    if (javaScriptEnabled) {
      // The toolbar inserts a table; the preview renders it as the public page will.
      await page.locator('.markup-toolbar').nth(2).getByRole('button', { name: 'Tabel' }).click();
      expect(await text.inputValue()).toContain('| Overskrift | Overskrift |');
      await text.fill('Fordeling:\n\n| Kommune | Beløb |\n| Silkeborg | 250.000 |');
      await page.locator('.markup-preview table').first().waitFor();
      expect(await page.locator('.markup-preview').nth(2).textContent()).toContain('250.000');
    } else {
      expect(await page.locator('.markup-toolbar').count()).toBe(0);
      await text.fill('Fordeling:\n\n| Kommune | Beløb |\n| Silkeborg | 250.000 |');
    }
    await page.getByRole('button', { name: 'Gem punktet' }).click();
    expect(await main.textContent()).toContain('Punktet er gemt.');
    await expectAccessible(page);

    await page.goto(builderUrl);
    const before = page.url();
    await page.getByRole('button', { name: move.button }).click();
    await page.locator('main', { hasText: 'Dagsordenen er ændret.' }).waitFor();
    expect(await page.locator('.builder-item', { hasText: itemTitle }).locator('.builder-number').textContent()).toBe(move.number);
    // With the script the page stayed (no reload, same address); without, the form went to the server and back.
    if (javaScriptEnabled) expect(page.url()).toBe(before);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Offentliggør dagsorden' }).click();
    expect(await main.textContent()).toContain('Dagsordenen er offentliggjort.');
    await page.getByRole('link', { name: 'Se den offentlige side' }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    expect(await main.textContent()).toContain(`${move.number}. ${itemTitle}`);
    expect(await page.locator('table.document-table', { hasText: '250.000' }).count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  }

  it('works with JavaScript: toolbar, live preview, moving without a reload', async () => {
    // The promised "Sundhedsaftalen 2024-2027" is 3.1, the new item 3.2; moved up it is 3.1.
    await buildAndPublish(true, '2023-09-06', '21. juni 2023', 'Fordeling af midler til klimatilpasning', { button: /flyt punkt 3\.2 op/, number: '3.1' });
  }, 120_000);

  it('works without JavaScript: plain forms and buttons', async () => {
    // Nothing was promised on 6 September: the new item is 3.1; moved a level out it is 4.
    await buildAndPublish(false, '2023-10-04', '6. september 2023', 'Status på praksisplanen', { button: /ryk punkt 3\.1 et niveau ud/, number: '4' });
  }, 120_000);
});
