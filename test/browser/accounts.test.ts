/**
 * Accounts in Chromium (the pages carry no script): the header's "Log ind", the log-in form, a closed item
 * seen once signed in, the admin's users page, "Log ud" in the header; every page axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAccounts } from '../../src/auth/index.js';
import { hashPassword } from '../../src/auth/password.js';
import { createDbArchive } from '../../src/db/archive.js';
import type { Database } from '../../src/db/client.js';
import { item, meetingDocument, original } from '../../src/db/fixtures.js';
import { storeDocument } from '../../src/db/store.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createUser, organizationIdsBySlug } from '../../src/db/users.js';
import { createApp } from '../../src/web/app.js';
import { hasChromium, launchChromium, startServer, type RunningServer, expectAccessible } from './harness.js';

const PASSWORD = 'browserens adgangskode';
const CLOSED = 'Lukket punkt om lejemål';

describe.skipIf(!hasChromium)('logging in and out in Chromium', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt'), item('2', CLOSED, { access: 'closed' })] }), original('first'));
    const kkr = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    await createUser(database.db, { kind: 'cli' }, { email: 'sekretaer@example.dk', displayName: 'Sekretær Prøve', passwordHash: await hashPassword(PASSWORD), admin: true, roles: [{ organizationId: kkr, role: 'secretary' }] });
    server = await startServer(createApp(createDbArchive(database.db), { accounts: createAccounts(database.db) }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  it('logs in from the header, sees the closed item and the users page, and logs out', async () => {
    // The pages carry no script (CSP script-src 'none'): the forms work as plain HTML.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/meetings/1`);
    expect(await page.locator('main').textContent()).not.toContain(CLOSED);
    await page.getByRole('link', { name: 'Log ind' }).click();
    await page.waitForURL('**/log-ind');
    await expectAccessible(page);

    await page.getByLabel('E-mailadresse').fill('sekretaer@example.dk');
    await page.getByLabel('Adgangskode').fill('forkert adgangskode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    expect(await page.locator('main').textContent()).toContain('E-mailadressen eller adgangskoden er forkert.');
    await expectAccessible(page);

    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator('header').textContent()).toContain('Sekretær Prøve');
    await expectAccessible(page);
    const cookie = (await context.cookies()).find((c) => c.name === 'referat_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');

    await page.goto(`${server.url}/meetings/1`);
    expect(await page.locator('main').textContent()).toContain(CLOSED);
    await page.getByRole('link', { name: 'Brugere' }).click();
    expect(await page.locator('h1').textContent()).toBe('Brugere');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Se loggen over ændringer' }).click();
    expect(await page.locator('main').textContent()).toContain('loggede ind');
    await expectAccessible(page);

    await page.locator('header').getByRole('button', { name: 'Log ud' }).click();
    expect(await page.locator('h1').textContent()).toBe('Du er logget ud');
    await expectAccessible(page);
    expect((await context.cookies()).some((c) => c.name === 'referat_session')).toBe(false);
    await page.goto(`${server.url}/meetings/1`);
    expect(await page.locator('main').textContent()).not.toContain(CLOSED);
    await context.close();
  }, 60_000);
});
