/**
 * Finding things, on the database (PGlite, or PostgreSQL with DATABASE_URL): the five samples
 * imported with the real importer, plus made-up meetings of a made-up body (invented names) for
 * other case-number formats, people, compounds and the date and person filters.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive, SearchQuery } from '../archive/types.js';
import { ANONYMOUS } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original, section } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { storeSamples } from './testing-files.js';
import { openTestDatabase } from './testing.js';

const CASE = 'SAG-2020-01697';

let database: Database;
let archive: Archive;
const meetings: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  await storeSamples(database.db);
  const march = await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      date: '2024-03-01',
      participants: [
        { name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' },
        { name: 'Ole Prøve', party: 'B', municipality: 'Odder', role: null },
      ],
      absent: [{ name: 'Bent Fravær', party: 'V', municipality: 'Skive', role: null, substitute: null }],
      items: [
        item('1', 'Klima', { caseNumber: '00.01.00-A00-1-20', text: 'Om klima i almindelighed.' }),
        item('2', 'Klimaplan for Testudvalget', { caseNumber: '20/12345', text: 'Planen følger op på klima eller miljø.' }),
        item('3', 'Orientering fra formanden', { text: 'Karen Testesen orienterede om vandløb.' }),
        item('4', 'Hemmelig vandløbssag', { caseNumber: 'SAG-2099-77777', access: 'closed', text: 'Fortroligt om vandløb.' }),
      ],
    }),
    original('finding march'),
  );
  meetings.march = march.meetingId;
  const september = await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      date: '2024-09-01',
      participants: [{ name: 'Ole Prøve', party: 'B', municipality: 'Odder', role: 'formand' }],
      absent: [{ name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: null, substitute: null }],
      items: [
        item('1', 'Vandløb og klima', { caseNumber: '20/12345', sections: [section('background', 'Miljø og klima hænger sammen.')] }),
        item('2', 'Miljøtilsyn', { text: 'Tilsyn med miljø.' }),
      ],
    }),
    original('finding september'),
  );
  meetings.september = september.meetingId;
});
afterAll(async () => {
  await database?.close();
});

const search = (q: string, extra: Partial<SearchQuery> = {}) => archive.search(ANONYMOUS, { q, limit: 100, ...extra });
const titles = async (q: string, extra: Partial<SearchQuery> = {}) => (await search(q, extra)).results.map((r) => r.title);
/** The case's items as the case page lists them: "meeting/number". */
const caseItems = async (caseNumber: string) => (await archive.getCase(ANONYMOUS, caseNumber))!.items.map((i) => `${i.meeting.id}/${i.number}`);
const hitKeys = (hits: Array<{ meetingId: number; itemNumber: string }>) => hits.map((h) => `${h.meetingId}/${h.itemNumber}`);

describe('case numbers', () => {
  it('finds the items of a case however the number is typed, ranked first', async () => {
    const expected = (await caseItems(CASE)).sort();
    expect(expected.length).toBeGreaterThan(5);
    for (const q of [CASE, 'sag-2020-01697', 'SAG 2020 01697', 'sag202001697', 'Sag.2020.01697']) {
      const result = await search(q);
      expect(result.cases, q).toEqual([CASE]);
      expect(hitKeys(result.results).slice(0, expected.length).sort(), q).toEqual(expected);
    }
  });

  it('finds other formats the importer knows, with or without their punctuation', async () => {
    expect(await titles('00.01.00-A00-1-20')).toEqual(['Klima']);
    expect(await titles('00.01.00.a00.1.20')).toEqual(['Klima']);
    expect(await titles('00 01 00 A00 1 20')).toEqual(['Klima']);
    for (const q of ['20/12345', '20-12345', '20 12345', '2012345']) {
      expect((await titles(q)).sort(), q).toEqual(['Klimaplan for Testudvalget', 'Vandløb og klima']);
      expect((await search(q)).cases, q).toEqual(['20/12345']);
    }
  });

  it('narrows a case by the other words of the query', async () => {
    expect(await titles('20/12345 vandløb')).toEqual(['Vandløb og klima']);
    // The other words still find text matches outside the case.
    expect(await titles('SAG-2020-01697 vandløb')).not.toContain('Klimaplan for Testudvalget');
  });

  it('never reveals or searches a case known only from closed items', async () => {
    const result = await search('SAG-2099-77777');
    expect(result.cases).toBeUndefined();
    expect(result.results).toEqual([]);
    expect(await archive.resolveCaseNumber!(ANONYMOUS, 'sag-2099-77777')).toBeNull();
  });

  it('resolves a typed case number to the stored one', async () => {
    expect(await archive.resolveCaseNumber!(ANONYMOUS, 'sag 2020 01697')).toBe(CASE);
    expect(await archive.resolveCaseNumber!(ANONYMOUS, '20-12345')).toBe('20/12345');
    expect(await archive.resolveCaseNumber!(ANONYMOUS, 'SAG-2020')).toBeNull();
  });

  it('sees papers added after its first look', async () => {
    expect((await search('SAG-2031-00042')).cases).toBeUndefined();
    await storeDocument(
      database.db,
      meetingDocument({ body: 'Testudvalget', date: '2031-01-05', items: [item('1', 'Fremtidig sag', { caseNumber: 'SAG-2031-00042' })] }),
      original('finding 2031'),
    );
    expect(await titles('sag 2031 00042')).toEqual(['Fremtidig sag']);
  });
});

