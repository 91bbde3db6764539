/** In-process tests of `/search` (page) and `/api/search` (JSON): parameters, states, escaping. */
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { fixtureArchive } from './testing/fixtures.js';
import type { Archive, SearchQuery } from '../archive/types.js';
import { ANONYMOUS, type Viewer } from '../model/index.js';

const app = createApp(fixtureArchive());
const get = (path: string) => app.request(path);

/** An archive that records the query it was asked (and by whom) and returns a fixed number of hits. */
function recordingArchive(total: number, snippet = 'om <mark>klima</mark>') {
  const seen: SearchQuery[] = [];
  const viewers: Viewer[] = [];
  const archive: Archive = {
    ...fixtureArchive(),
    search: async (viewer, query) => {
      viewers.push(viewer);
      seen.push(query);
      const page = query.page ?? 1;
      const limit = query.limit ?? 20;
      const count = Math.max(0, Math.min(limit, total - (page - 1) * limit));
      const results = Array.from({ length: count }, (_, i) => ({
        title: `Punkt ${(page - 1) * limit + i + 1}`, itemNumber: '1', meetingId: 1, meetingDate: '2020-06-17',
        body: 'KKR Midtjylland', kind: 'minutes' as const, snippet, url: '/meetings/1#punkt-1', rank: 1,
      }));
      return { total, page, limit, results };
    },
  };
  return { archive, seen, viewers };
}

