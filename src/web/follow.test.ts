/**
 * In-process HTTP tests of the case and people pages over the database archive (PGlite, or
 * PostgreSQL with DATABASE_URL): the web fixtures stored with storeDocument, plus a document
 * whose names and titles are hostile and whose case number has a slash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive/types.js';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import type { Attendance, AttendanceStatus } from '../archive/types.js';
import { ANONYMOUS } from '../model/index.js';
import { createApp } from './app.js';
import { affiliations, attendanceSummary, renderPersonPage } from './pages/person.js';
import { HOSTILE, kdnetMinutes, kkrMinutes } from './testing/fixtures.js';

let database: Database;
let archive: Archive;
let app: ReturnType<typeof createApp>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  app = createApp(archive);
  ids.kkr = (await storeDocument(database.db, kkrMinutes, original('kkr'))).meetingId;
  ids.kdnet = (await storeDocument(database.db, kdnetMinutes, original('kdnet'))).meetingId;
  ids.hostile = (
    await storeDocument(
      database.db,
      meetingDocument({
        body: 'Testudvalget',
        date: '2021-01-01',
        participants: [{ name: `Hans ${HOSTILE}`, party: '"><b>', municipality: 'Aarhus & Omegn', role: null }],
        items: [item('1', `Sag med skråstreg ${HOSTILE}`, { caseNumber: '24/2231', decision: `Vedtaget ${HOSTILE}` })],
      }),
      original('hostile'),
    )
  ).meetingId;
});
afterAll(async () => {
  await database?.close();
});

const html = async (path: string, status = 200) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
};
const personPath = async (slug: string) => {
  const view = (await archive.getPerson(ANONYMOUS, slug))!;
  return `/people/${view.person.id}-${view.person.slug}`;
};

describe('page frame of the new pages', () => {
  it('each is a Danish page with skip link, landmarks, breadcrumbs, one h1 and no skipped heading level', async () => {
    for (const path of ['/cases/SAG-2020-01697', '/people', '/people?q=krarup', '/people?q=ingen-s%C3%A5dan', await personPath('lars-krarup')]) {
      const body = await html(path);
      expect(body.startsWith('<!DOCTYPE html><html lang="da">'), path).toBe(true);
      expect(body).toContain('<a class="skipnav" href="#main-content">');
      expect(body).toContain('<main id="main-content"');
      expect(body).toContain('<nav class="breadcrumbs" aria-label="Brødkrumme">');
      expect(body.match(/<h1[ >]/g)?.length, path).toBe(1);
      const levels = [...body.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${path} heading ${i}`).toBeLessThanOrEqual(1);
      });
    }
  });
});

describe('GET /cases/:caseNumber', () => {
  it('lists the case at every meeting, newest first, with item links and decisions', async () => {
    const body = await html('/cases/SAG-2020-01697');
    expect(body).toContain('<h1>Sag SAG-2020-01697</h1>');
    expect(body).toContain('2 punkter på 2 møder');
    const kdnet = body.indexOf(`href="/meetings/${ids.kdnet}/items/3"`);
    const kkr = body.indexOf(`href="/meetings/${ids.kkr}/items/3.1"`);
    expect(kdnet).toBeGreaterThan(0);
    expect(kkr).toBeGreaterThan(kdnet);
    expect(body).toContain(`<a href="/meetings/${ids.kkr}">KKR Midtjylland, 17. juni 2020</a>`);
    expect(body).toContain('<p class="case-decision-label"><strong>Beslutning</strong></p><p>KKR Midtjylland tiltrådte indstillingen.</p>');
    // The fixture states no decision field for the KD-Net item.
    expect(body).toContain('Referatet angiver ingen beslutning.');
    expect(body).toContain('Lukkede punkter vises ikke.');
  });

  it('is 404 for a case known only from a closed item, and never names that item', async () => {
    const body = await html('/cases/SAG-2020-00001', 404);
    expect(body).not.toContain('Lukket punkt om personsag');
    expect(body).not.toContain('SAG-2020-00001');
  });

  it('takes a case number with a slash as one encoded segment, and escapes titles and decisions', async () => {
    const body = await html('/cases/24%2F2231');
    expect(body).toContain('<h1>Sag 24/2231</h1>');
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain('Sag med skråstreg &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(body).toContain('Vedtaget &lt;script&gt;');
    const item = await html(`/meetings/${ids.hostile}/items/1`);
    expect(item).toContain('<a href="/cases/24%2F2231">24/2231</a>');
  });

  it.each(['/cases/findes-ikke', `/cases/${'9'.repeat(101)}`, '/cases/24/2231'])('is 404 for %s', async (path) => {
    await html(path, 404);
  });

  it('is linked from the item page and the meeting page', async () => {
    const item = await html(`/meetings/${ids.kkr}/items/3.1`);
    expect(item).toContain('<span class="item-meta-label">Sagsnr.</span> <a href="/cases/SAG-2020-01697">SAG-2020-01697</a>');
    expect(item).toContain('<a href="/cases/SAG-2020-01697">Følg sag SAG-2020-01697 på tværs af møder</a>');
    expect(await html(`/meetings/${ids.kkr}`)).toContain('<a href="/cases/SAG-2020-01697">SAG-2020-01697</a>');
  });
});

describe('GET /people', () => {
  it('lists everyone from the participant lists, grouped by body, with links to their pages', async () => {
    const body = await html('/people');
    expect(body).toContain('<h1>Personer</h1>');
    expect(body).toMatch(/<h2 id="organ-1">KD-Net <span class="people-group-count">\(2 personer\)<\/span><\/h2>/);
    expect(body.indexOf('>KD-Net <')).toBeLessThan(body.indexOf('>KKR Midtjylland <'));
    expect(body).toContain(`<a href="${await personPath('nils-borring')}">Nils Borring</a></td><td>A</td><td>Favrskov</td>`);
    expect(body).toContain('<a href="/people" class="nav-link" aria-current="page">');
    expect(body).toContain('<option value="kd-net">KD-Net</option>');
  });

  it('filters by name and by body, server-side, and says when nothing matches', async () => {
    const krarup = await html('/people?q=KRARUP');
    expect(krarup).toContain('<strong>1 person</strong> matcher »KRARUP«');
    expect(krarup).toContain('>Lars Krarup</a>');
    expect(krarup).not.toContain('Nils Borring');
    expect(krarup).toContain('value="KRARUP"');
    const kdnet = await html('/people?body=kd-net');
    expect(kdnet).toContain('<option value="kd-net" selected="">KD-Net</option>');
    expect(kdnet).toContain('Per Mathiasen');
    expect(kdnet).not.toContain('Nils Borring');
    expect(await html('/people?q=findes+ikke')).toContain('Ingen personer matcher afgrænsningen.');
    expect(await html('/people?body=..%2F%3Cx%3E')).toContain('Nils Borring');
  });

  it('escapes a hostile filter and hostile names', async () => {
    const body = await html(`/people?q=${encodeURIComponent(HOSTILE)}`);
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain('»&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;«');
    const all = await html('/people');
    expect(all).not.toContain(HOSTILE);
    expect(all).toContain('Hans &lt;script&gt;');
    expect(all).toContain('<td>&quot;&gt;&lt;b&gt;</td><td>Aarhus &amp; Omegn</td>');
  });
});

describe('GET /people/:ref', () => {
  it('shows afbud with who came instead, linked, and party and municipality as stated', async () => {
    const body = await html(await personPath('lars-krarup'));
    expect(body).toContain('<h1>Lars Krarup</h1>');
    expect(body).toContain('Afbud 1 gang.');
    expect(body).toContain(`Afbud – i stedet deltog <a href="${await personPath('anne-mette-bang-rasmussen')}">Anne Mette Bang Rasmussen</a>`);
    expect(body).toContain('<th scope="row">Parti</th><td>V</td>');
    expect(body).toContain('<th scope="row">Kommune</th><td>Herning</td>');
    expect(body).toContain(`<a href="/meetings/${ids.kkr}">17. juni 2020</a>`);
    expect(body).toContain('<a class="breadcrumbs__link" href="/people">Personer</a>');
  });

  it('shows a substitute with whom they replaced, and another attendee with title and minute-taking', async () => {
    const sub = await html(await personPath('thomas-lindberg'));
    expect(sub).toContain(`Deltog i stedet for <a href="${await personPath('per-mathiasen')}">Per Mathiasen</a>`);
    expect(sub).toContain('Stedfortræder 1 gang.');
    const guest = await html(await personPath('christian-budde'));
    expect(guest).toContain('Øvrig deltager (Chefkonsulent), referent');
    expect(guest).toContain('Ikke angivet i dokumenterne');
  });

  it('is reached by slug or id alone, and escapes hostile names', async () => {
    expect(await html('/people/nils-borring')).toContain('<h1>Nils Borring</h1>');
    const id = (await archive.getPerson(ANONYMOUS, 'nils-borring'))!.person.id;
    expect(await html(`/people/${id}`)).toContain('<h1>Nils Borring</h1>');
    const hostile = (await archive.getPerson(ANONYMOUS, 'hans-script-alert-x-script'))!;
    const body = await html(`/people/${hostile.person.id}-${hostile.person.slug}`);
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain('<h1>Hans &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
  });

  it.each(['/people/findes-ikke', '/people/999999', '/people/%3Cscript%3E', `/people/${'a'.repeat(201)}`])('is 404 for %s', async (path) => {
    await html(path, 404);
  });

  it('is linked from the meeting page: members, afbud, substitutes and others present', async () => {
    const body = await html(`/meetings/${ids.kkr}`);
    expect(body).toContain(`<td><a href="${await personPath('nils-borring')}">Nils Borring</a></td><td>A</td><td>Favrskov</td>`);
    expect(body).toContain(`<td><a href="${await personPath('lars-krarup')}">Lars Krarup</a></td>`);
    expect(body).toContain(`<td><a href="${await personPath('anne-mette-bang-rasmussen')}">Anne Mette Bang Rasmussen</a></td>`);
    expect(body).toContain(`Chefkonsulent <a href="${await personPath('christian-budde')}">Christian Budde</a> (referent)`);
  });
});

describe('party and municipality over time', () => {
  const at = (id: number, date: string, party: string | null, municipality: string | null, status: AttendanceStatus = 'present'): Attendance => ({
    meeting: { id, status: 'minutes_published', body: { slug: 'kkr', name: 'KKR' }, date, startTime: null, location: null, kinds: ['minutes'], itemCount: 1 },
    status, party, municipality, role: null, organisation: null, minuteTaker: false, counterpart: null,
  });
  const attendance = [
    at(5, '2024-09-01', 'F', 'Aarhus'),
    at(4, '2024-03-01', 'A', 'Aarhus', 'afbud'),
    at(3, '2023-01-01', 'A', 'Aarhus'),
    at(2, '2020-01-01', null, null, 'substitute'),
    at(1, '2019-01-01', null, 'Aarhus'),
  ];

  it('collapses consecutive meetings with the same stated pair, newest first, skipping lists that state neither', () => {
    expect(affiliations(attendance)).toEqual([
      { party: 'F', municipality: 'Aarhus', firstDate: '2024-09-01', lastDate: '2024-09-01', meetingCount: 1 },
      { party: 'A', municipality: 'Aarhus', firstDate: '2023-01-01', lastDate: '2024-03-01', meetingCount: 2 },
      { party: null, municipality: 'Aarhus', firstDate: '2019-01-01', lastDate: '2019-01-01', meetingCount: 1 },
    ]);
    expect(attendanceSummary(attendance)).toBe('Til stede ved 3 møder, afbud 1 gang, stedfortræder 1 gang.');
  });

  it('notes the change on the person page', () => {
    const page = renderPersonPage({ person: { id: 1, slug: 'k', name: 'K', party: 'F', municipality: 'Aarhus', nameVariants: ['K'] }, memberships: [], attendance });
    expect(page).toContain('<h2 id="parti-kommune">Parti og kommune over tid</h2>');
    expect(page).toContain('Partiet eller kommunen er skiftet undervejs, som dokumenterne angiver dem.');
    expect(page).toContain('<td>A</td><td>Aarhus</td><td>2</td><td>1. januar 2023 – 1. marts 2024</td>');
    expect(page).toContain('<td>ikke angivet</td><td>Aarhus</td>');
  });

  it('says when a document merely left the party out, and shows no history for one run', () => {
    const person = { id: 1, slug: 'k', name: 'K', party: 'A', municipality: 'Aarhus', nameVariants: ['K'] };
    const unstated = renderPersonPage({ person, memberships: [], attendance: [at(2, '2023-01-01', 'A', 'Aarhus'), at(1, '2020-01-01', null, 'Aarhus')] });
    expect(unstated).toContain('Ikke alle dokumenter angiver både parti og kommune.');
    const same = renderPersonPage({ person, memberships: [], attendance: [at(2, '2023-01-01', 'A', 'Aarhus'), at(1, '2020-01-01', 'A', 'Aarhus')] });
    expect(same).not.toContain('Parti og kommune over tid');
  });
});

describe('seats on the pages', () => {
  it("lists an organisation's members and a person's memberships, escaped", async () => {
    const body = await (await app.request('/bodies/testudvalget')).text();
    expect(body).toContain('<h2 id="medlemmer">Medlemmer</h2>');
    expect(body).toContain('Valgperioden 2018–2021');
    expect(body).toContain('Hans &lt;script&gt;');
    const person = (await archive.listPeople(ANONYMOUS, { q: 'Hans' }))[0]!.people[0]!;
    const page = await (await app.request(`/people/${person.id}`)).text();
    expect(page).toContain('<h2 id="medlemskaber">Medlemskaber</h2>');
    expect(page).toContain('<a href="/bodies/testudvalget">Testudvalget</a>');
    expect(page).not.toContain('<script>alert');
  });
});
