/**
 * In-process HTTP tests of finding things over the database archive (PGlite, or PostgreSQL with
 * DATABASE_URL): case URLs however typed, the search page's people and case links, its date and
 * person fields, and its tips. Invented names only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { createApp } from './app.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let meetingId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp(createDbArchive(database.db));
  meetingId = (
    await storeDocument(
      database.db,
      meetingDocument({
        body: 'Testudvalget',
        date: '2024-03-01',
        participants: [{ name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' }],
        items: [
          item('1', 'Klimaplan', { caseNumber: 'SAG-2020-01697', text: 'Karen Testesen fremlagde planen.' }),
          item('2', 'Vandløb', { caseNumber: '24/2231' }),
          item('3', 'Lukket sag', { caseNumber: 'SAG-2099-77777', access: 'closed' }),
        ],
      }),
      original('web finding'),
    )
  ).meetingId;
  await storeDocument(
    database.db,
    meetingDocument({ body: 'Testudvalget', date: '2025-05-05', items: [item('1', 'Klimaopfølgning', { text: 'Om klima.' })] }),
    original('web finding later'),
  );
});
afterAll(async () => {
  await database?.close();
});

const get = (path: string) => app.request(path);

describe('case URLs', () => {
  it('redirect a case number typed in another case or punctuation to the stored form', async () => {
    expect((await get('/cases/SAG-2020-01697')).status).toBe(200);
    for (const typed of ['sag-2020-01697', 'SAG%202020%2001697', 'sag202001697']) {
      const res = await get(`/cases/${typed}`);
      expect(res.status, typed).toBe(301);
      expect(res.headers.get('location'), typed).toBe('/cases/SAG-2020-01697');
    }
    const slash = await get('/cases/24-2231');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/cases/24%2F2231');
    expect((await get(slash.headers.get('location')!)).status).toBe(200);
  });

  it('answer 404 for unknown cases and cases known only from closed items', async () => {
    for (const path of ['/cases/SAG-2020', '/cases/sag-2099-77777', '/cases/SAG-2099-77777', '/cases/%25']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe('search page', () => {
  it('links the case and the person the query names, above the items', async () => {
    const caseBody = await (await get('/search?q=sag%202020%2001697')).text();
    expect(caseBody).toContain('<a href="/cases/SAG-2020-01697">Sag SAG-2020-01697</a>');
    expect(caseBody.indexOf('Sag SAG-2020-01697')).toBeLessThan(caseBody.indexOf('search-hit-title'));
    const personBody = await (await get('/search?q=karen%20testesen')).text();
    expect(personBody).toMatch(/<a href="\/people\/\d+-karen-testesen">Karen Testesen<\/a>/);
    expect(personBody).toContain('Klimaplan');
  });

  it('has date and person fields that filter, and lists a person\'s items without words', async () => {
    const form = await (await get('/search')).text();
    expect(form).toContain('<label class="form-label" for="search-from">Fra dato</label>');
    expect(form).toContain('<input class="form-input input-width-s" id="search-from" name="from" type="date" value=""');
    expect(form).toContain('<label class="form-label" for="search-to">Til dato</label>');
    expect(form).toContain('<label class="form-label" for="search-person">Person</label>');
    const dated = await (await get('/search?q=klima&from=2025-01-01&to=2025-12-31')).text();
    expect(dated).toContain('Klimaopfølgning');
    expect(dated).not.toContain('Klimaplan</a>');
    expect(dated).toContain('value="2025-01-01"');
    expect(dated).toContain('fra 1. januar 2025 til 31. december 2025');
    const person = await (await get('/search?person=Karen%20Testesen')).text();
    expect(person).toContain('for alle punkter fra møder med Karen Testesen');
    expect(person).toContain(`href="/meetings/${meetingId}#punkt-1"`);
    expect(person).not.toContain('Klimaopfølgning');
    const unknown = await (await get('/search?q=klima&person=Ingen%20S%C3%A5dan')).text();
    expect(unknown).toContain('Ingen person i arkivet hedder »Ingen Sådan«.');
  });

  it('answers bad dates with 400 and a Danish message', async () => {
    for (const [path, message] of [
      ['/search?q=klima&from=2024-02-30', 'from (fra dato) skal være en dato skrevet ÅÅÅÅ-MM-DD'],
      ['/search?q=klima&to=1.3.2024', 'to (til dato) skal være en dato skrevet ÅÅÅÅ-MM-DD'],
      ['/search?q=klima&from=2024-03-02&to=2024-03-01', 'Fra-datoen skal ligge før eller på til-datoen.'],
    ]) {
      const res = await get(path!);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain(message!);
    }
    const api = await get('/api/search?q=klima&from=2024-13-01');
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: string }).error).toContain('from (fra dato)');
  });

  it('explains the operators in its tips', async () => {
    const body = await (await get('/search')).text();
    expect(body).toContain('<details class="details search-tips" open="">');
    expect(body).toContain('Søgetips');
    for (const operator of ['eller', 'ikke', 'klima*', '&quot;fælles servicecenter&quot;', 'SAG-2020-01697']) expect(body).toContain(operator);
    // After a search the tips stay on the page, folded.
    expect(await (await get('/search?q=klima')).text()).toContain('<details class="details search-tips">');
  });
});
