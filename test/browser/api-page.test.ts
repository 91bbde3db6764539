/**
 * The API page (/api) in Chromium: axe-clean, on a phone-sized screen too, every endpoint's
 * example readable, and the links to the OpenAPI document and OParl followed to JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createOParlApp } from '../../src/api/oparl/routes.js';
import { createDbArchive } from '../../src/db/archive.js';
import type { Database } from '../../src/db/client.js';
import { storeSamples } from '../../src/db/testing-files.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createApp } from '../../src/web/app.js';
import { describeViolations, hasChromium, launchChromium, runAxe, startServer, type RunningServer } from './harness.js';


describe.skipIf(!hasChromium)('the API page in Chromium', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db, { count: 2 });
    server = await startServer(createApp(createDbArchive(database.db), { oparl: createOParlApp(database.db) }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 740 }],
  ])('is axe-clean (%s)', async (_name, viewport) => {
    const page = await browser.newPage({ viewport });
    const res = await page.goto(`${server.url}/api`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('API');
    const violations = await runAxe(page);
    expect(violations, describeViolations('/api', violations)).toEqual([]);
    await page.close();
  });

  it('shows an endpoint per route with an example, and its links lead to the OpenAPI document and OParl', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/api`);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(await page.locator('section.api-endpoint').count()).toBe(Object.keys(doc.paths).length);
    expect(await page.locator('pre.api-example').count()).toBe(Object.keys(doc.paths).length);
    // The contents link jumps to the endpoint's heading.
    await page.getByRole('link', { name: /GET \/api\/cases\/\{caseNumber\}/ }).click();
    expect(page.url()).toMatch(/#endpoint-api-cases-caseNumber$/);
    for (const [link, type] of [['/api/openapi.json', 'openapi'], ['/oparl/v1.1/', 'https://schema.oparl.org/1.1/System']] as const) {
      await page.goto(`${server.url}/api`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(link)), page.locator(`a[href="${link}"]`).first().click()]);
      const json = (await response.json()) as Record<string, unknown>;
      expect(type === 'openapi' ? json.openapi : json.type).toBe(type === 'openapi' ? '3.1.0' : type);
    }
    await page.close();
  });
});
