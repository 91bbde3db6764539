import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Archive } from '../archive/types.js';
import type { SearchQuery } from '../archive/types.js';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original, section } from './fixtures.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
let archive: Archive;
const ids: Record<string, { meetingId: number; documentId: number }> = {};
const nextYear = new Date().getFullYear() + 1;

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  ids.minutes = await storeDocument(
    database.db,
    meetingDocument({
      toc: [
        { number: '1', title: 'Godkendelse af referat', page: 1, hasAttachments: false },
        { number: '4', title: 'Personalesag', page: 2, hasAttachments: false },
      ],
      items: [
        item('1', 'Godkendelse af referat', { caseNumber: 'SAG-2020-00001' }),
        item('2', 'Klimastrategi for KKR Midtjylland', {
          decision: 'KKR Midtjylland godkendte klimastrategien.',
          caseNumber: 'SAG-2020-01697',
        }),
        item('3', 'Status på sundhedsaftalen', { text: 'Sundhedsaftalen hænger sammen med klimastrategi og trivsel.' }),
        item('4', 'Personalesag', { access: 'closed', text: 'Fortroligt om klimastrategi og tavshedspligt.' }),
        item('4.1', 'Underpunkt til personalesag', { text: 'Også tavshedspligt.' }),
        item('5', 'Vindmøller', {
          sections: [
            {
              heading: 'Baggrund',
              type: 'background',
              blocks: [
                { kind: 'paragraph', text: 'Vindmøller på land. <script>alert("x")</script> & "citat"' },
                { kind: 'attachment', title: 'Hemmeligt bilag om naboer', marker: './.' },
                { kind: 'attachment', title: 'Offentligt kort', marker: './.' },
              ],
            },
          ],
          attachments: [
            { title: 'Hemmeligt bilag om naboer', access: 'closed', fileName: null },
            { title: 'Offentligt kort', access: 'public', fileName: null },
          ],
        }),
      ],
    }),
    original('minutes 2020'),
  );
  // The agenda of the same meeting: stored, but the minutes are what search shows by default.
  ids.agenda = await storeDocument(
    database.db,
    meetingDocument({ kind: 'agenda', items: [item('2', 'Klimastrategi for KKR Midtjylland')] }),
    original('agenda 2020'),
  );
  ids.kdnet = await storeDocument(
    database.db,
    meetingDocument({
      body: 'KD-Net',
      kind: 'agenda',
      date: '2021-08-30',
      items: [
        item('1', 'Digitalisering', { text: 'Cybersikkerhed og grøn omstilling i kommunerne.' }),
        item('2', 'Erhvervsfremme', { text: 'Omstilling til grøn energi i erhvervslivet.', caseNumber: 'SAG-2020-01697' }),
        item('3', 'Budget', {
          sections: [section('recommendation', 'Det indstilles at klimastrategi indgår i budgettet.')],
        }),
      ],
    }),
    original('kdnet 2021'),
  );
  ids.future = await storeDocument(
    database.db,
    meetingDocument({ kind: 'agenda', date: `${nextYear}-02-01`, items: [item('1', 'Klimastrategi opfølgning')] }),
    original('future'),
  );
});
afterAll(async () => {
  await database?.close();
});

const titles = async (q: string, extra: Partial<SearchQuery> = {}) =>
  (await archive.search(ANONYMOUS, { q, ...extra })).results.map((r) => r.title);

