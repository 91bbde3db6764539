import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ANONYMOUS } from '../model/index.js';
import { createDbArchive } from './archive.js';
import { item, meetingDocument, original } from './fixtures.js';
import {
  agendaItems, attachments, authorities, blobs, documentVersions, files, meetingDocuments, meetings, memberships, organizations, papers,
  participations, people, personNames, sections,
} from './schema.js';
import { sha256Hex, storeDocument } from './store.js';
import { useTestDatabase } from './testing-hooks.js';

const testDb = useTestDatabase();
beforeEach(async () => {
  await testDb.db.execute(
    sql`truncate authorities, organizations, locations, legislative_terms, meetings, meeting_documents, document_versions, blobs, files,
        papers, agenda_items, sections, attachments, people, person_names, memberships, participations restart identity cascade`,
  );
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table
const count = async (table: any) => (await testDb.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const p = (name: string, role: string | null = null, municipality: string | null = null) => ({ name, party: null, municipality, role });

describe('storeDocument', () => {
  it('round-trips a document: organisation, meeting, version, file, items, sections, bilag, cases, people', async () => {
    const doc = meetingDocument({
      participants: [
        { name: 'Anders Kühnau', party: 'A', municipality: 'Region', role: 'formand' },
        { name: 'H.C. Østerby', party: null, municipality: 'Holstebro', role: null },
      ],
      absent: [{ name: 'Lars Krarup', party: null, municipality: 'Herning', role: null, substitute: 'Søren Olesen' }],
      others: [{ name: 'Christian Budde', title: 'Chefkonsulent', organisation: null, group: 'Fra KL-sekretariatet', minuteTaker: true }],
      items: [
        item('1', 'Godkendelse af referat', { caseNumber: 'SAG-2020-01697', caseOfficers: ['jhp'] }),
        item('2', 'Klimastrategi', { caseNumber: 'SAG-2020-01697', decision: 'Godkendt.', attachments: [{ title: 'Bilag 1', access: 'public', fileName: null }] }),
      ],
    });
    const result = await storeDocument(testDb.db, doc, original('doc one'), { createdBy: 'test' });
    expect(result).toMatchObject({ status: 'imported', version: 1, change: null });

    const [org] = await testDb.db.select().from(organizations);
    expect(org).toMatchObject({ slug: 'kkr-midtjylland', name: 'KKR Midtjylland', kind: 'board' });
    const [meeting] = await testDb.db.select().from(meetings);
    expect(meeting).toMatchObject({ id: result.meetingId, organizationId: org!.id, date: '2020-06-17', startTime: '10:00', status: 'minutes_published' });
    const [version] = await testDb.db.select().from(documentVersions);
    expect(version).toMatchObject({ id: result.versionId, version: 1, createdBy: 'test', source: 'file', format: 'text' });
    expect(meeting!.currentVersionId).toBe(version!.id);
    expect(version!.model.items.map((i) => i.title)).toEqual(['Godkendelse af referat', 'Klimastrategi']);
    const [file] = await testDb.db.select().from(files);
    const [blob] = await testDb.db.select().from(blobs);
    expect(file).toMatchObject({ id: version!.fileId, name: 'referat.txt', mediaType: 'text/plain; charset=utf-8', size: 7, access: 'public' });
    expect(blob!.sha256).toBe(sha256Hex(new TextEncoder().encode('doc one')));
    expect(new TextDecoder().decode(blob!.bytes)).toBe('doc one');

    const items = await testDb.db.select().from(agendaItems).orderBy(agendaItems.position);
    expect(items.map((i) => [i.number, i.title, i.decision, i.kind, i.access, i.deletedAt])).toEqual([
      ['1', 'Godkendelse af referat', null, 'minutes', 'public', null],
      ['2', 'Klimastrategi', 'Godkendt.', 'minutes', 'public', null],
    ]);
    expect(items[0]!.paperId).toBe(items[1]!.paperId);
    const [paper] = await testDb.db.select().from(papers);
    expect(paper).toMatchObject({ reference: 'SAG-2020-01697', caseNumbers: ['SAG-2020-01697'], title: 'Klimastrategi' });
    expect(await count(sections)).toBe(3);
    expect(await count(attachments)).toBe(1);

    const parts = await testDb.db
      .select({ name: people.name, status: participations.status, minuteTaker: participations.minuteTaker })
      .from(participations)
      .innerJoin(people, eq(people.id, participations.personId))
      .orderBy(participations.id);
    expect(parts).toEqual([
      { name: 'Anders Kühnau', status: 'present', minuteTaker: false },
      { name: 'H.C. Østerby', status: 'present', minuteTaker: false },
      { name: 'Lars Krarup', status: 'afbud', minuteTaker: false },
      { name: 'Søren Olesen', status: 'substitute', minuteTaker: false },
      { name: 'Christian Budde', status: 'guest', minuteTaker: true },
    ]);
  });

  it('keeps one identity per person across documents, each spelling kept as a name variant', async () => {
    await storeDocument(testDb.db, meetingDocument({ participants: [p('H.C. Østerby')] }), original('a'));
    await storeDocument(testDb.db, meetingDocument({ date: '2020-09-01', participants: [p('H. C. Østerby'), p('H.C Østerby')] }), original('b'));
    expect(await count(people)).toBe(1);
    expect(await count(participations)).toBe(2);
    const names = await testDb.db.select({ name: personNames.name }).from(personNames).orderBy(personNames.name);
    expect(names.map((n) => n.name)).toEqual(['H.C. Østerby']);
  });

  it('does nothing when the same file is imported again and reads the same; a different reading is a new version', async () => {
    const first = await storeDocument(testDb.db, meetingDocument(), original('same bytes'));
    const again = await storeDocument(testDb.db, meetingDocument(), original('same bytes'));
    expect(again).toMatchObject({ status: 'unchanged', versionId: first.versionId, version: 1 });
    expect(await count(documentVersions)).toBe(1);
    const reread = await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Godkendelse af referat'), item('2', 'Andet punkt')] }), original('same bytes'));
    expect(reread).toMatchObject({ status: 'updated', meetingId: first.meetingId, version: 2, change: '1 items added, words 9 → 16' });
    // The bytes are stored once, whatever the number of versions that name them.
    expect(await count(blobs)).toBe(1);
    const titles = await testDb.db.select({ t: agendaItems.title }).from(agendaItems).orderBy(agendaItems.position);
    expect(titles.map((r) => r.t)).toEqual(['Godkendelse af referat', 'Andet punkt']);
  });

  it('agenda, minutes, corrected minutes: one meeting, one agenda version, two minutes versions, stable ids', async () => {
    const participants = [p('Anders Kühnau', 'formand', 'Region'), p('Hans Østergaard', null, 'Skive')];
    const items = (decision: string | null) => [
      item('1', 'Godkendelse af referat', { decision: decision && 'Godkendt.' }),
      item('2', 'DK2020', { caseNumber: 'SAG-2020-01697', decision }),
    ];
    const agenda = await storeDocument(testDb.db, meetingDocument({ kind: 'agenda', participants, items: items(null) }), original('agenda'));
    const ids = async () => ({
      items: (await testDb.db.select({ id: agendaItems.id }).from(agendaItems).orderBy(agendaItems.position)).map((r) => r.id),
      people: (await testDb.db.select({ id: people.id }).from(people).orderBy(people.id)).map((r) => r.id),
      organizations: (await testDb.db.select({ id: organizations.id }).from(organizations)).map((r) => r.id),
      papers: (await testDb.db.select({ id: papers.id }).from(papers)).map((r) => r.id),
    });
    const before = await ids();
    const minutes = await storeDocument(testDb.db, meetingDocument({ participants, items: items('Orienteringen taget til efterretning.') }), original('minutes'));
    const corrected = await storeDocument(testDb.db, meetingDocument({ participants, items: items('Godkendt med en tilføjelse om økonomi.') }), original('minutes rettet'));
    expect([agenda.meetingId, minutes.meetingId, corrected.meetingId]).toEqual([agenda.meetingId, agenda.meetingId, agenda.meetingId]);
    expect([minutes.status, minutes.version, corrected.status, corrected.version]).toEqual(['imported', 1, 'updated', 2]);
    expect(corrected.change).toBe('1 items changed, words 19 → 21');
    expect(await count(meetings)).toBe(1);
    const versions = await testDb.db
      .select({ kind: meetingDocuments.kind, version: documentVersions.version })
      .from(documentVersions)
      .innerJoin(meetingDocuments, eq(meetingDocuments.id, documentVersions.documentId))
      .orderBy(meetingDocuments.kind, documentVersions.version);
    expect(versions).toEqual([
      { kind: 'agenda', version: 1 },
      { kind: 'minutes', version: 1 },
      { kind: 'minutes', version: 2 },
    ]);
    expect(await ids()).toEqual(before);

    const archive = createDbArchive(testDb.db);
    const first = await archive.getVersion(ANONYMOUS, agenda.meetingId, 'minutes', 1);
    expect(first!.document.items[1]!.decision).toBe('Orienteringen taget til efterretning.');
    expect(first!.version.current).toBe(false);
    const page = await archive.getMeeting(ANONYMOUS, agenda.meetingId);
    expect(page!.document.items[1]!.decision).toBe('Godkendt med en tilføjelse om økonomi.');
    expect(page!.documents.map((d) => [d.kind, d.current.version, d.versions.map((v) => v.version)])).toEqual([
      ['minutes', 2, [2, 1]],
      ['agenda', 1, [1]],
    ]);
    const compared = await archive.compareVersion(ANONYMOUS, agenda.meetingId, 'minutes', 1);
    expect(compared!.items).toEqual([
      { key: '2 DK2020', status: 'changed', removed: ['Orienteringen taget til efterretning.'], added: ['Godkendt med en tilføjelse om økonomi.'] },
    ]);
  });

  it('stores a worse rendering as a version without making it current, and says what it lacks', async () => {
    const full = meetingDocument({ items: [item('1', 'Et', { decision: 'Godkendt.' }), item('2', 'To', { decision: 'Godkendt.' })] });
    const first = await storeDocument(testDb.db, full, original('good pdf'));
    const worse = await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et', { decision: 'Godkendt.' })] }), original('bad scan'));
    expect(worse).toMatchObject({ status: 'kept', version: 2, change: '1 items removed, decisions 2 → 1, words 12 → 6' });
    const [meeting] = await testDb.db.select({ current: meetings.currentVersionId }).from(meetings);
    expect(meeting!.current).toBe(first.versionId);
    expect(await count(agendaItems)).toBe(2);
  });

  it('keeps an item the new version drops as deleted, and gives it its id back when it returns', async () => {
    await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et'), item('2', 'To'), item('3', 'Tre')] }), original('v1'));
    const [two] = await testDb.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.title, 'To'));
    // Dropping an item reads as a worse rendering; the importer's --force makes it current all the same.
    const dropped = await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et'), item('2', 'Tre')] }), original('v2'), { force: true });
    expect(dropped.status).toBe('updated');
    const rows = await testDb.db.select({ id: agendaItems.id, number: agendaItems.number, title: agendaItems.title, deleted: agendaItems.deletedAt }).from(agendaItems).orderBy(agendaItems.id);
    expect(rows.map((r) => [r.title, r.number, r.deleted !== null])).toEqual([
      ['Et', '1', false],
      ['To', '2', true],
      ['Tre', '2', false],
    ]);
    await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et'), item('2', 'To'), item('3', 'Tre')] }), original('v3'));
    const back = await testDb.db.select({ id: agendaItems.id, deleted: agendaItems.deletedAt }).from(agendaItems).where(eq(agendaItems.title, 'To'));
    expect(back).toEqual([{ id: two!.id, deleted: null }]);
  });

  it('marks an undated meeting deleted when its file is re-imported with a date', async () => {
    const undated = await storeDocument(testDb.db, meetingDocument({ date: null }), original('undated'));
    const moved = await storeDocument(testDb.db, meetingDocument({ date: '2021-02-03' }), original('undated'));
    expect(moved.meetingId).not.toBe(undated.meetingId);
    const rows = await testDb.db.select({ id: meetings.id, date: meetings.date, deleted: meetings.deletedAt }).from(meetings).orderBy(meetings.id);
    expect(rows.map((r) => [r.id, r.date, r.deleted !== null])).toEqual([
      [undated.meetingId, null, true],
      [moved.meetingId, '2021-02-03', false],
    ]);
  });

  it("keeps two councils' Byrådet apart, and one KKR however often it is named", async () => {
    await storeDocument(testDb.db, meetingDocument({ body: 'Byrådet', authority: 'Aarhus Kommune' }), original('aarhus'));
    await storeDocument(testDb.db, meetingDocument({ body: 'Byrådet', authority: 'Skive Kommune' }), original('skive'));
    await storeDocument(testDb.db, meetingDocument({ authority: 'KL' }), original('kkr 1'));
    await storeDocument(testDb.db, meetingDocument({ date: '2021-01-01' }), original('kkr 2'));
    const orgs = await testDb.db
      .select({ slug: organizations.slug, name: organizations.name, authority: authorities.name, kind: authorities.kind })
      .from(organizations)
      .leftJoin(authorities, eq(authorities.id, organizations.authorityId))
      .orderBy(organizations.slug);
    expect(orgs).toEqual([
      { slug: 'byraadet-aarhus-kommune', name: 'Byrådet', authority: 'Aarhus Kommune', kind: 'municipality' },
      { slug: 'byraadet-skive-kommune', name: 'Byrådet', authority: 'Skive Kommune', kind: 'municipality' },
      { slug: 'kkr-midtjylland', name: 'KKR Midtjylland', authority: 'KL', kind: 'association' },
    ]);
  });

  it('derives memberships per person, role and electoral period from the participant lists', async () => {
    const absent = [{ name: 'Lars Krarup', party: 'V', municipality: 'Herning', role: null, substitute: 'Søren Olesen' }];
    await storeDocument(testDb.db, meetingDocument({ date: '2021-06-01', participants: [p('Anders Kühnau', 'formand', 'Region')], absent }), original('2021'));
    await storeDocument(testDb.db, meetingDocument({ date: '2022-03-01', participants: [p('Anders Kühnau', 'Formand', 'Region'), p('Lars Krarup', null, 'Herning')] }), original('2022'));
    const rows = await testDb.db
      .select({ name: people.name, role: memberships.role, start: memberships.startDate, end: memberships.endDate, onBehalfOf: memberships.onBehalfOf, party: memberships.party, derived: memberships.derived })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .orderBy(memberships.startDate, people.name);
    expect(rows).toEqual([
      { name: 'Anders Kühnau', role: 'chair', start: '2021-06-01', end: '2021-06-01', onBehalfOf: 'Region', party: null, derived: true },
      { name: 'Lars Krarup', role: 'member', start: '2021-06-01', end: '2021-06-01', onBehalfOf: 'Herning', party: 'V', derived: true },
      { name: 'Søren Olesen', role: 'substitute', start: '2021-06-01', end: '2021-06-01', onBehalfOf: null, party: null, derived: true },
      { name: 'Anders Kühnau', role: 'chair', start: '2022-03-01', end: '2022-03-01', onBehalfOf: 'Region', party: null, derived: true },
      { name: 'Lars Krarup', role: 'member', start: '2022-03-01', end: '2022-03-01', onBehalfOf: 'Herning', party: null, derived: true },
    ]);
  });

  it('marks a future meeting with only an agenda as agenda published', async () => {
    const future = `${new Date().getFullYear() + 1}-03-01`;
    await storeDocument(testDb.db, meetingDocument({ kind: 'agenda', date: future }), original('future'));
    const [meeting] = await testDb.db.select({ status: meetings.status }).from(meetings);
    expect(meeting!.status).toBe('agenda_published');
  });

  it('keeps a closed bilag out of an open item’s searchable text, and records the file as closed', async () => {
    const doc = meetingDocument({
      items: [
        item('1', 'Lukket punkt', { access: 'closed', text: 'hemmelig personsag', decision: 'Hemmelig beslutning' }),
        item('2', 'Åbent punkt', {
          sections: [
            {
              heading: 'Baggrund',
              type: 'background',
              blocks: [
                { kind: 'paragraph', text: 'Offentlig tekst.' },
                { kind: 'attachment', title: 'Fortroligt notat', marker: './.' },
              ],
            },
          ],
          attachments: [{ title: 'Fortroligt notat', access: 'closed', fileName: null }],
        }),
      ],
    });
    await storeDocument(testDb.db, doc, original('closed'));
    const rows = await testDb.db.select().from(agendaItems).orderBy(agendaItems.position);
    expect(rows[0]).toMatchObject({ access: 'closed' });
    expect(rows[1]).toMatchObject({ access: 'public', bodyText: 'Offentlig tekst.' });
    const [file] = await testDb.db.select({ access: files.access }).from(files);
    expect(file!.access).toBe('closed');
  });

  it('records a file as restricted when the file itself says so, whatever the importer understood', async () => {
    await storeDocument(testDb.db, meetingDocument(), { ...original('has a skipped closed item'), access: 'confidential' });
    const [file] = await testDb.db.select({ access: files.access }).from(files);
    expect(file!.access).toBe('confidential');
  });

  it('rolls back everything when a write fails half-way', async () => {
    await storeDocument(testDb.db, meetingDocument(), original('existing'));
    const tables = [organizations, meetings, meetingDocuments, documentVersions, files, blobs, agendaItems, sections, attachments, people, personNames, papers, participations];
    const before = await Promise.all(tables.map(count));
    // Participations are written after items, sections, bilag, cases and people: make that insert fail.
    await testDb.db.execute(sql`create function referat_test_fail() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end $$`);
    await testDb.db.execute(sql`create trigger referat_test_fail before insert on participations
      for each statement execute function referat_test_fail()`);
    try {
      const doc = meetingDocument({
        body: 'KD-Net',
        date: '2022-01-01',
        participants: [p('Ny Person')],
        items: [item('1', 'Punkt', { caseNumber: 'SAG-1', attachments: [{ title: 'B', access: 'public', fileName: null }] })],
      });
      await expect(storeDocument(testDb.db, doc, original('fails'))).rejects.toThrow(/insert into "participations"/);
    } finally {
      await testDb.db.execute(sql`drop trigger referat_test_fail on participations`);
      await testDb.db.execute(sql`drop function referat_test_fail()`);
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('stores text with NUL characters, which PostgreSQL cannot hold, without them', async () => {
    const doc = meetingDocument({ items: [item('1', 'Nul\u0000tegn', { text: 'a\u0000b' })] });
    await storeDocument(testDb.db, doc, original('nul'));
    const [row] = await testDb.db.select({ title: agendaItems.title, text: agendaItems.bodyText }).from(agendaItems);
    expect(row).toEqual({ title: 'Nultegn', text: 'ab' });
  });

  it('rejects an invalid document before writing anything', async () => {
    const bad = { ...meetingDocument(), date: '17-06-2020' };
    await expect(storeDocument(testDb.db, bad, original('invalid'))).rejects.toThrow();
    expect(await count(organizations)).toBe(0);
  });
});

describe('modified timestamps', () => {
  it('change for an item only when a new version changes what readers see of it', async () => {
    await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et'), item('2', 'To')] }), original('first'));
    const stamps = async () =>
      Object.fromEntries((await testDb.db.select({ title: agendaItems.title, at: agendaItems.modifiedAt }).from(agendaItems)).map((r) => [r.title, r.at]));
    const before = await stamps();
    await new Promise((done) => setTimeout(done, 20));
    await storeDocument(testDb.db, meetingDocument({ items: [item('1', 'Et'), item('2', 'To', { decision: 'Godkendt.' })] }), original('second'));
    const after = await stamps();
    expect(after.Et).toBe(before.Et);
    expect(after.To).not.toBe(before.To);
  });
});

describe('comparing versions', () => {
  it('shows a changed header and participant list before the items', async () => {
    const first = await storeDocument(testDb.db, meetingDocument({ title: 'Referat', participants: [p('Anders Kühnau')] }), original('header 1'));
    await storeDocument(testDb.db, meetingDocument({ title: 'Referat (rettet)', participants: [p('Anders Kühnau'), p('Lars Krarup')] }), original('header 2'));
    const compared = await createDbArchive(testDb.db).compareVersion(ANONYMOUS, first.meetingId, 'minutes', 1);
    expect(compared!.items).toEqual([{ key: 'Forside og deltagere', status: 'changed', removed: ['Referat'], added: ['Referat (rettet)', 'Lars Krarup'] }]);
  });
});

describe('meeting status', () => {
  it('reads an agenda stored before its day as held once the day has passed', async () => {
    const stored = await storeDocument(testDb.db, meetingDocument({ kind: 'agenda', date: '2020-06-01' }), original('agenda before'));
    // As if stored in May 2020: the projection wrote "agenda published".
    await testDb.db.execute(sql`update meetings set status = 'agenda_published' where id = ${stored.meetingId}`);
    const view = await createDbArchive(testDb.db).getMeeting(ANONYMOUS, stored.meetingId);
    expect(view!.meeting.status).toBe('held');
  });
});
