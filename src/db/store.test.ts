import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { agendaItems, attachments, bodies, cases, documents, meetings, participations, people, sections } from './schema.js';
import { sha256Hex, slugify, storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.execute(
    sql`truncate bodies, meetings, documents, agenda_items, sections, attachments, cases, people, participations restart identity cascade`,
  );
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table
const count = async (table: any) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('slugify', () => {
  it('makes URL names of Danish body names', () => {
    expect(slugify('KKR Midtjylland')).toBe('kkr-midtjylland');
    expect(slugify('KD-Net')).toBe('kd-net');
    expect(slugify('Kommunekontaktråd Sjælland')).toBe('kommunekontaktraad-sjaelland');
  });
});

describe('storeDocument', () => {
  it('round-trips a document: body, meeting, items, sections, bilag, cases, people', async () => {
    const doc = meetingDocument({
      participants: [
        { name: 'Anders Kühnau', party: 'A', municipality: 'Region', role: 'formand' },
        { name: 'H.C. Østerby', party: null, municipality: 'Holstebro', role: null },
      ],
      absent: [{ name: 'Lars Krarup', party: null, municipality: 'Herning', role: null, substitute: 'Søren Olesen' }],
      others: [
        { name: 'Christian Budde', title: 'Chefkonsulent', organisation: null, group: 'Fra KL-sekretariatet', minuteTaker: true },
      ],
      items: [
        item('1', 'Godkendelse af referat', { caseNumber: 'SAG-2020-01697', caseOfficers: ['jhp'] }),
        item('2', 'Klimastrategi', {
          caseNumber: 'SAG-2020-01697',
          decision: 'Godkendt.',
          attachments: [{ title: 'Bilag 1', access: 'public', fileName: null }],
        }),
      ],
    });
    const result = await storeDocument(database.db, doc, original('doc one'));
    expect(result.status).toBe('imported');

    const [body] = await database.db.select().from(bodies);
    expect(body).toMatchObject({ slug: 'kkr-midtjylland', name: 'KKR Midtjylland' });
    const [meeting] = await database.db.select().from(meetings);
    expect(meeting).toMatchObject({ id: result.meetingId, bodyId: body!.id, date: '2020-06-17', startTime: '10:00', status: 'held' });
    const [stored] = await database.db.select().from(documents);
    expect(stored!.sha256).toBe(sha256Hex(new TextEncoder().encode('doc one')));
    expect(new TextDecoder().decode(stored!.original)).toBe('doc one');
    expect(stored!.model.items.map((i) => i.title)).toEqual(['Godkendelse af referat', 'Klimastrategi']);
    expect(stored!.model.source?.sha256).toBe(stored!.sha256);

    const items = await database.db.select().from(agendaItems).orderBy(agendaItems.position);
    expect(items.map((i) => [i.number, i.title, i.decision, i.kind, i.current])).toEqual([
      ['1', 'Godkendelse af referat', null, 'minutes', true],
      ['2', 'Klimastrategi', 'Godkendt.', 'minutes', true],
    ]);
    expect(items[0]!.caseId).toBe(items[1]!.caseId);
    expect(await count(cases)).toBe(1);
    expect(await count(sections)).toBe(3);
    expect(await count(attachments)).toBe(1);

    const parts = await database.db
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

  it('keeps one identity per person across documents, spelling variants included', async () => {
    const p = (name: string) => ({ name, party: null, municipality: null, role: null });
    await storeDocument(database.db, meetingDocument({ participants: [p('H.C. Østerby')] }), original('a'));
    await storeDocument(database.db, meetingDocument({ date: '2020-09-01', participants: [p('H. C. Østerby')] }), original('b'));
    expect(await count(people)).toBe(1);
    expect(await count(participations)).toBe(2);
  });

  it('updates the meeting when the same file is imported again, without a second copy', async () => {
    const first = await storeDocument(database.db, meetingDocument(), original('same bytes'));
    const again = meetingDocument({ items: [item('1', 'Ny titel'), item('2', 'Andet punkt')] });
    const second = await storeDocument(database.db, again, original('same bytes'));
    expect(second).toMatchObject({ status: 'updated', meetingId: first.meetingId });
    expect(await count(documents)).toBe(1);
    expect(await count(meetings)).toBe(1);
    const titles = await database.db.select({ t: agendaItems.title }).from(agendaItems).orderBy(agendaItems.position);
    expect(titles.map((r) => r.t)).toEqual(['Ny titel', 'Andet punkt']);
  });

  it('moves a re-imported file to its corrected meeting and drops the emptied one', async () => {
    await storeDocument(database.db, meetingDocument({ date: null }), original('undated'));
    const moved = await storeDocument(database.db, meetingDocument({ date: '2021-02-03' }), original('undated'));
    expect(moved.status).toBe('updated');
    const rows = await database.db.select({ id: meetings.id, date: meetings.date }).from(meetings);
    expect(rows).toEqual([{ id: moved.meetingId, date: '2021-02-03' }]);
  });

  it('replaces the document of the same body, date and kind; keeps the other kind', async () => {
    const agenda = await storeDocument(database.db, meetingDocument({ kind: 'agenda' }), original('agenda'));
    const minutes = await storeDocument(database.db, meetingDocument({ kind: 'minutes' }), original('minutes v1'));
    expect(minutes).toMatchObject({ status: 'imported', meetingId: agenda.meetingId });
    const replaced = await storeDocument(database.db, meetingDocument({ kind: 'minutes' }), original('minutes v2'));
    expect(replaced).toMatchObject({ status: 'updated', meetingId: agenda.meetingId });
    const docs = await database.db.select({ kind: documents.kind, file: documents.sha256 }).from(documents).orderBy(documents.kind);
    expect(docs.map((d) => d.kind)).toEqual(['agenda', 'minutes']);
    // Minutes are the meeting's current document: only their items are in the default search scope.
    const current = await database.db
      .select({ kind: agendaItems.kind, current: agendaItems.current })
      .from(agendaItems)
      .orderBy(agendaItems.kind);
    expect(current).toEqual([
      { kind: 'agenda', current: false },
      { kind: 'minutes', current: true },
    ]);
  });

  it('marks a future meeting with only an agenda as planned', async () => {
    const future = `${new Date().getFullYear() + 1}-03-01`;
    await storeDocument(database.db, meetingDocument({ kind: 'agenda', date: future }), original('future'));
    const [meeting] = await database.db.select({ status: meetings.status }).from(meetings);
    expect(meeting!.status).toBe('planned');
  });

  it('keeps closed text out of the searchable columns', async () => {
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
    await storeDocument(database.db, doc, original('closed'));
    const rows = await database.db.select().from(agendaItems).orderBy(agendaItems.position);
    expect(rows[0]).toMatchObject({ access: 'closed', decision: null, bodyText: '', summaryText: '' });
    expect(rows[1]!.bodyText).toBe('Offentlig tekst.');
    const [doc1] = await database.db.select({ closed: documents.hasClosedContent }).from(documents);
    expect(doc1!.closed).toBe(true);
  });

  it('rolls back everything when a write fails half-way', async () => {
    await storeDocument(database.db, meetingDocument(), original('existing'));
    const tables = [bodies, meetings, documents, agendaItems, sections, attachments, people, cases, participations];
    const before = await Promise.all(tables.map(count));
    // Participations are written last: make that insert fail, after everything else was written.
    await database.db.execute(sql`create function referat_test_fail() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end $$`);
    await database.db.execute(sql`create trigger referat_test_fail before insert on participations
      for each statement execute function referat_test_fail()`);
    try {
      const doc = meetingDocument({
        body: 'KD-Net',
        date: '2022-01-01',
        participants: [{ name: 'Ny Person', party: null, municipality: null, role: null }],
        items: [item('1', 'Punkt', { caseNumber: 'SAG-1', attachments: [{ title: 'B', access: 'public', fileName: null }] })],
      });
      await expect(storeDocument(database.db, doc, original('fails'))).rejects.toThrow(/insert into "participations"/);
    } finally {
      await database.db.execute(sql`drop trigger referat_test_fail on participations`);
      await database.db.execute(sql`drop function referat_test_fail()`);
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('stores text with NUL characters, which PostgreSQL cannot hold, without them', async () => {
    const doc = meetingDocument({ items: [item('1', 'Nul\u0000tegn', { text: 'a\u0000b' })] });
    await storeDocument(database.db, doc, original('nul'));
    const [row] = await database.db.select({ title: agendaItems.title, text: agendaItems.bodyText }).from(agendaItems);
    expect(row).toEqual({ title: 'Nultegn', text: 'ab' });
  });

  it('rejects an invalid document before writing anything', async () => {
    const bad = { ...meetingDocument(), date: '17-06-2020' };
    await expect(storeDocument(database.db, bad, original('invalid'))).rejects.toThrow();
    expect(await count(bodies)).toBe(0);
  });
});