describe('people', () => {
  it('finds the person a name names, and the items that name them', async () => {
    for (const q of ['Karen Testesen', 'testesen', 'karen  testesen']) {
      const result = await search(q);
      expect(result.people?.map((p) => [p.name, p.slug]), q).toEqual([['Karen Testesen', 'karen-testesen']]);
      expect(result.results.map((r) => r.title), q).toContain('Orientering fra formanden');
    }
    expect((await search('proeve')).people?.map((p) => p.name)).toEqual(['Ole Prøve']);
    expect((await search('klima')).people).toBeUndefined();
    expect((await search('karen or klima')).people).toBeUndefined();
  });
});

describe('prefixes and compounds', () => {
  it('takes word* as a prefix', async () => {
    const koordinator = await titles('klimakoordinator');
    expect(koordinator.length).toBeGreaterThan(0);
    expect(await titles('klimakoord*')).toEqual(expect.arrayContaining(koordinator));
    expect(await titles('klimakoord')).toEqual(expect.arrayContaining(koordinator));
  });

  it('finds compounds from their first part, ranked below exact matches', async () => {
    const all = await titles('klima');
    // Compounds: klimastrategi, klimakoordinator … in the samples.
    expect(all).toEqual(expect.arrayContaining(await titles('klimastrategi')));
    expect(all).toEqual(expect.arrayContaining(await titles('klimakoordinator')));
    // Same meeting, same field: the title "Klima" before the title "Klimaplan …".
    const mine = all.filter((t) => t === 'Klima' || t === 'Klimaplan for Testudvalget');
    expect(mine).toEqual(['Klima', 'Klimaplan for Testudvalget']);
    const ranks = (await search('klima', { body: 'testudvalget' })).results.map((r) => [r.title, r.rank] as const);
    const rank = (t: string) => ranks.find(([title]) => title === t)![1];
    expect(rank('Klima')).toBeGreaterThan(rank('Klimaplan for Testudvalget'));
    // An exclusion excludes the word, not its compounds.
    expect(await titles('klima -klimaplan', { body: 'testudvalget' })).not.toContain('Klimaplan for Testudvalget');
    expect(await titles('vandløb -klima', { body: 'testudvalget' })).toEqual(['Orientering fra formanden']);
  });
});

describe('Danish operators', () => {
  it('reads eller as or and ikke as -', async () => {
    const or = (await titles('klimakoordinator or sundhedsaftalen')).sort();
    expect(or.length).toBeGreaterThan(1);
    expect((await titles('klimakoordinator eller sundhedsaftalen')).sort()).toEqual(or);
    expect((await titles('klimakoordinator ELLER sundhedsaftalen')).sort()).toEqual(or);
    const not = await titles('klimastrategi -sundhedsaftalen');
    expect(not).not.toContain('Status på sundhedsaftalen');
    expect(await titles('klimastrategi ikke sundhedsaftalen')).toEqual(not);
    expect((await titles('klimastrategi')).length).toBeGreaterThan(not.length);
  });

  it('keeps eller a word inside quotes, and phrases working', async () => {
    // As an operator "klima eller miljø" finds items with either word; as a phrase only the one.
    expect((await titles('klima eller miljø', { body: 'testudvalget' })).sort()).toEqual(
      ['Klima', 'Klimaplan for Testudvalget', 'Miljøtilsyn', 'Vandløb og klima'].sort(),
    );
    expect(await titles('"klima eller miljø"', { body: 'testudvalget' })).toEqual(['Klimaplan for Testudvalget']);
    expect(await titles('"miljø og klima"', { body: 'testudvalget' })).toEqual(['Vandløb og klima']);
  });

  it('finds nothing for exclusions or operators alone, and never errors', async () => {
    for (const q of ['-klima', 'ikke klima', 'eller', 'ikke', 'og -klima', '*', 'klima*:*', '" eller "', '(((', 'a\\\'b', '-"-"']) {
      const result = await search(q);
      expect(Array.isArray(result.results), q).toBe(true);
    }
    expect((await search('-klima')).results).toEqual([]);
    expect((await search('og -klima')).results).toEqual([]);
  });
});

describe('filters', () => {
  it('filters by a date range', async () => {
    expect(await titles('klima', { from: '2024-01-01' })).toEqual(expect.arrayContaining(['Klima', 'Vandløb og klima']));
    expect(await titles('klima', { from: '2024-01-01', to: '2024-06-30' })).not.toContain('Vandløb og klima');
    expect(await titles('klima', { from: '2024-03-01', to: '2024-03-01' })).toEqual(['Klima', 'Klimaplan for Testudvalget']);
    const dates = (await search('klima', { to: '2020-12-31' })).results.map((r) => r.meetingDate);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d !== null && d <= '2020-12-31')).toBe(true);
  });

  it('filters by a person: items of the meetings they attended, not those they sent afbud to', async () => {
    const [karen] = await queryRows<{ id: number; slug: string }>(database.db, sql`select id, slug from people where slug = 'karen-testesen'`);
    for (const person of [`${karen!.id}-${karen!.slug}`, String(karen!.id), 'karen-testesen', 'Karen Testesen']) {
      const result = await search('klima', { person });
      expect(result.results.map((r) => r.meetingId), person).toEqual([meetings.march, meetings.march]);
      expect(result.personFilter?.map((p) => p.name)).toEqual(['Karen Testesen']);
    }
    expect((await search('klima', { person: 'Ole Prøve' })).results.map((r) => r.meetingId).sort()).toEqual(
      [meetings.march, meetings.march, meetings.september].sort(),
    );
    // Without words: the person's meetings' items, newest first.
    expect((await search('', { person: 'karen-testesen' })).results.map((r) => r.title)).toEqual([
      'Klima', 'Klimaplan for Testudvalget', 'Orientering fra formanden',
    ]);
    const nobody = await search('klima', { person: 'Ingen Sådan' });
    expect(nobody).toMatchObject({ total: 0, results: [], personFilter: [] });
  });
});
