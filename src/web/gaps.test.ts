/**
 * HTTP tests of the archive's own pages over the fixture archive: the meetings list and month
 * calendar, item neighbours, "Til toppen", front matter, Om arkivet, the accessibility statement,
 * favicon, robots.txt and sitemap.xml.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { createApp } from './app.js';
import { fixtureArchive } from './testing/fixtures.js';
import { isoWeek, monthGrid } from './components/calendar-month.js';
import { parseMeetingsParams, shiftMonth } from './meetings-params.js';
import { renderSitemap, SITEMAP_LIMIT } from './sitemap.js';
import type { SitemapEntries } from '../archive/types.js';

const app = createApp(fixtureArchive());
const get = (path: string) => app.request(`http://archive.test${path}`);
const html = async (path: string, status = 200) => {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
};

afterEach(() => {
  delete process.env.REFERAT_PUBLIC_URL;
  delete process.env.REFERAT_CONTACT_EMAIL;
  delete process.env.REFERAT_WAS_URL;
});

describe('GET /meetings', () => {
  it('lists every meeting newest first, with upcoming meetings, filters and a link to the calendar', async () => {
    const body = await html('/meetings');
    const list = body.slice(body.indexOf('id="alle-moeder"'));
    const order = [...list.matchAll(/<a href="\/meetings\/(\d+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['3', '2', '1', '4']);
    expect(body).toMatch(/Kommende møder<\/h2>.*<a href="\/meetings\/3">9\. september 2020<\/a>.*id="alle-moeder"/s);
    expect(body).toContain('<strong>4</strong> møder');
    expect(body).toMatch(/<select class="form-select" id="meetings-year" name="year">.*<option value="2020">2020<\/option>/s);
    expect(body).toContain('<option value="kd-net">KD-Net</option>');
    // The calendar opens at the newest listed meeting's month.
    expect(body).toContain('<a href="/meetings?month=2020-09">Kalender</a>');
    expect(body).toMatch(/<li class="active current"><a href="\/meetings" class="nav-link" aria-current="page"><span>Møder<\/span>/);
  });

  it('filters by body and year and keeps the filter in the calendar link', async () => {
    const body = await html('/meetings?body=kd-net&year=2020');
    expect(body).toContain('<h2 id="alle-moeder">Møder i 2020</h2>');
    expect(body).toContain('<a href="/meetings/2">28. august 2020</a>');
    expect(body).not.toContain('href="/meetings/1"');
    expect(body).toContain('<option value="kd-net" selected="">KD-Net</option>');
    expect(body).toContain('<a href="/meetings?body=kd-net&amp;month=2020-08">Kalender</a>');
    expect(await html('/meetings?year=2019')).toContain('Der er ingen møder, der passer til afgrænsningen.');
  });

  it('pages past the end say so and link back to the first page', async () => {
    expect(await html('/meetings?page=9')).toContain('Der er ikke flere møder. <a href="/meetings">Gå til første side</a>');
  });

  it('answers invalid input with 400 and a Danish message, an unknown body with 404', async () => {
    expect(await html('/meetings?year=tyve', 400)).toContain('År skal være et årstal.');
    expect(await html('/meetings?page=0', 400)).toContain('Side skal være mindst 1.');
    expect(await html('/meetings?month=2020-13', 400)).toContain('Måned skal skrives som år og måned, fx 2020-08.');
    expect(await html('/meetings?body=%3Cscript%3E', 400)).toContain('Organ skal være et organs kortnavn');
    const unknown = await html('/meetings?body=findes-ikke', 404);
    expect(unknown).toContain('Organet »findes-ikke« findes ikke i arkivet.');
  });
});

describe('GET /meetings?month=…', () => {
  it('draws the month as an accessible table: caption, weekday and week headers, days with meetings linked', async () => {
    const body = await html('/meetings?month=2020-08');
    expect(body).toContain('<caption>August 2020</caption>');
    expect(body).toContain('<th scope="col"><span aria-hidden="true">Man</span><span class="sr-only">Mandag</span></th>');
    // August 2020 starts on a Saturday in week 31 and ends on a Monday in week 36.
    expect(body).toMatch(/<th scope="row" class="calendar-week"><span class="sr-only">Uge <\/span>31<\/th>(<td class="calendar-day calendar-day-outside"><\/td>){5}<td class="calendar-day"><span class="calendar-day-number">1<\/span><\/td>/);
    expect(body).toContain('<span class="sr-only">Uge </span>36</th>');
    expect(body).toMatch(/<a href="\/meetings\/2" class="calendar-day-link"><span class="calendar-day-number">28<\/span><span class="sr-only">\. august 2020: <\/span><span class="calendar-day-bodies">KD-Net<\/span><\/a>/);
    expect(body.match(/calendar-day-link/g)?.length).toBe(1);
    // The month's meetings listed under the grid, by day.
    expect(body).toMatch(/<li id="dag-2020-08-28" class="month-day"><h4 class="month-day-heading">Fredag den 28\. august 2020<\/h4>.*<a href="\/meetings\/2">KD-Net<\/a>/s);
  });

  it('links the previous and next month and the nearest months with meetings', async () => {
    const body = await html('/meetings?month=2020-07');
    expect(body).toContain('<a href="/meetings?month=2020-06" rel="prev" class="month-link">');
    expect(body).toContain('<a href="/meetings?month=2020-08" rel="next" class="month-link">');
    expect(body).toContain('Der er ingen møder i juli 2020.');
    const empty = await html('/meetings?month=2019-01');
    expect(empty).toContain('Næste senere måned med møder: juni 2020');
    expect(empty).toContain('<a href="/meetings?month=2020-06" class="month-link">');
    const kdnet = await html('/meetings?month=2020-06&body=kd-net');
    expect(kdnet).not.toContain('href="/meetings/1"');
    expect(kdnet).toContain('href="/meetings?body=kd-net&amp;month=2020-08" class="month-link"');
  });

  it('builds Monday-first weeks with ISO week numbers', () => {
    expect(monthGrid('2021-01').map((w) => w.week)).toEqual([53, 1, 2, 3, 4]);
    expect(monthGrid('2021-02')).toHaveLength(4); // 1 February 2021 is a Monday; 28 days
    expect(monthGrid('2020-08')[0]!.days).toEqual([null, null, null, null, null, '2020-08-01', '2020-08-02']);
    expect(isoWeek(new Date(Date.UTC(2026, 11, 31)))).toBe(53);
    expect(shiftMonth('2020-01', -1)).toBe('2019-12');
    expect(shiftMonth('2020-12', 1)).toBe('2021-01');
    expect(parseMeetingsParams({ month: '2020-8' })).toEqual({ ok: false, error: 'Måned skal skrives som år og måned, fx 2020-08.' });
  });
});

describe('item and meeting pages', () => {
  it('links the previous and next item in the meeting, and none past the ends', async () => {
    const middle = await html('/meetings/1/items/3');
    expect(middle).toMatch(/<nav class="item-nav" aria-label="Andre punkter på mødet"><a href="\/meetings\/1\/items\/1\.1" rel="prev"[^>]*>.*Forrige punkt<\/span>1\.1\. Godkendelse af referat.*<a href="\/meetings\/1\/items\/3\.1" rel="next"[^>]*>.*Næste punkt/s);
    const first = await html('/meetings/1/items/1');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('href="/meetings/1/items/1.1" rel="next"');
    // The closed item 4 is no neighbour for the public.
    expect(await html('/meetings/1/items/3.2')).not.toContain('rel="next"');
  });

  it('puts a "Til toppen" link on long meeting pages only', async () => {
    expect(await html('/meetings/1')).toContain('<a class="button back-to-top-button" href="#top">');
    expect(await html('/meetings/4')).not.toContain('back-to-top-button');
  });

  it("shows the front matter's headings (KL's mission) as labels, not as headings of the page", async () => {
    const body = await html('/meetings/1');
    expect(body).toContain('<div class="front-matter"><dl><dt>Mission</dt><dd><p>KL bidrager');
    expect(body).not.toMatch(/<h\d[^>]*>Mission</);
  });
});

describe('page frame', () => {
  it('links meetings, about and the accessibility statement from the header and footer, with a favicon and a print stylesheet', async () => {
    const body = await html('/');
    expect(body).toContain('<a href="/meetings" class="nav-link"><span>Møder</span></a>');
    expect(body).toContain('<a href="/om-arkivet" class="nav-link"><span>Om arkivet</span></a>');
    expect(body).toMatch(/<footer>.*<a href="\/tilgaengelighed">Tilgængelighedserklæring<\/a>.*<\/footer>/s);
    expect(body).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
    expect(body).toContain('<link rel="stylesheet" href="/static/print.css" media="print"/>');
    expect(body).toContain('<a href="/meetings">Se alle møder som liste eller kalender</a>');
  });

  it('serves the favicon and the stylesheets', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await icon.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header
    expect((await get('/static/favicon.svg')).status).toBe(200);
    const print = await (await get('/static/print.css')).text();
    expect(print).toContain('header.header');
    expect(print).toContain('break-before: page');
  });
});

describe('GET /om-arkivet and /tilgaengelighed', () => {
  it('the about page says what the archive holds and links the open data', async () => {
    const body = await html('/om-arkivet');
    expect(body).toContain('<h1>Om arkivet</h1>');
    expect(body).toMatch(/Arkivet rummer i dag 4 møder fra 2 organer/);
    for (const href of ['/calendar.ics', '/feed.atom', '/api', '/sitemap.xml', '/tilgaengelighed']) expect(body).toContain(`href="${href}"`);
    expect(body).toContain('href="webcal://archive.test/calendar.ics"');
    // OParl is linked only where it is served.
    expect(body).not.toContain('/oparl/v1.1/');
  });

  it("the statement follows Digitaliseringsstyrelsen's structure and names the enforcement body", async () => {
    const body = await html('/tilgaengelighed');
    const headings = [...body.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Overholdelsesstatus', 'Indhold, der ikke er tilgængeligt', 'Udarbejdelse af denne tilgængelighedserklæring',
      'Feedback og kontaktoplysninger', 'Håndhævelsesprocedure',
    ]);
    expect(body).toContain('href="https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"');
    expect(body).toContain('axe-core');
    expect(body).toContain('har endnu ikke angivet sine kontaktoplysninger');
  });

  it('shows the contact the authority configures, and /was leads to its WAS-Tool statement', async () => {
    process.env.REFERAT_CONTACT_EMAIL = 'arkiv@example.dk';
    process.env.REFERAT_WAS_URL = 'https://www.was.digst.dk/archive-test';
    expect(await html('/tilgaengelighed')).toContain('<a href="mailto:arkiv@example.dk">arkiv@example.dk</a>');
    const was = await get('/was');
    expect(was.status).toBe(302);
    expect(was.headers.get('location')).toBe('https://www.was.digst.dk/archive-test');
    delete process.env.REFERAT_WAS_URL;
    expect((await get('/was')).headers.get('location')).toBe('/tilgaengelighed');
  });
});

describe('GET /robots.txt and /sitemap.xml', () => {
  it('robots.txt names the sitemap at the public address', async () => {
    process.env.REFERAT_PUBLIC_URL = 'https://referat.example.dk/';
    const text = await (await get('/robots.txt')).text();
    expect(text).toContain('Sitemap: https://referat.example.dk/sitemap.xml');
    expect(text).toContain('Disallow: /api/');
  });

  it('lists every public meeting, item, body and case with absolute addresses, and nothing closed', async () => {
    const res = await get('/sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    const parsed = new XMLParser().parse(xml) as { urlset: { url: Array<{ loc: string; lastmod?: string }> } };
    const locs = parsed.urlset.url.map((u) => u.loc);
    expect(locs.every((l) => l.startsWith('http://archive.test/'))).toBe(true);
    for (const path of ['/', '/meetings', '/om-arkivet', '/tilgaengelighed', '/bodies/kkr-midtjylland', '/bodies/kd-net', '/meetings/1', '/meetings/4', '/meetings/1/items/3.1', '/cases/SAG-2020-01697']) {
      expect(locs, path).toContain(`http://archive.test${path}`);
    }
    expect(locs).not.toContain('http://archive.test/meetings/1/items/4');
    expect(locs).not.toContain('http://archive.test/cases/SAG-2020-00001');
    // Every listed page exists.
    for (const loc of locs) expect((await app.request(loc)).status, loc).toBe(200);
  });

  it('splits into an index of parts past 50,000 addresses', () => {
    const entries: SitemapEntries = {
      meetings: [], bodies: [], people: [], cases: [],
      items: Array.from({ length: SITEMAP_LIMIT + 10 }, (_, i) => ({ meetingId: 1, number: String(i + 1) })),
    };
    const index = renderSitemap(entries, 'https://x.dk', null)!;
    expect(index).toContain('<sitemapindex');
    expect(index).toContain('<loc>https://x.dk/sitemap.xml?part=2</loc>');
    expect(renderSitemap(entries, 'https://x.dk', 2)!.match(/<url>/g)?.length).toBe(15);
    expect(renderSitemap(entries, 'https://x.dk', 3)).toBeNull();
  });

  it('answers a part that does not exist with 404', async () => {
    expect((await get('/sitemap.xml?part=2')).status).toBe(404);
    expect((await get('/sitemap.xml?part=x')).status).toBe(404);
  });
});
