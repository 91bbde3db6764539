/**
 * Appointments (udpegninger) on people's and organisations' pages, in the JSON API and in OParl:
 * an appointment made in a closed item is seen by the item's readers only; a person only
 * appointed (never listed at a meeting) has a page; a meeting that loses its current document
 * takes its seats, appointments and announced meetings with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createOParlApp } from '../api/oparl/routes.js';
import type { Archive } from '../archive/types.js';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';
import { createApp } from '../web/app.js';
import { derivedRecords } from '../workspace/derived/data.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original, section } from './fixtures.js';
import { projectMeeting } from './projection.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
let archive: Archive;
let secretary: Viewer;
let member: Viewer;
let otherSecretary: Viewer;
const meetings: Record<string, number> = {};

/** An appointing item of minutes: its text appoints, its decision makes it decided. */
const appointing = (number: string, title: string, text: string, fields: Parameters<typeof item>[2] = {}) =>
  item(number, title, { ...fields, sections: [section('background', text), section('decision', 'Godkendt.')], decision: 'Godkendt.' });

const personId = async (name: string) =>
  (await queryRows<{ id: number }>(database.db, sql`select id from people where name = ${name}`))[0]?.id ?? null;

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  meetings.june = (
    await storeDocument(
      database.db,
      meetingDocument({
        date: '2020-06-17',
        participants: [{ name: 'Mødende Medlemsen', party: 'A', municipality: 'Norddal', role: null }],
        items: [
          appointing('1', 'Udpegning af repræsentant', 'Åben Udpegsen (B) udpeges som medlem af Testrådet.'),
          appointing('2', 'Udpegning til bestyrelse', 'Lukket Udpegsen udpeges som medlem af Testrådet. Mødende Medlemsen udpeges som suppleant til Testrådet.', { access: 'closed' }),
          appointing('3', 'Udpegning til bestyrelse', 'Skjult Udpegsen udpeges som medlem af Det Skjulte Råd.', { access: 'closed' }),
        ],
      }),
      original('juni'),
    )
  ).meetingId;
  // A confidential document (personsag): its appointments are the secretaries' only, not the members'.
  await storeDocument(
    database.db,
    meetingDocument({
      date: '2020-07-01',
      access: 'confidential',
      items: [appointing('1', 'Udpegning til bestyrelse', 'Fortrolig Udpegsen udpeges som medlem af Testrådet.')],
    }),
    original('juli'),
  );
  meetings.september = (
    await storeDocument(
      database.db,
      meetingDocument({
        date: '2020-09-01',
        participants: [
          { name: 'Mødende Medlemsen', party: 'A', municipality: 'Norddal', role: null },
          { name: 'Kun Septembersen', party: 'C', municipality: 'Norddal', role: null },
        ],
        items: [
          appointing('1', 'Udpegning af repræsentant', 'Senere Udpegsen udpeges som medlem af Testrådet.'),
          item('2', 'Mødekalender', {
            sections: [{ heading: 'Baggrund', type: 'background', blocks: [{ kind: 'paragraph', text: 'Mødekalender for KKR Midtjylland 2021:' }, { kind: 'list', items: [{ text: '1. februar', depth: 0 }] }] }],
          }),
        ],
      }),
      original('september'),
    )
  ).meetingId;
  const [kkr] = await queryRows<{ id: number }>(database.db, sql`select id from organizations where slug = 'kkr-midtjylland'`);
  secretary = accountViewer(1, 'secretary', kkr!.id);
  member = accountViewer(2, 'member', kkr!.id);
  const [other] = await queryRows<{ id: number }>(database.db, sql`select id from organizations where slug = 'testraadet'`);
  otherSecretary = accountViewer(3, 'secretary', other!.id);
});
afterAll(() => database?.close());

const seatsOf = async (viewer: Viewer, name: string) => {
  const id = await personId(name);
  const view = id === null ? null : await archive.getPerson(viewer, String(id));
  return view?.memberships.map((m) => `${m.organization.name} ${m.role}${m.sourceItem ? ` (punkt ${m.sourceItem.number})` : ''}`) ?? null;
};

