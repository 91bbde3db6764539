/**
 * Browser tests of the archive's own pages with the seeds imported into a database: the meetings
 * list and month calendar, Om arkivet and the accessibility statement axe-clean; the keyboard path
 * the statement describes; tables scrolling inside a phone-sized window; "Til toppen"; the print
 * stylesheet. Skipped only when /usr/bin/chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDbArchive } from '../../src/db/archive.js';
import { storeSamples } from '../../src/db/testing-files.js';
import { openTestDatabase } from '../../src/db/testing.js';
import type { Database } from '../../src/db/client.js';
import type { Archive, MeetingSummary } from '../../src/archive/types.js';
import { ANONYMOUS } from '../../src/model/index.js';
import { createApp } from '../../src/web/app.js';
import { describeViolations, hasChromium, launchChromium, runAxe, startServer, type RunningServer } from './harness.js';


describe.skipIf(!hasChromium)("the archive's own pages in Chromium (seeds imported into a database)", () => {
  let database: Database;
  let archive: Archive;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let noScript: BrowserContext;
  let phone: BrowserContext;
  /** The KKR Midtjylland meeting of 17 June 2020 (many items, mission and vision in front). */
  let kkr: MeetingSummary;
  const url = (path: string) => server.url + path;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
    archive = createDbArchive(database.db);
    kkr = (await archive.listMeetings(ANONYMOUS, { body: 'kkr-midtjylland', year: 2020 })).meetings.find((m) => m.date === '2020-06-17')!;
    expect(kkr).toBeDefined();
    server = await startServer(createApp(archive));
    browser = await launchChromium();
    context = await browser.newContext();
    noScript = await browser.newContext({ javaScriptEnabled: false });
    phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  async function axeProblems(page: Page, paths: string[]): Promise<string> {
    const problems: string[] = [];
    for (const path of paths) {
      const res = await page.goto(url(path));
      expect(res?.status(), path).toBe(200);
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(describeViolations(path, violations));
    }
    return problems.join('\n');
  }

  const pages = () => [
    '/meetings',
    '/meetings?body=kd-net',
    '/meetings?year=2020',
    '/meetings?month=2020-06',
    '/meetings?month=2020-08&body=kd-net',
    '/meetings?month=2018-02',
    '/om-arkivet',
    '/tilgaengelighed',
    `/meetings/${kkr.id}`,
    `/meetings/${kkr.id}/items/3.1`,
  ];

  it('has no axe-core violations on the meetings list, the calendar, Om arkivet and the accessibility statement', async () => {
    const page = await context.newPage();
    expect(await axeProblems(page, pages())).toBe('');
    await page.close();
  });

  it('has no axe-core violations in a phone-sized window either', async () => {
    const page = await phone.newPage();
    expect(await axeProblems(page, ['/meetings', '/meetings?month=2020-06', `/meetings/${kkr.id}`])).toBe('');
    await page.close();
  });

  it('a citizen filters the meetings and finds one in the calendar — without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }).click();
    await page.waitForURL(/\/meetings$/);
    await page.getByLabel('Organ').selectOption('kd-net');
    await page.getByLabel('År').selectOption('2020');
    await page.getByRole('button', { name: 'Vis møder' }).click();
    await page.waitForURL(/\/meetings\?body=kd-net&year=2020$/);
    expect(await page.locator('#alle-moeder').textContent()).toBe('Møder i 2020');
    expect(await page.locator('.meeting-table tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Visning' }).getByRole('link', { name: 'Kalender' }).click();
    await page.waitForURL(/\/meetings\?body=kd-net&month=2020-\d\d$/);
    const day = page.locator('.calendar-day-link').first();
    const label = (await day.textContent())!;
    expect(label).toMatch(/^\d+\. \p{L}+ 2020: KD-Net$/u);
    await day.click();
    await page.waitForURL(/\/meetings\/\d+$/);
    expect(await page.locator('h1').textContent()).toContain('KD-Net');

    // Month to month, the filter kept.
    await page.goto(url('/meetings?month=2020-06'));
    await page.getByRole('link', { name: /^Næste måned \(juli 2020\)$/ }).click();
    await page.waitForURL(/\/meetings\?month=2020-07$/);
    expect(await page.locator('caption').textContent()).toBe('Juli 2020');
    await page.close();
  });

  it('works with the keyboard as the statement says: skip link first, filters and calendar days reachable, focus visible', async () => {
    const page = await context.newPage();
    await page.goto(url('/meetings?month=2020-06'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main-content');

    // Tab on until a calendar day with a meeting has focus, passing the filter on the way.
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { id: el.id, cls: el.className, outline: style.outlineStyle, shadow: style.boxShadow };
      });
      seen.push(focused.id || String(focused.cls));
      expect(focused.outline !== 'none' || focused.shadow !== 'none', `focus visible on ${focused.id || focused.cls}`).toBe(true);
      if (String(focused.cls).includes('calendar-day-link')) break;
    }
    expect(seen).toContain('meetings-body');
    expect(seen.at(-1)).toBe('calendar-day-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.close();
  });

  it('on a phone, wide tables scroll inside their visible scrolling frame and the page does not scroll sideways', async () => {
    const page = await phone.newPage();
    for (const path of ['/meetings', '/meetings?month=2020-06']) {
      await page.goto(url(path));
      const frame = await page.evaluate(() => {
        const el = document.querySelector('main .table--responsive-scroll') as HTMLElement;
        const style = getComputedStyle(el);
        return {
          scrolls: el.scrollWidth > el.clientWidth,
          overflowX: style.overflowX,
          scrollbar: style.scrollbarWidth,
          shadow: style.backgroundImage.includes('radial-gradient'),
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        };
      });
      expect(frame.scrolls, path).toBe(true);
      expect(frame.overflowX, path).toBe('auto');
      expect(frame.scrollbar, path).toBe('thin');
      expect(frame.shadow, path).toBe(true);
      expect(frame.pageWidth, path).toBeLessThanOrEqual(frame.viewport);
    }
    await page.close();
  });

  it('a long meeting page keeps "Til toppen" in view while reading and it leads back to the top', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(url(`/meetings/${kkr.id}`));
    const button = page.getByRole('link', { name: 'Til toppen af siden' });
    const items = await page.locator('.agenda-items').boundingBox();
    await page.evaluate((y) => window.scrollTo(0, y), items!.y + items!.height / 2);
    // Playwright's box is relative to the window: the button sits inside it, far down the page.
    const box = await button.boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    await button.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('an item page leads to the next and previous items', async () => {
    const page = await noScript.newPage();
    await page.goto(url(`/meetings/${kkr.id}/items/3.1`));
    await page.getByRole('navigation', { name: 'Andre punkter på mødet' }).getByRole('link', { name: /Næste punkt/ }).click();
    await page.waitForURL(new RegExp(`/meetings/${kkr.id}/items/3\\.2$`));
    await page.getByRole('link', { name: /Forrige punkt/ }).click();
    await page.waitForURL(new RegExp(`/meetings/${kkr.id}/items/3\\.1$`));
    await page.close();
  });

  it("KL's mission and vision are no headings of the meeting page", async () => {
    const page = await context.newPage();
    await page.goto(url(`/meetings/${kkr.id}`));
    const headings = await page.locator('main h2, main h3').allTextContents();
    expect(headings.some((h) => /^(Mission|Vision)$/.test(h.trim()))).toBe(false);
    expect(await page.locator('.front-matter dt').allTextContents()).toEqual(['Mission', 'Vision']);
    await page.close();
  });

  it('prints the document alone: no menus, header, footer or search; each item on a new page; link addresses printed', async () => {
    const page = await context.newPage();
    await page.goto(url(`/meetings/${kkr.id}`));
    expect(await page.evaluate(() => document.querySelector('nav.nav')!.checkVisibility())).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const display = (sel: string) => (document.querySelector(sel)!.checkVisibility() ? 'shown' : 'none');
      const items = [...document.querySelectorAll('.agenda-items > .agenda-item')];
      const topLevel = items.filter((i) => i.querySelector(':scope > h2'));
      const sub = items.filter((i) => i.querySelector(':scope > h3'));
      const link = document.querySelector('.meeting-facts a[href^="/bodies/"]')!;
      return {
        nav: display('nav.nav'),
        header: display('header.header'),
        footer: display('footer'),
        skip: display('.skipnav'),
        breadcrumbs: display('.breadcrumbs'),
        backToTop: display('.back-to-top'),
        breaks: topLevel.map((i) => getComputedStyle(i).breakBefore),
        subBreaks: sub.map((i) => getComputedStyle(i).breakBefore),
        after: getComputedStyle(link, '::after').content,
      };
    });
    expect(printed).toMatchObject({ nav: 'none', header: 'none', footer: 'none', skip: 'none', breadcrumbs: 'none', backToTop: 'none' });
    expect(printed.breaks.length).toBeGreaterThan(2);
    expect(new Set(printed.breaks)).toEqual(new Set(['page']));
    expect(printed.subBreaks.length).toBeGreaterThan(0);
    expect(printed.subBreaks.every((b) => b !== 'page')).toBe(true);
    expect(printed.after).toBe('" (/bodies/kkr-midtjylland)"');

    // The search box on the front page is not printed either.
    await page.goto(url('/'));
    expect(await page.evaluate(() => document.querySelector('form[role="search"]')!.checkVisibility())).toBe(false);
    const pdf = await page.pdf();
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.close();
  });
});
