/** Seed 001's meeting calendars yield planned meetings of KKR Midtjylland and KD-Net, with the announcing item. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { queryRows } from './rows.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from './testing-files.js';
import { openTestDatabase } from './testing.js';

describe('planned meetings from calendars', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => /^00[01]/.test(n)));
  });
  afterAll(() => database?.close());

  const planned = () =>
    queryRows<{ org: string; date: string; number: string }>(
      database.db,
      sql`select o.name as org, m.date::text as date, i.number from meetings m join organizations o on o.id = m.organization_id
          join agenda_items i on i.id = m.announced_by_item_id
          where m.status = 'planned' and m.deleted_at is null and m.current_version_id is null order by o.name, m.date`,
    );

  it("makes every date of seed 001's calendars a planned meeting of the body it names (KKR → KKR Midtjylland)", async () => {
    const rows = await planned();
    const of = (org: string) => rows.filter((r) => r.org === org).map((r) => r.date);
    expect(of('KKR Midtjylland')).toEqual(['2020-09-09', '2020-11-13', '2021-02-01', '2021-04-23', '2021-06-08', '2021-08-30', '2021-10-11']);
    expect(of('KD-Net')).toEqual(['2020-10-23', '2021-01-22', '2021-04-09', '2021-05-21', '2021-08-20', '2021-09-24']);
    expect(rows.every((r) => r.number === '15')).toBe(true);
  });

  it('lets a stored document take its planned meeting over, and keeps planned ones on re-projection', async () => {
    const before = await planned();
    const ids = await queryRows<{ id: number }>(database.db, sql`select id from meetings where current_version_id is not null`);
    const { projectMeeting } = await import('./projection.js');
    for (const { id } of ids) await database.db.transaction((tx) => projectMeeting(tx, id));
    expect(await planned()).toEqual(before);
  });
});

describe('the planned meeting of 9 September 2020', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => /^00[01]/.test(n)));
  });
  afterAll(() => database?.close());

  it("has a page naming the calendar that announced it and seed 000's promises as its forward items", async () => {
    const { createDbArchive } = await import('./archive.js');
    const { createApp } = await import('../web/app.js');
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select m.id from meetings m join organizations o on o.id = m.organization_id where o.name = 'KKR Midtjylland' and m.date = '2020-09-09'`,
    );
    const res = await createApp(createDbArchive(database.db)).request(`/meetings/${row!.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Der er endnu ingen dagsorden for mødet i arkivet.');
    expect(html).toContain('Mødet er kendt fra mødekalenderen i');
    expect(html).toContain('Lovet til dette møde');
    // Seed 000's three, and those KD-Net's minutes (seed 001, item 14) list "til KKR-mødet den 9. september 2020".
    const fromKdNet = html.match(/punkt 14 på mødet den fredag den 28\. august 2020/g)?.length ?? 0;
    expect(fromKdNet).toBeGreaterThan(0);
    expect(html.match(/lovet, endnu ikke på en dagsorden/g)).toHaveLength(3 + fromKdNet);
  });
});
