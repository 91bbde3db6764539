/**
 * Allocations in Chromium (no script): a secretary uploads FOLK1A figures, creates an allocation on
 * an item from the workspace form, and the public item page shows its table and bar chart; every
 * page axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/auth/password.js';
import type { Database } from '../../src/db/client.js';
import { item, meetingDocument, original } from '../../src/db/fixtures.js';
import { storeDocument } from '../../src/db/store.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createUser, organizationIdsBySlug } from '../../src/db/users.js';
import { allocationApp, testFolk1aCsv } from '../../src/workspace/allocation/testing.js';
import { hasChromium, launchChromium, startServer, type RunningServer, expectAccessible } from './harness.js';

const PASSWORD = 'fordelingernes adgangskode';

describe.skipIf(!hasChromium)('an allocation made in the workspace, seen on the public page', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let meetingId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    meetingId = (await storeDocument(database.db, meetingDocument({ date: '2031-03-05', items: [item('1', 'Godkendelse af dagsorden'), item('2', 'GovTech Midtjylland')] }), original('alloc-browser'))).meetingId;
    const kkr = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    await createUser(database.db, { kind: 'cli' }, { email: 'sekretaer@example.dk', displayName: 'Sekretær Prøve', passwordHash: await hashPassword(PASSWORD), admin: false, roles: [{ organizationId: kkr, role: 'secretary' }] });
    server = await startServer(allocationApp(database.db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  it('uploads population figures, creates an allocation and shows its table and chart', async () => {
    const secretary = await (await browser.newContext()).newPage();
    await secretary.goto(`${server.url}/log-ind?next=/arbejdsrum/fordelinger`);
    await secretary.getByLabel('E-mailadresse').fill('sekretaer@example.dk');
    await secretary.getByLabel('Adgangskode').fill(PASSWORD);
    await secretary.getByRole('button', { name: 'Log ind' }).click();
    await secretary.waitForURL('**/arbejdsrum/fordelinger');
    await expectAccessible(secretary);

    await secretary.getByLabel('CSV-fil fra Statistikbanken (FOLK1A)').setInputFiles({ name: 'folk1a.csv', mimeType: 'text/csv', buffer: Buffer.from(testFolk1aCsv()) });
    await secretary.getByRole('button', { name: 'Indlæs folketal' }).click();
    expect(await secretary.locator('main').textContent()).toContain('folk1a.csv: 19 nye');

    await secretary.getByRole('link', { name: /KKR Midtjylland, 5\. marts 2031/ }).click();
    await secretary.getByRole('link', { name: '2. GovTech Midtjylland' }).click();
    await expectAccessible(secretary);
    await secretary.getByLabel('Titel').fill('Finansiering af GovTech Midtjylland');
    await secretary.getByLabel('Beløb fordelt ligeligt og efter indbyggertal').check();
    await secretary.getByLabel('Samlet beløb (kr.) eller antal').fill('2.400.000');
    await secretary.getByRole('button', { name: 'Beregn og gem fordelingen' }).click();
    await secretary.waitForURL(`**/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/2`);
    expect(await secretary.locator('main').textContent()).toContain('Version 1');
    await expectAccessible(secretary);

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}/meetings/${meetingId}/items/2`);
    const table = reader.getByRole('table', { name: 'Finansiering af GovTech Midtjylland' });
    await expect(table.isVisible()).resolves.toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(19);
    expect(await table.locator('tfoot').textContent()).toContain('2.400.000,00 kr.');
    const chart = reader.locator('figure svg');
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('rect').count()).toBe(19);
    expect((await chart.boundingBox())!.height).toBeGreaterThan(100);
    await expectAccessible(reader);
    await reader.goto(`${server.url}/meetings/${meetingId}`);
    await expect(reader.getByRole('table', { name: 'Finansiering af GovTech Midtjylland' }).isVisible()).resolves.toBe(true);
    await expectAccessible(reader);
  });
});