describe('appointments in closed items and confidential documents', () => {
  it("are shown to the appointing organisation's secretaries and members, not to the public nor to another organisation's secretary", async () => {
    expect(await seatsOf(secretary, 'Lukket Udpegsen')).toEqual(['Testrådet member (punkt 2)']);
    expect(await seatsOf(member, 'Lukket Udpegsen')).toEqual(['Testrådet member (punkt 2)']);
    expect(await seatsOf(secretary, 'Fortrolig Udpegsen')).toEqual(['Testrådet member (punkt 1)']);
    expect(await seatsOf(member, 'Fortrolig Udpegsen')).toBeNull();
    // Only appointed in a closed item: no page at all for the public.
    expect(await seatsOf(ANONYMOUS, 'Lukket Udpegsen')).toBeNull();
    // A secretary of the organisation appointed to is not a reader of the item that appointed.
    expect(await seatsOf(otherSecretary, 'Lukket Udpegsen')).toBeNull();
    // Listed at public meetings: a page, without the closed appointment.
    expect(await seatsOf(ANONYMOUS, 'Mødende Medlemsen')).toEqual(['KKR Midtjylland member']);
    expect(await seatsOf(secretary, 'Mødende Medlemsen')).toEqual(['KKR Midtjylland member', 'Testrådet substitute (punkt 2)']);
    const names = async (viewer: Viewer) => (await archive.getBody(viewer, 'testraadet'))!.memberships.map((m) => m.person.name).sort();
    expect(await names(ANONYMOUS)).toEqual(['Senere Udpegsen', 'Åben Udpegsen']);
    expect(await names(member)).toEqual(['Lukket Udpegsen', 'Mødende Medlemsen', 'Senere Udpegsen', 'Åben Udpegsen']);
    expect(await names(secretary)).toEqual(['Fortrolig Udpegsen', 'Lukket Udpegsen', 'Mødende Medlemsen', 'Senere Udpegsen', 'Åben Udpegsen']);
  });

  it('keep out of the public person page, JSON API, OParl and sitemap; the secretary\'s person page shows them', async () => {
    const app = createApp(archive, { oparl: createOParlApp(database.db) });
    const medlemsen = (await personId('Mødende Medlemsen'))!;
    const lukket = (await personId('Lukket Udpegsen'))!;
    const page = await (await app.request(`/people/${medlemsen}`)).text();
    expect(page).toContain('KKR Midtjylland');
    expect(page).not.toContain('Testrådet');
    expect((await app.request(`/people/${lukket}`)).status).toBe(404);
    const json = (await (await app.request(`/api/people/${medlemsen}`)).json()) as { memberships: Array<{ organization: { name: string } }> };
    expect(json.memberships.map((m) => m.organization.name)).toEqual(['KKR Midtjylland']);
    expect((await app.request(`/api/people/${lukket}`)).status).toBe(404);
    const oparlPerson = (await (await app.request(`/oparl/v1.1/person/${medlemsen}`)).json()) as { membership: Array<{ id: string }> };
    const closedIds = await queryRows<{ id: number }>(
      database.db,
      sql`select ms.id from memberships ms join agenda_items i on i.id = ms.source_item_id where i.access <> 'public' order by ms.id`,
    );
    expect(closedIds.length).toBe(3);
    expect(oparlPerson.membership.map((m) => m.id).filter((id) => closedIds.some((c) => id.endsWith(`/membership/${c.id}`)))).toEqual([]);
    expect((await app.request(`/oparl/v1.1/person/${lukket}`)).status).toBe(404);
    for (const { id } of closedIds) expect((await app.request(`/oparl/v1.1/membership/${id}`)).status).toBe(404);
    const listed = await (await app.request('/oparl/v1.1/body/ukendt-myndighed/membership')).text();
    for (const { id } of closedIds) expect(listed).not.toContain(`/membership/${id}"`);
    expect((await archive.sitemap(ANONYMOUS)).people.map((p) => p.name)).not.toContain('Lukket Udpegsen');
    expect((await archive.sitemap(secretary)).people.map((p) => p.name)).toContain('Lukket Udpegsen');
    // The page as the secretariat reads it (the viewer the session would give).
    const asSecretary = createApp({ ...archive, getPerson: (_viewer, ref) => archive.getPerson(secretary, ref) });
    const secretaryPage = await (await asSecretary.request(`/people/${lukket}`)).text();
    expect(secretaryPage).toContain('Testrådet');
    expect(secretaryPage).toContain('Udledt af punkt 2');
  });

  it("are listed for correction to the item's secretary, not to an admin who reads as the public", async () => {
    const kkr = secretary.kind === 'account' ? secretary.roles[0]!.organizationId! : 0;
    const listed = async (viewer: Viewer) => (await derivedRecords(database.db, viewer, [kkr])).appointment.map((r) => r.description).sort();
    expect(await listed(secretary)).toEqual([
      'Fortrolig Udpegsen: medlem i Testrådet',
      'Lukket Udpegsen: medlem i Testrådet',
      'Mødende Medlemsen: stedfortræder i Testrådet',
      'Senere Udpegsen: medlem i Testrådet',
      'Åben Udpegsen: medlem i Testrådet',
    ]);
    expect(await listed(accountViewer(4, 'admin', null))).toEqual(['Senere Udpegsen: medlem i Testrådet', 'Åben Udpegsen: medlem i Testrådet']);
  });

  it('appoint to no organisation the archive does not know: the closed item does not name a public page', async () => {
    expect(await queryRows(database.db, sql`select id from organizations where name = 'Det Skjulte Råd'`)).toEqual([]);
    expect(await archive.getBody(secretary, 'det-skjulte-raad')).toBeNull();
  });
});

