/** Appointments and seats from the seeds become memberships and seats with the item they came from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { ANONYMOUS } from '../model/index.js';
import { queryRows } from './rows.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from './testing-files.js';
import { openTestDatabase } from './testing.js';
import { createApp } from '../web/app.js';

describe('appointments and seats in the archive', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames());
  });
  afterAll(() => database?.close());

  const appointments = () =>
    queryRows<{ org: string; role: string; number: string; date: string }>(
      database.db,
      sql`select o.name as org, ms.role, i.number, i.meeting_date::text as date from memberships ms
          join organizations o on o.id = ms.organization_id join agenda_items i on i.id = ms.source_item_id
          where ms.source = 'appointment' and ms.deleted_at is null order by i.meeting_date, i.number, ms.id`,
    );

  it("records seed 000's items 4.1–4.3 and seed 001's appointments as memberships naming their items", async () => {
    expect((await appointments()).map((a) => [a.date, a.number, a.org, a.role])).toEqual([
      ['2020-06-17', '4.1', 'KKR Midtjylland', 'substitute'],
      ['2020-06-17', '4.2', 'KKR Midtjylland', 'substitute'],
      ['2020-06-17', '4.3', 'CDEU', 'member'],
      ['2020-06-17', '4.3', 'CDEU', 'member'],
      ['2020-08-28', '13', 'Fælles Service Center', 'member'],
      ['2020-08-28', '13', 'Fælles Service Center', 'member'],
    ]);
  });

  it('keeps them as they are when the meetings are projected again', async () => {
    const before = await queryRows(database.db, sql`select id from memberships where source = 'appointment' and deleted_at is null order by id`);
    const ids = await queryRows<{ id: number }>(database.db, sql`select id from meetings`);
    const { projectMeeting } = await import('./projection.js');
    for (const { id } of ids) await database.db.transaction((tx) => projectMeeting(tx, id));
    expect(await queryRows(database.db, sql`select id from memberships where source = 'appointment' and deleted_at is null order by id`)).toEqual(before);
  });

  it("shows the seats of seed 002's table on KKR Midtjylland's page and on the seat's own page; the board appears only as a page", async () => {
    const archive = createDbArchive(database.db);
    const kkr = (await archive.getBody(ANONYMOUS, 'kkr-midtjylland'))!;
    expect(kkr.seats!.fills.length).toBeGreaterThan(10);
    expect(kkr.seats!.fills.every((s) => s.period === '2018-2022' && s.sourceItem.number === '5.2')).toBe(true);
    const app = createApp(archive);
    const page = await (await app.request('/bodies/praksisplanudvalget')).text();
    expect(page).toContain('Pladser i Praksisplanudvalget');
    expect(page).toContain('5 medlemmer');
    const cdeu = await (await app.request('/bodies/cdeu')).text();
    expect(cdeu).toContain('Udledt af punkt 4.3 (17. juni 2020)');
    expect(cdeu).toContain('ikke gennemgået af sekretariatet');
    expect((await archive.listBodies(ANONYMOUS)).map((b) => b.slug)).not.toContain('cdeu');
  });
});