describe('archive pages', () => {
  it('lists bodies with meeting counts and a body with its meetings', async () => {
    expect(await archive.listBodies(ANONYMOUS)).toEqual([
      { slug: 'kd-net', name: 'KD-Net', authority: null, meetingCount: 1 },
      { slug: 'kkr-midtjylland', name: 'KKR Midtjylland', authority: null, meetingCount: 2 },
    ]);
    const body = await archive.getBody(ANONYMOUS, 'kkr-midtjylland');
    expect(body?.meetings.map((m) => m.date)).toEqual([`${nextYear}-02-01`, '2020-06-17']);
    expect(body?.meetings[1]).toMatchObject({ kinds: ['agenda', 'minutes'], itemCount: 4, startTime: '10:00' });
    expect(await archive.getBody(ANONYMOUS, 'findes-ikke')).toBeNull();
  });

  it('separates latest (held) from upcoming (future) meetings', async () => {
    expect((await archive.latestMeetings(ANONYMOUS, 10)).map((m) => m.date)).toEqual(['2021-08-30', '2020-06-17']);
    expect((await archive.upcomingMeetings(ANONYMOUS, 10)).map((m) => m.date)).toEqual([`${nextYear}-02-01`]);
    expect(await archive.latestMeetings(ANONYMOUS, 1)).toHaveLength(1);
  });

  it('returns a meeting without closed items, their sub-items, toc lines and closed bilag', async () => {
    const view = await archive.getMeeting(ANONYMOUS, ids.minutes!.meetingId);
    expect(view?.document.kind).toBe('minutes');
    expect(view?.document.items.map((i) => i.number)).toEqual(['1', '2', '3', '5']);
    expect(view?.document.toc.map((t) => t.number)).toEqual(['1']);
    const wind = view!.document.items.find((i) => i.number === '5')!;
    expect(wind.attachments.map((a) => a.title)).toEqual(['Offentligt kort']);
    expect(JSON.stringify(view)).not.toMatch(/Hemmeligt|Personalesag|tavshedspligt/);
    expect(await archive.getMeeting(ANONYMOUS, 999_999)).toBeNull();
  });

  it('returns an open item with the same case at other meetings, and no closed item', async () => {
    const view = await archive.getItem(ANONYMOUS, ids.minutes!.meetingId, '2');
    expect(view?.item.decision).toBe('KKR Midtjylland godkendte klimastrategien.');
    expect(view?.related).toEqual([
      { meeting: expect.objectContaining({ id: ids.kdnet!.meetingId }), number: '2', title: 'Erhvervsfremme' },
    ]);
    expect(await archive.getItem(ANONYMOUS, ids.minutes!.meetingId, '4')).toBeNull();
    expect(await archive.getItem(ANONYMOUS, ids.minutes!.meetingId, '4.1')).toBeNull();
    expect(await archive.getItem(ANONYMOUS, ids.minutes!.meetingId, '99')).toBeNull();
  });

  it('serves originals, except of files with closed content, and lists every document with its versions', async () => {
    const view = await archive.getMeeting(ANONYMOUS, ids.minutes!.meetingId);
    expect(view?.documents.map((d) => [d.kind, d.current.version, d.current.source, d.current.createdBy])).toEqual([
      ['minutes', 1, 'file', 'import'],
      ['agenda', 1, 'file', 'import'],
    ]);
    expect(view?.documents[0]?.current.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The minutes hold closed items: their file is not offered; the agenda's is.
    const [minutes, agendaDoc] = view!.documents;
    expect(minutes!.current.fileId).toBeNull();
    const agenda = await archive.getOriginal(ANONYMOUS, agendaDoc!.current.fileId!);
    expect(agenda).toMatchObject({ fileName: 'referat.txt', contentType: 'text/plain; charset=utf-8', access: 'public' });
    expect(new TextDecoder().decode(agenda!.bytes)).toBe('agenda 2020');
    const [row] = ((await database.db.execute(sql`select f.id from files f join blobs b on b.sha256 = f.sha256 where convert_from(b.bytes, 'UTF8') = 'minutes 2020'`)) as unknown as { rows: Array<{ id: number }> }).rows;
    expect(await archive.getOriginal(ANONYMOUS, row!.id)).toBeNull();
  });
});

describe('search', () => {
  it('stems Danish words: "klimastrategien" finds klimastrategi, never in closed items', async () => {
    const result = await archive.search(ANONYMOUS, { q: 'klimastrategien' });
    expect(result.results.map((r) => r.title)).toEqual([
      'Klimastrategi for KKR Midtjylland',
      'Klimastrategi opfølgning',
      'Budget',
      'Status på sundhedsaftalen',
    ]);
    expect(result.total).toBe(4);
    expect(await titles('tavshedspligt')).toEqual([]);
    expect(await titles('naboer')).toEqual([]);
    expect(await titles('personalesag')).toEqual([]);
  });

  it('ranks title above decision above summary above body text', async () => {
    const ranks = (await archive.search(ANONYMOUS, { q: 'klimastrategi' })).results.map((r) => r.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(ranks[0]).toBeGreaterThan(ranks[2]!);
    expect(ranks[2]).toBeGreaterThan(ranks[3]!);
  });

  it('supports quoted phrases, exclusion and or', async () => {
    expect(await titles('"grøn omstilling"')).toEqual(['Digitalisering']);
    expect(await titles('grøn omstilling')).toEqual(expect.arrayContaining(['Digitalisering', 'Erhvervsfremme']));
    expect(await titles('klimastrategi -sundhedsaftalen')).not.toContain('Status på sundhedsaftalen');
    expect(await titles('cybersikkerhed or sundhedsaftalen')).toEqual(
      expect.arrayContaining(['Digitalisering', 'Status på sundhedsaftalen']),
    );
  });

  it('filters by body, year, kind and section type', async () => {
    expect(await titles('klimastrategi', { body: 'kd-net' })).toEqual(['Budget']);
    expect(await titles('klimastrategi', { year: 2020 })).toEqual(['Klimastrategi for KKR Midtjylland', 'Status på sundhedsaftalen']);
    // A meeting is searched in its current document only: the 2020 meeting by its minutes, so
    // the kind filter finds agendas only of meetings that have no minutes (yet).
    expect(await titles('klimastrategi', { kind: 'agenda', year: 2020 })).toEqual([]);
    expect(await titles('klimastrategi', { kind: 'agenda' })).toEqual(['Klimastrategi opfølgning', 'Budget']);
    const agendaHit = (await archive.search(ANONYMOUS, { q: 'klimastrategi', kind: 'agenda', year: 2021 })).results[0];
    expect(agendaHit?.kind).toBe('agenda');
    expect(await titles('klimastrategi', { sectionType: 'decision' })).toEqual(['Klimastrategi for KKR Midtjylland']);
    expect(await titles('klimastrategi', { sectionType: 'recommendation' })).toEqual(['Budget']);
    expect(await titles('klimastrategi', { body: 'findes-ikke' })).toEqual([]);
  });

  it('sorts by newest and oldest', async () => {
    const dates = async (sort: 'newest' | 'oldest') =>
      (await archive.search(ANONYMOUS, { q: 'klimastrategi', sort })).results.map((r) => r.meetingDate);
    expect(await dates('newest')).toEqual([`${nextYear}-02-01`, '2021-08-30', '2020-06-17', '2020-06-17']);
    expect(await dates('oldest')).toEqual(['2020-06-17', '2020-06-17', '2021-08-30', `${nextYear}-02-01`]);
  });

  it('paginates with a stable total', async () => {
    const all = await titles('klimastrategi');
    const page2 = await archive.search(ANONYMOUS, { q: 'klimastrategi', limit: 1, page: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2, limit: 1 });
    expect(page2.results.map((r) => r.title)).toEqual([all[1]]);
    const beyond = await archive.search(ANONYMOUS, { q: 'klimastrategi', limit: 10, page: 3 });
    expect(beyond).toMatchObject({ total: 4, results: [] });
    expect((await archive.search(ANONYMOUS, { q: 'klimastrategi', limit: 1000 })).limit).toBe(100);
  });

  it('returns hits with meeting, body, URL and an HTML-safe highlighted snippet', async () => {
    const [hit] = (await archive.search(ANONYMOUS, { q: 'vindmøller' })).results;
    expect(hit).toMatchObject({
      title: 'Vindmøller',
      itemNumber: '5',
      meetingId: ids.minutes!.meetingId,
      meetingDate: '2020-06-17',
      body: 'KKR Midtjylland',
      kind: 'minutes',
      url: `/meetings/${ids.minutes!.meetingId}/items/5`,
    });
    expect(hit!.snippet).toContain('<mark>Vindmøller</mark>');
    // ts_headline drops tag-like tokens itself; what is left is escaped.
    expect(hit!.snippet).toContain('alert(&quot;x&quot;) &amp; &quot;citat&quot;');
    expect(hit!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(hit!.snippet).not.toContain('Hemmeligt');
  });

  it('treats hostile and odd queries as text: no error, no injection', async () => {
    const hostile = [
      '"',
      "'",
      '"""',
      '<script>alert(1)</script>',
      "'; drop table agenda_items; --",
      'klima & | ! :* ( ) <-> \\',
      '-',
      'or',
      '   ',
      'og',
      '\u0000\u0002\u0003',
      'x'.repeat(5000),
    ];
    for (const q of hostile) {
      const result = await archive.search(ANONYMOUS, { q });
      expect(result.results.every((r) => !/<(?!\/?mark>)/.test(r.snippet))).toBe(true);
    }
    expect(await titles('"klimastrategi')).toContain('Klimastrategi for KKR Midtjylland');
    expect((await archive.search(ANONYMOUS, { q: 'vindmøller' })).total).toBe(1);
  });
});

describe('viewers', () => {
  const account = async (role: 'member' | 'secretary', slug = 'kkr-midtjylland'): Promise<Viewer> => {
    const [org] = ((await database.db.execute(sql`select id from organizations where slug = ${slug}`)) as unknown as { rows: Array<{ id: number }> }).rows;
    return accountViewer(1, role, org!.id);
  };

  it("shows the organisation's members its closed items in pages and search; others see the public", async () => {
    const member = await account('member');
    const view = await archive.getMeeting(member, ids.minutes!.meetingId);
    expect(view?.document.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '4.1', '5']);
    expect(view?.document.items.find((i) => i.number === '5')!.attachments.map((a) => a.title)).toEqual(['Hemmeligt bilag om naboer', 'Offentligt kort']);
    expect((await archive.getItem(member, ids.minutes!.meetingId, '4'))?.item.title).toBe('Personalesag');
    expect((await archive.search(member, { q: 'tavshedspligt' })).results.map((r) => r.title).sort()).toEqual(['Personalesag', 'Underpunkt til personalesag']);
    expect(view?.documents[0]?.current.fileId).not.toBeNull();
    // A member of another organisation reads as the public.
    const other = await account('member', 'kd-net');
    expect((await archive.getMeeting(other, ids.minutes!.meetingId))?.document.items.map((i) => i.number)).toEqual(['1', '2', '3', '5']);
    expect((await archive.search(other, { q: 'tavshedspligt' })).results).toEqual([]);
  });

  it('keeps confidential items (personsager) to the secretaries', async () => {
    const stored = await storeDocument(
      database.db,
      meetingDocument({ date: '2019-05-05', items: [item('1', 'Åbent'), item('2', 'Ansættelse af direktør', { access: 'confidential', text: 'Ansøgerfeltet vurderes.' })] }),
      original('confidential 2019'),
    );
    const numbers = async (v: Viewer) => (await archive.getMeeting(v, stored.meetingId))!.document.items.map((i) => i.number);
    expect(await numbers(ANONYMOUS)).toEqual(['1']);
    expect(await numbers(await account('member'))).toEqual(['1']);
    expect(await numbers(await account('secretary'))).toEqual(['1', '2']);
    expect((await archive.search(await account('member'), { q: 'ansøgerfeltet' })).results).toEqual([]);
    expect((await archive.search(await account('secretary'), { q: 'ansøgerfeltet' })).results.map((r) => r.title)).toEqual(['Ansættelse af direktør']);
    expect(await archive.getOriginal(await account('member'), stored.fileId!)).toBeNull();
    expect(await archive.getOriginal(await account('secretary'), stored.fileId!)).not.toBeNull();
  });
});
