/** In-process HTTP tests of every route over the fixture archive (no server, no database). */
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { HOSTILE, ORGANIZATION_IDS, fixtureArchive } from './testing/fixtures.js';
import type { Archive } from '../archive/types.js';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';

const app = createApp(fixtureArchive());
const get = (path: string) => app.request(path);
const html = async (path: string, status = 200) => {
  const res = await get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
};

describe('page frame', () => {
  it('every page is a Danish HTML document with doctype, skip link, landmarks and one h1', async () => {
    for (const path of [
      '/', '/bodies/kkr-midtjylland', '/meetings/1', '/meetings/1/items/3.1', '/meetings/1/documents/minutes/versions/1',
      '/meetings/1/documents/minutes/versions/1/compare', '/cases/SAG-2020-01697', '/people', '/search', '/search?q=klima', '/findes-ikke',
    ]) {
      const res = await get(path);
      const body = await res.text();
      expect(body.startsWith('<!DOCTYPE html><html lang="da">'), path).toBe(true);
      expect(body).toContain('<a class="skipnav" href="#main-content">Gå til sidens indhold</a>');
      expect(body).toContain('<main id="main-content"');
      expect(body).toContain('<header class="header">');
      expect(body).toContain('<footer>');
      expect(body.match(/<h1[ >]/g)?.length, path).toBe(1);
      expect(body).toContain('href="/static/dkfds/css/dkfds.min.css"');
    }
  });

  it('sends a content security policy that forbids scripts', async () => {
    const res = await get('/');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
  });
});

describe('GET /', () => {
  it('lists the latest meetings, upcoming meetings, bodies and a search box', async () => {
    const body = await html('/');
    expect(body).toContain('Seneste møder');
    expect(body).toContain('<a href="/meetings/2">28. august 2020</a>');
    expect(body).toContain('<a href="/meetings/1">17. juni 2020</a>');
    expect(body).toMatch(/Kommende møder<\/h2>.*<a href="\/meetings\/3">9. september 2020<\/a>/s);
    expect(body).toContain('href="/bodies/kkr-midtjylland"');
    expect(body).toContain('href="/bodies/kd-net"');
    expect(body).toMatch(/<form action="\/search" method="get" role="search"/);
    expect(body).toContain('name="q"');
  });

  it('shows empty states when the archive is empty', async () => {
    const empty: Archive = {
      ...fixtureArchive(),
      listBodies: async () => [],
      latestMeetings: async () => [],
      upcomingMeetings: async () => [],
    };
    const body = await (await createApp(empty).request('/')).text();
    expect(body).toContain('Der er endnu ingen møder i arkivet.');
    expect(body).toContain('Der er ingen planlagte møder i arkivet lige nu.');
  });
});

describe('GET /bodies/:slug', () => {
  it('groups meetings by year with Danish dates', async () => {
    const body = await html('/bodies/kkr-midtjylland');
    expect(body).toContain('<h1>KKR Midtjylland</h1>');
    expect(body).toContain('<h2 id="aar-2020">2020</h2>');
    // newest first within the year
    expect(body.indexOf('9. september 2020')).toBeLessThan(body.indexOf('17. juni 2020'));
    expect(body).toContain('href="/search?body=kkr-midtjylland"');
  });

  it('is 404 for an unknown body', async () => {
    const body = await html('/bodies/findes-ikke', 404);
    expect(body).toContain('Siden blev ikke fundet');
  });
});