describe('GET /search (page)', () => {
  it('shows the form and search tips before a search', async () => {
    const res = await get('/search');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<h1>Søg i dagsordener og referater</h1>');
    expect(body).toContain('Søgetips');
    expect(body).toContain('<option value="kkr-midtjylland">KKR Midtjylland</option>');
    expect(body).toContain('<option value="decision">Beslutning</option>');
    expect(body).not.toContain('resultater for');
  });

  it('shows a result count, highlighted snippets and links to the items', async () => {
    const body = await (await get('/search?q=klimastrategi')).text();
    expect(body).toMatch(/<strong>\d+<\/strong> resultater? for »klimastrategi«/);
    expect(body).toContain('<mark>klimastrategi</mark>');
    // the title leads into the minutes at the item, a second link to the item's own page
    expect(body).toContain('<a href="/meetings/1#punkt-3.1"><span class="search-hit-number">3.1.</span> Klimasamarbejde');
    expect(body).toContain('<a href="/meetings/1/items/3.1" class="search-hit-item-link">punkt 3.1 for sig');
    expect(body).toContain('17. juni 2020');
    expect(body).toContain('value="klimastrategi"');
  });

  it('keeps the filters selected and passes them to the archive', async () => {
    const { archive, seen, viewers } = recordingArchive(3);
    const body = await (await createApp(archive).request('/search?q=klima&body=kd-net&year=2020&kind=minutes&section=decision&sort=newest')).text();
    expect(seen[0]).toEqual({ q: 'klima', body: 'kd-net', year: 2020, kind: 'minutes', sectionType: 'decision', sort: 'newest', page: 1, limit: 20 });
    // No one is signed in: the search is the public's.
    expect(viewers).toEqual([ANONYMOUS]);
    expect(body).toContain('<option value="kd-net" selected="">KD-Net</option>');
    expect(body).toContain('<option value="minutes" selected="">Referater</option>');
    expect(body).toContain('<option value="decision" selected="">Beslutning</option>');
    expect(body).toContain('<option value="newest" selected="">Nyeste først</option>');
    expect(body).toContain('value="2020"');
  });

  it('treats the form\'s empty "Alle" options as no filter', async () => {
    const { archive, seen } = recordingArchive(1);
    await createApp(archive).request('/search?q=klima&body=&year=&kind=&section=&sort=');
    expect(seen[0]).toEqual({ q: 'klima', sort: 'relevance', page: 1, limit: 20 });
  });

  it('paginates with links that keep the query and filters', async () => {
    const { archive, seen } = recordingArchive(45);
    const res = await createApp(archive).request('/search?q=klima&kind=agenda&page=2');
    const body = await res.text();
    expect(seen[0]!.page).toBe(2);
    expect(body).toContain('<strong>45</strong> resultater for »klima« · side 2 af 3');
    expect(body).toContain('<ol class="search-results nobullet-list" start="21">');
    expect(body).toContain('href="/search?q=klima&amp;kind=agenda&amp;page=3"');
    expect(body).toContain('href="/search?q=klima&amp;kind=agenda" class="button button-secondary"');
    expect(body).toMatch(/aria-current="page"><span class="sr-only">Side <\/span>2</);
  });

  it('says so when a page is past the last result', async () => {
    const { archive } = recordingArchive(5);
    const body = await (await createApp(archive).request('/search?q=klima&page=9')).text();
    expect(body).toContain('Der er ikke flere resultater.');
  });

  it('shows a no-results state', async () => {
    const body = await (await get('/search?q=xyzzyudenfund')).text();
    expect(body).toContain('Ingen resultater');
    expect(body).toContain('Søgningen efter »xyzzyudenfund« gav ingen resultater.');
  });

  it('answers invalid parameters with 400 and a Danish message', async () => {
    const res = await get('/search?q=klima&year=tyve&sort=bedst');
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('Søgningen kunne ikke udføres');
    expect(body).toContain('year skal være et årstal.');
    expect(body).toContain('sort skal være relevance, newest eller oldest.');
    expect(body).toContain('value="klima"');
  });

  it('escapes hostile queries everywhere they are shown', async () => {
    const hostile = '"><script>alert(1)</script>';
    for (const path of [`/search?q=${encodeURIComponent(hostile)}`, `/search?q=${encodeURIComponent(hostile)}&year=x`]) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain('<script>');
      expect(body, path).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('lets only <mark> through from snippets, even if storage sends markup', async () => {
    const { archive } = recordingArchive(1, 'a <mark>klima</mark> <img src=x onerror=alert(1)> <script>b</script>');
    const body = await (await createApp(archive).request('/search?q=klima')).text();
    expect(body).toContain('a <mark>klima</mark> &lt;img src=x onerror=alert(1)> &lt;script>b&lt;/script>');
    expect(body).not.toContain('<img');
  });

  it('survives SQL-like and quoted input', async () => {
    for (const q of ["'; drop table items; --", '"fælles servicecenter" -klima', 'a\\b%_']) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });
});

describe('GET /api/search (JSON)', () => {
  it('returns the documented shape', async () => {
    const res = await get('/api/search?q=klimastrategi');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await res.json()) as { total: number; results: Array<Record<string, unknown>> };
    expect(json.total).toBeGreaterThan(0);
    expect(json.results.length).toBe(json.total);
    for (const hit of json.results) {
      expect(Object.keys(hit).sort()).toEqual(['body', 'itemNumber', 'meetingDate', 'snippet', 'title', 'url']);
    }
    expect(json.results[0]).toMatchObject({ itemNumber: '3.1', meetingDate: '2020-06-17', body: 'KKR Midtjylland', url: '/meetings/1/items/3.1' });
  });

  it('takes the same parameters as the page, plus limit', async () => {
    const { archive, seen, viewers } = recordingArchive(250);
    const res = await createApp(archive).request('/api/search?q=klima&body=kkr-midtjylland&year=2020&kind=agenda&section=economy&sort=oldest&page=3&limit=100');
    expect(res.status).toBe(200);
    expect(seen[0]).toEqual({ q: 'klima', body: 'kkr-midtjylland', year: 2020, kind: 'agenda', sectionType: 'economy', sort: 'oldest', page: 3, limit: 100 });
    expect(viewers).toEqual([ANONYMOUS]);
    const json = (await res.json()) as { total: number; page: number; limit: number; results: unknown[] };
    expect(json).toMatchObject({ total: 250, page: 3, limit: 100 });
    expect(json.results).toHaveLength(50);
  });

  it.each([
    ['/api/search', 'Parameteren q mangler'],
    ['/api/search?q=', 'Parameteren q mangler'],
    ['/api/search?q=klima&limit=101', 'limit må højst være 100.'],
    ['/api/search?q=klima&limit=0', 'limit skal være mindst 1.'],
    ['/api/search?q=klima&limit=2.5', 'limit skal være et helt tal.'],
    ['/api/search?q=klima&page=0', 'page skal være mindst 1.'],
    ['/api/search?q=klima&kind=referat', 'kind skal være agenda eller minutes.'],
    ['/api/search?q=klima&section=bilag', 'section skal være en af'],
    ['/api/search?q=klima&body=KKR%20Midt', 'body skal være et organs kortnavn'],
    ['/api/search?q=klima&year=99', 'year skal være mellem 1900 og 2100.'],
    [`/api/search?q=${'a'.repeat(501)}`, 'højst være 500 tegn'],
  ])('answers a bad request with 400 and a clear message (%#)', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(json.error).toContain(message);
  });

  it('never finds closed items or closed bilag', async () => {
    for (const q of ['personsag', 'Hemmeligt bilag']) {
      const json = (await (await get(`/api/search?q=${encodeURIComponent(q)}`)).json()) as { total: number };
      expect(json.total, q).toBe(0);
    }
  });

  it('returns hostile queries as data, never as markup', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ total: 0, results: [] });
  });
});

describe('estimated totals', () => {
  it('says "ca." on the page and totalIsEstimate in the JSON when the archive only estimates the total', async () => {
    const { archive } = recordingArchive(170_000);
    const estimating: Archive = { ...archive, search: async (v, q) => ({ ...(await archive.search(v, q)), totalIsEstimate: true }) };
    const estimatingApp = createApp(estimating);
    expect(await (await estimatingApp.request('/search?q=kommune')).text()).toContain('<strong>ca. 170.000</strong>');
    expect(await (await estimatingApp.request('/api/search?q=kommune')).json()).toMatchObject({ total: 170_000, totalIsEstimate: true });
    expect(await (await createApp(archive).request('/api/search?q=kommune')).json()).toMatchObject({ totalIsEstimate: false });
  });
});
