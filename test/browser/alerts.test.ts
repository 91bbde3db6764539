/**
 * The e-mail alert journey in Chromium, as a person takes it: the form on an organisation's page,
 * the confirmation mail (a real SMTP server), the button on the confirmation page, the alert after
 * an import, and unsubscribing from its page; every page axe-clean. Skipped without Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { createAlerts, type Alerts } from '../../src/alerts/index.js';
import { startTestSmtp, type TestSmtp } from '../../src/alerts/testing.js';
import { createDbArchive } from '../../src/db/archive.js';
import type { Database } from '../../src/db/client.js';
import { item, meetingDocument, original } from '../../src/db/fixtures.js';
import { storeDocument } from '../../src/db/store.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createApp } from '../../src/web/app.js';
import { hasChromium, launchChromium, startServer, type RunningServer, expectAccessible } from './harness.js';

describe.skipIf(!hasChromium)('e-mail alerts in Chromium', () => {
  let database: Database;
  let smtp: TestSmtp;
  let alerts: Alerts;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await startTestSmtp();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt')] }), original('first'));
    // Links in mails need the server's address, known once it listens: the app is set after.
    let inner: Hono | null = null;
    const outer = new Hono();
    outer.all('*', (c) => inner!.fetch(c.req.raw));
    server = await startServer(outer as never);
    alerts = createAlerts(database.db, { smtpUrl: smtp.url, from: 'Referat <referat@localhost>', publicUrl: server.url });
    inner = createApp(createDbArchive(database.db), { alerts }) as unknown as Hono;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    alerts?.close();
    await smtp?.close();
    await database?.close();
  });


  it('subscribes from the page, confirms with the button, gets the alert and unsubscribes', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bodies/kkr-midtjylland`);
    await expectAccessible(page);
    await page.getByLabel('Få en e-mail, når der er nyt').fill('browser@example.dk');
    await page.getByRole('button', { name: 'Abonnér på e-mail' }).click();
    await page.waitForURL('**/subscriptions');
    expect(await page.locator('main').textContent()).toContain('Tjek din e-mail');
    await expectAccessible(page);

    await smtp.waitFor(1);
    const confirmLink = /http:\/\/\S+\/subscriptions\/confirm\?token=\S+/.exec(smtp.inbox[0]!.text ?? '')![0];
    await page.goto(confirmLink);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bekræft abonnement' }).click();
    expect(await page.locator('h1').textContent()).toBe('Dit abonnement er bekræftet');
    await expectAccessible(page);

    await storeDocument(database.db, meetingDocument({ date: '2031-02-20', items: [item('1', 'Nyt punkt efter tilmelding')] }), original('second'));
    await alerts.notify();
    await smtp.waitFor(2);
    const alert = smtp.inbox[1]!;
    expect(alert.text).toContain('Nyt punkt efter tilmelding');
    const unsubscribeLink = /Afmeld e-mails om [^:]+: (\S+)/.exec(alert.text ?? '')![1]!;
    await page.goto(unsubscribeLink);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afmeld' }).click();
    expect(await page.locator('h1').textContent()).toBe('Du er afmeldt');
    await expectAccessible(page);
    await page.close();
  });
});