describe('GET /meetings/:id', () => {
  it('renders the meeting like the official minutes', async () => {
    const body = await html('/meetings/1');
    expect(body).toMatch(/<h1><span class="kind-label">Referat.*<\/span> KKR Midtjylland, 17. juni 2020<\/h1>/);
    expect(body).toContain('onsdag den 17. juni 2020');
    expect(body).toContain('kl. 10.00');
    expect(body).toContain('Scandic, Rytoften 3, 8210 Aarhus');
    // participants with party and municipality, afbud with substitute, others grouped
    expect(body).toMatch(/<td>Nils Borring<\/td><td>A<\/td><td>Favrskov<\/td>/);
    expect(body).toMatch(/<td>Lars Krarup<\/td><td>V<\/td><td>Herning<\/td><td>Anne Mette Bang Rasmussen<\/td>/);
    expect(body).toContain('<strong>Fra KL-sekretariatet</strong>');
    expect(body).toContain('Chefkonsulent Christian Budde (referent)');
    // table of contents and anchors
    expect(body).toContain('<a href="#punkt-3.1">3.1. Klimasamarbejde');
    expect(body).toContain('id="punkt-3.1"');
    expect(body).toContain('SAG-2020-01697');
    expect(body).toContain('chbo, snm');
    expect(body).toContain('Jesper Kaas Schmidt');
    // sections in order, decisions highlighted
    const order = ['Indstilling', 'Sagsfremstilling', 'Beslutning'].map((h) => body.indexOf(`section-heading">${h}<`, body.indexOf('id="punkt-3.1"')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toMatch(/<div class="item-section decision" data-section-type="decision"><h4 class="section-heading">Beslutning<\/h4><p>KKR Midtjylland tiltrådte indstillingen.<br\/>Der var generel opbakning til DK2020.<\/p>/);
    // nested list, table, bilag
    expect(body).toContain('<li>Drøfter rammerne for KKR Midtjyllands klimastrategi<ul><li>Herunder DK2020</li></ul></li>');
    expect(body).toContain('<th scope="row">Juni (medio)</th><td>KKR drøfter DK2020</td>');
    expect(body).toContain('<span class="attachment-label">Bilag:</span> Udbredelse af DK2020');
  });

  it('states the meeting\'s status and lists its document version, without the original of a document with closed content', async () => {
    const body = await html('/meetings/1');
    expect(body).toContain('<th scope="row">Status</th><td>Referat offentliggjort</td>');
    expect(body).toContain('<th scope="row">Versioner og originaler</th>');
    expect(body).toMatch(/<strong>Referat<\/strong>: gældende version 1<span class="version-meta">, 1\. september 2020 kl\. 02\.00, indlæst fra Referat KKR 17\. juni 2020 &quot;æøå&quot;\.pdf<\/span>/);
    // Only one version: nothing earlier to link or compare.
    expect(body).not.toContain('/documents/minutes/versions/');
    // The original holds the closed item and bilag: the public is never offered it.
    expect(body).not.toContain('/documents/11/original');
    expect(body).not.toContain('original som');
  });

  it('offers the original of a public document for download', async () => {
    const body = await html('/meetings/2');
    expect(body).toContain('<a href="/documents/12/original" download="">original som Word</a>');
  });

  it('states the status of an upcoming agenda', async () => {
    const body = await html('/meetings/3');
    expect(body).toContain('<th scope="row">Status</th><td>Dagsorden offentliggjort</td>');
  });

  it('keeps heading levels without gaps: items h2, sub-items h3, sections h4', async () => {
    const body = await html('/meetings/1');
    expect(body).toContain('<h2 id="punkt-3-titel" class="item-title">3. Regionalpolitiske sager</h2>');
    expect(body).toContain('<h3 id="punkt-3.1-titel"');
    const levels = [...body.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    });
  });

  it('never shows closed items or closed bilag, nor unsafe links', async () => {
    const body = await html('/meetings/1');
    expect(body).not.toContain('Lukket punkt om personsag');
    expect(body).not.toContain('Hemmeligt bilag');
    expect(body).toContain('href="https://realdania.dk/dk2020"');
    expect(body).not.toContain('javascript:');
  });

  it('escapes hostile text from documents', async () => {
    const body = await html('/meetings/1');
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('renders an online meeting with attendance note and a time range', async () => {
    const body = await html('/meetings/2');
    expect(body).toContain('kl. 10.00–13.00');
    expect(body).toContain('via Skype, online');
    expect(body).toContain('Kommunaldirektørerne i den midtjyske region eller deres suppleanter.');
    expect(body).toContain('<td>Per Mathiasen</td><td>Skive</td><td>Thomas Lindberg</td>');
    expect(body).not.toContain('<th scope="col">Parti</th>');
    expect(body).toMatch(/<div class="item-section decision" data-section-type="decision"><h3 class="section-heading">Referat<\/h3>/);
  });

  it('renders an undated document of unknown body', async () => {
    const body = await html('/meetings/4');
    expect(body).toContain('Ukendt organ, Udateret');
  });

  it.each(['/meetings/999', '/meetings/abc', '/meetings/0', '/meetings/-1', '/meetings/1e3', '/meetings/99999999999'])('is 404 for %s', async (path) => {
    await html(path, 404);
  });
});

describe('GET /meetings/:id/items/:number', () => {
  it('renders the item with its sections and the same case at other meetings', async () => {
    const body = await html('/meetings/1/items/3.1');
    expect(body).toContain('<h1 id="punkt-3.1-titel" class="item-title h2">3.1. Klimasamarbejde');
    expect(body).toContain('<h2 class="section-heading h3">Indstilling</h2>');
    expect(body).toContain('Sagen på andre møder');
    expect(body).toContain('<a href="/meetings/2/items/3">3. Orientering om status på KKR-Midtjyllands klimastrategi</a>');
    expect(body).toContain('KD-Net, 28. august 2020');
    expect(body).toContain('href="/meetings/1#punkt-3.1"');
    expect(body).toContain('<a class="breadcrumbs__link" href="/meetings/1">KKR Midtjylland, 17. juni 2020</a>');
  });

  it('says so when the case was not treated elsewhere', async () => {
    const body = await html('/meetings/1/items/3.2');
    expect(body).toContain('Sag SAG-2020-09999 er ikke behandlet på andre møder i arkivet.');
    expect(body).not.toContain(HOSTILE);
  });

  it.each(['/meetings/1/items/4', '/meetings/1/items/9', '/meetings/1/items/x', '/meetings/1/items/3..1', '/meetings/999/items/1'])('is 404 for %s (closed, missing or malformed)', async (path) => {
    await html(path, 404);
  });
});

describe('GET /documents/:id/original', () => {
  it('downloads the original file as an attachment with its Danish name', async () => {
    const res = await get('/documents/12/original');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="Referat KD-Net 28. august 2020 _aeoeaa_.docx"; filename\*=UTF-8''Referat%20KD-Net/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Referat KD-Net 28. august 2020 "æøå".docx');
    expect(await res.text()).toBe('PK docx test');
  });

  it('is 404 for an original with closed content: the public never downloads it', async () => {
    const body = await html('/documents/11/original', 404);
    expect(body).not.toContain('%PDF');
  });

  it('is 404 when no original is stored', async () => {
    await html('/documents/13/original', 404);
    await html('/documents/999/original', 404);
    await html('/documents/abc/original', 404);
  });
});

describe('GET /meetings/:id/documents/:kind/versions/:version', () => {
  it('shows the one version as the meeting page, under a notice that it is the current one', async () => {
    const body = await html('/meetings/1/documents/minutes/versions/1');
    expect(body).toContain('<title>Referat version 1: KKR Midtjylland, 17. juni 2020');
    expect(body).toContain('Version 1 af 1 af referatet, fra 1. september 2020 kl. 02.00');
    expect(body).toContain('Dette er den gældende version.');
    expect(body).toContain('id="punkt-3.1"');
    expect(body).toContain('KKR Midtjylland tiltrådte indstillingen.');
  });

  it('never shows closed items or bilag on a version page either', async () => {
    const body = await html('/meetings/1/documents/minutes/versions/1');
    expect(body).not.toContain('Lukket punkt om personsag');
    expect(body).not.toContain('Hemmeligt bilag');
    expect(body).not.toContain('/documents/11/original');
    expect(body).not.toContain(HOSTILE);
  });

  it('compares the version with itself: no differences', async () => {
    const body = await html('/meetings/1/documents/minutes/versions/1/compare');
    expect(body).toContain('<h1>Referat: version 1 sammenlignet med version 1</h1>');
    expect(body).toContain('Teksten er den samme i de to versioner.');
    expect(body).toContain('Punkter tilføjet: 0, fjernet: 0, ændret: 0');
    expect(body).not.toContain('Lukket punkt om personsag');
  });

  it.each([
    '/meetings/1/documents/minutes/versions/2',
    '/meetings/1/documents/minutes/versions/2/compare',
    '/meetings/1/documents/agenda/versions/1',
    '/meetings/1/documents/referat/versions/1',
    '/meetings/1/documents/minutes/versions/x',
    '/meetings/1/documents/minutes/versions/0',
    '/meetings/1/documents/minutes/versions/x/compare',
    '/meetings/999/documents/minutes/versions/1',
  ])('is 404 for %s', async (path) => {
    await html(path, 404);
  });
});

describe('the memory archive applies the access policy for each viewer', () => {
  const member: Viewer = accountViewer(1, 'member', ORGANIZATION_IDS.kkr);
  const otherMember: Viewer = accountViewer(2, 'member', ORGANIZATION_IDS.kdnet);

  it('shows the public neither closed items, their cases nor closed bilag', async () => {
    const archive = fixtureArchive();
    const view = (await archive.getMeeting(ANONYMOUS, 1))!;
    expect(view.document.items.map((i) => i.number)).not.toContain('4');
    expect(view.meeting.itemCount).toBe(5);
    expect(view.document.items.find((i) => i.number === '3.1')!.attachments.map((a) => a.title)).toEqual(['Udbredelse af DK2020']);
    expect(await archive.getItem(ANONYMOUS, 1, '4')).toBeNull();
    expect(await archive.getCase(ANONYMOUS, 'SAG-2020-00001')).toBeNull();
    expect((await archive.search(ANONYMOUS, { q: 'personsag' })).total).toBe(0);
    expect(await archive.getOriginal(ANONYMOUS, 11)).toBeNull();
    expect(view.documents[0]!.current.fileId).toBeNull();
  });

  it('shows the organisation\'s members its closed items, bilag and original, and no one else', async () => {
    const archive = fixtureArchive();
    const view = (await archive.getMeeting(member, 1))!;
    expect(view.document.items.map((i) => i.number)).toContain('4');
    expect(view.meeting.itemCount).toBe(6);
    expect(view.document.items.find((i) => i.number === '3.1')!.attachments.map((a) => a.title)).toContain('Hemmeligt bilag');
    expect((await archive.getItem(member, 1, '4'))!.item.title).toBe('Lukket punkt om personsag');
    expect((await archive.getCase(member, 'SAG-2020-00001'))!.items).toHaveLength(1);
    expect(view.documents[0]!.current.fileId).toBe(11);
    expect(await archive.getOriginal(member, 11)).toMatchObject({ fileName: 'Referat KKR 17. juni 2020 "æøå".pdf', access: 'closed' });

    expect(await archive.getItem(otherMember, 1, '4')).toBeNull();
    expect(await archive.getOriginal(otherMember, 11)).toBeNull();
    expect((await archive.getVersion(otherMember, 1, 'minutes', 1))!.document.items.map((i) => i.number)).not.toContain('4');
    expect((await archive.getVersion(member, 1, 'minutes', 1))!.document.items.map((i) => i.number)).toContain('4');
  });
});

describe('static assets', () => {
  it('serves the dkfds stylesheet, its icons and fonts, and our own stylesheet', async () => {
    const css = await get('/static/dkfds/css/dkfds.min.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(css.headers.get('cache-control')).toContain('max-age');
    expect((await get('/static/dkfds/img/all-svg-icons.svg')).status).toBe(200);
    expect((await get('/static/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Regular.woff')).status).toBe(200);
    const own = await get('/static/referat.css');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('.decision');
  });

  it('does not serve files outside the asset directories', async () => {
    for (const path of ['/static/dkfds/../package.json', '/static/dkfds/%2e%2e/package.json', '/static/../app.ts', '/static/dkfds/nope.css']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe('unknown paths', () => {
  it('answers with a Danish 404 page', async () => {
    const body = await html('/findes/ikke', 404);
    expect(body).toContain('<h1>Siden blev ikke fundet</h1>');
    expect(body).toContain('<a href="/">Gå til forsiden</a>');
  });

  it('answers unknown API paths with JSON', async () => {
    const res = await get('/api/findes-ikke');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Ikke fundet.' });
  });

  it('shows a Danish error page when the archive fails', async () => {
    const broken: Archive = { ...fixtureArchive(), getMeeting: async () => { throw new Error('db down'); } };
    const quiet = console.error;
    console.error = () => {};
    try {
      const res = await createApp(broken).request('/meetings/1');
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).toContain('Der opstod en fejl');
      expect(body).not.toContain('db down');
    } finally {
      console.error = quiet;
    }
  });
});

describe('HEAD requests', () => {
  it('are answered like GET, without a body', async () => {
    const res = await app.request('/meetings/1', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