describe('a person only appointed', () => {
  it('has a page, a JSON entry and a sitemap line showing the seat and its item, with the party the item states', async () => {
    const id = (await personId('Åben Udpegsen'))!;
    const view = (await archive.getPerson(ANONYMOUS, String(id)))!;
    expect(view.attendance).toEqual([]);
    expect(view.person.party).toBe('B');
    expect(view.memberships.map((m) => [m.organization.name, m.role, m.sourceItem?.number])).toEqual([['Testrådet', 'member', '1']]);
    const app = createApp(archive);
    const page = await app.request(`/people/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Ikke anført ved noget møde i arkivet');
    expect(html).toContain('Testrådet');
    const json = await app.request(`/api/people/${id}`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { attendance: unknown[] }).attendance).toEqual([]);
    expect((await archive.sitemap(ANONYMOUS)).people.map((p) => p.id)).toContain(id);
  });
});

describe('a meeting whose current document is withdrawn', () => {
  it("recomputes the seats of the people it listed and marks its items' appointments and planned meetings deleted", async () => {
    const planned = () =>
      queryRows<{ date: string }>(
        database.db,
        sql`select m.date::text as date from meetings m join agenda_items i on i.id = m.announced_by_item_id
            where i.meeting_id = ${meetings.september!} and m.deleted_at is null`,
      );
    expect(await planned()).toEqual([{ date: '2021-02-01' }]);
    const seat = async (name: string) =>
      queryRows<{ start: string; end: string }>(
        database.db,
        sql`select ms.start_date::text as start, ms.end_date::text as "end" from memberships ms join people p on p.id = ms.person_id
            join organizations o on o.id = ms.organization_id
            where p.name = ${name} and o.slug = 'kkr-midtjylland' and ms.source = 'attendance' and ms.deleted_at is null`,
      );
    expect(await seat('Mødende Medlemsen')).toEqual([{ start: '2020-06-17', end: '2020-09-01' }]);
    expect(await seat('Kun Septembersen')).toEqual([{ start: '2020-09-01', end: '2020-09-01' }]);
    expect(await seatsOf(ANONYMOUS, 'Senere Udpegsen')).toEqual(['Testrådet member (punkt 1)']);

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update meeting_documents set current_version_id = null where meeting_id = ${meetings.september!}`);
      await projectMeeting(tx, meetings.september!);
    });

    expect(await seat('Mødende Medlemsen')).toEqual([{ start: '2020-06-17', end: '2020-06-17' }]);
    expect(await seat('Kun Septembersen')).toEqual([]);
    expect(await seatsOf(ANONYMOUS, 'Kun Septembersen')).toBeNull();
    expect(await seatsOf(ANONYMOUS, 'Senere Udpegsen')).toBeNull();
    const [appointment] = await queryRows<{ deleted: boolean }>(
      database.db,
      sql`select ms.deleted_at is not null as deleted from memberships ms join people p on p.id = ms.person_id where p.name = 'Senere Udpegsen'`,
    );
    expect(appointment).toEqual({ deleted: true });
    expect(await planned()).toEqual([]);
  });
});
