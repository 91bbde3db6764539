/**
 * Following cases and people across meetings, on the database (PGlite, or PostgreSQL with
 * DATABASE_URL): the five samples imported with the real importer, plus made-up meetings of a
 * made-up body for closed items, party changes, substitutes and superseded agendas.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../model/index.js';
import type { Archive } from '../archive/types.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { projectPending } from './projection.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { storeSamples } from './testing-files.js';
import { openTestDatabase } from './testing.js';

const CASE = 'SAG-2020-01697';

let database: Database;
let archive: Archive;
const ids: Record<string, { meetingId: number; documentId: number }> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  await storeSamples(database.db);
  ids.march = await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      date: '2024-03-01',
      participants: [
        { name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' },
        { name: 'Ole Prøve', party: 'B', municipality: 'Odder', role: null },
      ],
      absent: [{ name: 'Bent Fravær', party: 'V', municipality: 'Skive', role: null, substitute: 'Sofie Stedfortræder' }],
      others: [{ name: 'Ida Sekretær', title: 'Konsulent', organisation: 'KL', group: 'Fra KL', minuteTaker: true }],
      items: [
        item('1', 'Klima igen', { caseNumber: CASE, decision: 'Testudvalget tog orienteringen til efterretning.' }),
        item('2', 'Fortrolig personsag', { caseNumber: CASE, access: 'closed' }),
        item('3', 'Hemmelig sag', { caseNumber: 'SAG-2099-99999', access: 'closed' }),
        item('3.1', 'Under den hemmelige sag', { caseNumber: 'SAG-2099-88888' }),
      ],
    }),
    original('test march'),
  );
  ids.september = await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      date: '2024-09-01',
      participants: [
        { name: 'Karen  Testesen', party: 'F', municipality: 'Aarhus', role: 'formand' },
        { name: 'Sofie Stedfortræder', party: 'C', municipality: 'Skive', role: null },
      ],
      absent: [{ name: 'Ole Prøve', party: 'B', municipality: 'Odder', role: null, substitute: null }],
      items: [item('1', 'Budget')],
    }),
    original('test september minutes'),
  );
  // The agenda of the same meeting names someone the minutes do not: the minutes are what counts.
  await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      kind: 'agenda',
      date: '2024-09-01',
      participants: [{ name: 'Agnes Dagsorden', party: 'Ø', municipality: 'Aarhus', role: null }],
      items: [item('1', 'Budget')],
    }),
    original('test september agenda'),
  );
});
afterAll(async () => {
  await database?.close();
});

const personId = async (slug: string) => (await archive.getPerson(ANONYMOUS, slug))!.person.id;

describe('getCase', () => {
  it('lists the public items with the case number at every meeting and body, newest first', async () => {
    const view = await archive.getCase(ANONYMOUS, CASE);
    expect(view?.caseNumber).toBe(CASE);
    const rows = view!.items.map((i) => [i.meeting.date, i.meeting.body?.name, i.number, i.kind]);
    expect(rows[0]).toEqual(['2024-03-01', 'Testudvalget', '1', 'minutes']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '4.1', '4.2', '4.3', '6.1']);
    expect(rows.slice(1).every((r) => r[0] === '2020-06-17' && r[1] === 'KKR Midtjylland')).toBe(true);
    expect(view!.items[0]).toMatchObject({ title: 'Klima igen', decision: 'Testudvalget tog orienteringen til efterretning.' });
    expect(view!.items[1]!.decision).toMatch(/^KKR Midtjylland tiltrådte indstillingen\. Der var generel opbakning/);
  });

  it('puts undated meetings last and marks agenda items as such', async () => {
    const items = (await archive.getCase(ANONYMOUS, 'SAG-2019-04948'))!.items;
    expect(items.map((i) => [i.meeting.date, i.kind, i.decision])).toEqual(items.map(() => [null, 'agenda', null]));
    expect(items.map((i) => i.number)).toEqual(['1.1', '3.1', '3.2', '3.3', '3.4', '3.5', '5.1', '7.1']);
  });

  it('never shows a closed item, nor items under one; a case with only closed items does not exist', async () => {
    const view = await archive.getCase(ANONYMOUS, CASE);
    expect(JSON.stringify(view)).not.toContain('Fortrolig personsag');
    expect(await archive.getCase(ANONYMOUS, 'SAG-2099-99999')).toBeNull();
    expect(await archive.getCase(ANONYMOUS, 'SAG-2099-88888')).toBeNull();
  });

  it('matches the case number exactly, as a parameter', async () => {
    for (const n of ['sag-2020-01697', 'SAG-2020', '%', "SAG-2020-01697' or '1'='1", '']) {
      expect(await archive.getCase(ANONYMOUS, n), n).toBeNull();
    }
  });
});

describe('listPeople', () => {
  it('groups people by body in Danish order, with the latest party and municipality by meeting date', async () => {
    const groups = await archive.listPeople(ANONYMOUS, {});
    expect(groups.map((g) => g.body?.name)).toEqual(['KD-Net', 'KKR Midtjylland', 'Testudvalget']);
    const kkr = groups[1]!.people;
    expect(kkr.find((p) => p.slug === 'h-c-oesterby')).toMatchObject({
      name: 'H.C. Østerby', party: 'A', municipality: 'Holstebro', meetingCount: 2, lastDate: '2023-06-21',
    });
    expect(groups[2]!.people.map((p) => [p.name, p.party, p.meetingCount])).toEqual([
      ['Bent Fravær', 'V', 1],
      ['Ida Sekretær', null, 1],
      ['Karen Testesen', 'F', 2],
      ['Ole Prøve', 'B', 2],
      ['Sofie Stedfortræder', 'C', 2],
    ]);
  });

  it('filters by name however it is punctuated or spelled without æøå, and by body', async () => {
    const names = async (q: string, body?: string) =>
      (await archive.listPeople(ANONYMOUS, { q, body })).flatMap((g) => g.people.map((p) => `${g.body?.slug}:${p.name}`));
    expect(await names('hc østerby')).toEqual(['kkr-midtjylland:H.C. Østerby']);
    expect(await names('H. C. ØSTERBY')).toEqual(['kkr-midtjylland:H.C. Østerby']);
    expect(await names('oesterby')).toEqual(['kkr-midtjylland:H.C. Østerby']);
    expect(await names('kaas')).toEqual(['kkr-midtjylland:Jesper Kaas Schmidt']);
    expect(await names('', 'kd-net')).toHaveLength(6);
    expect(await names('per', 'kd-net')).toEqual(['kd-net:Per Mathiasen']);
    expect(await names('Peter Hegelund', 'kd-net')).toEqual(['kd-net:Jens Peter Hegelund Jensen']);
    for (const q of ['%', '_', "' or 1=1 --", 'findes ikke']) expect(await names(q), q).toEqual([]);
    expect(await names('', 'findes-ikke')).toEqual([]);
  });

  it('leaves out people named only in a superseded agenda', async () => {
    expect(JSON.stringify(await archive.listPeople(ANONYMOUS, {}))).not.toContain('Agnes Dagsorden');
    expect(await archive.getPerson(ANONYMOUS, 'agnes-dagsorden')).toBeNull();
  });
});

describe('getPerson', () => {
  it('finds a person by slug, id and id-slug; the slug wins over a stale id', async () => {
    const karen = await personId('karen-testesen');
    const ole = await personId('ole-proeve');
    expect((await archive.getPerson(ANONYMOUS, String(karen)))!.person.name).toBe('Karen Testesen');
    expect((await archive.getPerson(ANONYMOUS, `${karen}-karen-testesen`))!.person.id).toBe(karen);
    expect((await archive.getPerson(ANONYMOUS, `${ole}-karen-testesen`))!.person.id).toBe(karen);
    expect((await archive.getPerson(ANONYMOUS, `${karen}-findes-ikke`))!.person.id).toBe(karen);
    for (const ref of ['findes-ikke', '999999', '99999999999', 'Karen-Testesen', '-1', '', 'karen testesen', '12-']) {
      expect(await archive.getPerson(ANONYMOUS, ref), ref).toBeNull();
    }
  });

  it('gives party and municipality per meeting, newest first, and the latest on the person', async () => {
    const view = (await archive.getPerson(ANONYMOUS, 'karen-testesen'))!;
    expect(view.person).toMatchObject({ name: 'Karen Testesen', party: 'F', municipality: 'Aarhus' });
    expect(view.attendance.map((a) => [a.meeting.date, a.status, a.party, a.municipality, a.role])).toEqual([
      ['2024-09-01', 'present', 'F', 'Aarhus', 'formand'],
      ['2024-03-01', 'present', 'A', 'Aarhus', 'formand'],
    ]);
    const oesterby = (await archive.getPerson(ANONYMOUS, 'h-c-oesterby'))!;
    expect(oesterby.attendance.map((a) => [a.meeting.date, a.party, a.municipality])).toEqual([
      ['2023-06-21', 'A', 'Holstebro'],
      ['2020-06-17', null, 'Holstebro'],
    ]);
  });

  it('tells afbud with who came instead, substitutes with whom they replaced, and others present', async () => {
    const bent = (await archive.getPerson(ANONYMOUS, 'bent-fravaer'))!;
    expect(bent.attendance[0]).toMatchObject({ status: 'afbud', party: 'V', counterpart: { name: 'Sofie Stedfortræder', slug: 'sofie-stedfortraeder' } });
    const sofie = (await archive.getPerson(ANONYMOUS, 'sofie-stedfortraeder'))!;
    expect(sofie.attendance.map((a) => [a.meeting.date, a.status, a.counterpart?.name ?? null])).toEqual([
      ['2024-09-01', 'present', null],
      ['2024-03-01', 'substitute', 'Bent Fravær'],
    ]);
    const ole = (await archive.getPerson(ANONYMOUS, 'ole-proeve'))!;
    expect(ole.attendance.map((a) => [a.status, a.counterpart])).toEqual([['afbud', null], ['present', null]]);
    const ida = (await archive.getPerson(ANONYMOUS, 'ida-sekretaer'))!;
    expect(ida.attendance[0]).toMatchObject({ status: 'guest', role: 'Konsulent', organisation: 'KL', minuteTaker: true });
    const kdnet = (await archive.getPerson(ANONYMOUS, 'thomas-lindberg'))!;
    expect(kdnet.attendance[0]).toMatchObject({ status: 'substitute', counterpart: { name: 'Per Mathiasen' } });
  });
});

describe('meeting pages name people', () => {
  it('maps every participant name as written to its person', async () => {
    const view = (await archive.getMeeting(ANONYMOUS, ids.march!.meetingId))!;
    expect(view.people.map((p) => [p.name, p.person.slug])).toEqual([
      ['Karen Testesen', 'karen-testesen'],
      ['Ole Prøve', 'ole-proeve'],
      ['Bent Fravær', 'bent-fravaer'],
      ['Sofie Stedfortræder', 'sofie-stedfortraeder'],
      ['Ida Sekretær', 'ida-sekretaer'],
    ]);
    // The same person written with two spaces is still Karen Testesen.
    const september = (await archive.getMeeting(ANONYMOUS, ids.september!.meetingId))!;
    expect(september.people[0]).toEqual({ name: 'Karen  Testesen', person: expect.objectContaining({ slug: 'karen-testesen' }) });
  });
});

describe('the seeds as a process', () => {
  it('names KKR Midtjylland and KD-Net as KL\'s, and their people as members with seats per electoral period', async () => {
    const bodies = await archive.listBodies(ANONYMOUS);
    expect(bodies.filter((b) => ['kkr-midtjylland', 'kd-net'].includes(b.slug)).map((b) => [b.slug, b.authority])).toEqual([
      ['kd-net', 'KL'],
      ['kkr-midtjylland', 'KL'],
    ]);
    // KD-Net's minutes list only afbud and substitutes (the rest is "Kommunaldirektørerne i …").
    for (const [slug, least] of [['kkr-midtjylland', 20], ['kd-net', 4]] as const) {
      const body = (await archive.getBody(ANONYMOUS, slug))!;
      expect(body.memberships.length, slug).toBeGreaterThanOrEqual(least);
      expect(body.memberships.every((m) => m.organization.slug === slug && m.derived && m.term?.startsWith('Valgperioden')), slug).toBe(true);
    }
    // Every member listed present or absent at a KKR meeting holds a KKR seat in that period.
    const kkr = (await archive.getBody(ANONYMOUS, 'kkr-midtjylland'))!;
    const seated = new Set(kkr.memberships.map((m) => m.person.id));
    for (const meeting of kkr.meetings.filter((m) => m.kinds.length > 0)) {
      const view = (await archive.getMeeting(ANONYMOUS, meeting.id))!;
      const members = [...view.document.participants, ...view.document.absent].map((p) => p.name);
      for (const name of members) {
        const person = view.people.find((p) => p.name === name)?.person;
        expect(person && seated.has(person.id), `${name} at meeting ${meeting.id}`).toBe(true);
      }
    }
    const someone = kkr.memberships.find((m) => m.role === 'chair') ?? kkr.memberships[0]!;
    const person = (await archive.getPerson(ANONYMOUS, String(someone.person.id)))!;
    expect(person.memberships.some((m) => m.organization.slug === 'kkr-midtjylland')).toBe(true);
    expect(person.person.nameVariants).toContain(person.person.name);
  });
});

describe('the projection', () => {
  it('rebuilds items, sections, bilag, attendance and memberships exactly from the current versions', async () => {
    const snapshot = async () => ({
      items: await queryRows(database.db, sql`select id, meeting_id, number, title, access, decision, summary_text, body_text, deleted_at is null as live from agenda_items order by id`),
      sections: await queryRows(database.db, sql`select i.id, s.position, s.type, s.plain_text from sections s join agenda_items i on i.id = s.item_id order by i.id, s.position`),
      participations: await queryRows(database.db, sql`select meeting_id, version_id, person_id, status, party, municipality, role from participations order by meeting_id, person_id, status`),
      memberships: await queryRows(database.db, sql`select id, person_id, organization_id, role, start_date::text, end_date::text, deleted_at is null as live from memberships order by id`),
      meetings: await queryRows(database.db, sql`select id, status, current_version_id, location_id, start_time from meetings order by id`),
    });
    const before = await snapshot();
    expect(before.participations.length).toBeGreaterThan(70);
    await database.db.execute(sql`update meetings set projection = 0`);
    expect(await projectPending(database.db)).toBe(before.meetings.length);
    expect(await snapshot()).toEqual(before);
  });
});
