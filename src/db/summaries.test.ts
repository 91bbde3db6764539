/**
 * meeting_counts (migration 0017) against counting the meetings themselves, through stores, access
 * changes, deletions and folding; and the NOTIFY every change of the public tables sends.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';
import { createDbArchive } from './archive.js';
import { watchArchiveChanges } from './changes.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { compactMeetingCounts, countMeetings, meetingYears, type CountFilter } from './summaries.js';
import { openTestDatabase } from './testing.js';
import { visibleMeetings } from './visibility.js';

let database: Database;
let kkr: number;
let member: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const store = (fields: Parameters<typeof meetingDocument>[0], key: string) =>
    storeDocument(database.db, meetingDocument({ items: [item('1', 'Punkt')], ...fields }), original(key));
  await store({ date: '2020-06-17' }, 'a');
  await store({ date: '2020-08-05' }, 'b');
  await store({ date: '2019-11-13' }, 'c');
  await store({ date: '2020-09-01', access: 'closed' }, 'd');
  await store({ date: null, title: 'Udateret' }, 'e');
  await store({ body: 'KD-Net', date: '2021-02-01' }, 'f');
  await store({ body: 'KD-Net', date: '2021-03-01', access: 'confidential' }, 'g');
  const [org] = await queryRows<{ id: number }>(database.db, sql`select id from organizations where slug = 'kkr-midtjylland'`);
  kkr = org!.id;
  member = accountViewer(1, 'member', kkr);
});

afterAll(async () => {
  await database?.close();
});

/** The same counts, the slow way. */
async function counted(viewer: Viewer, filter: CountFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from meetings m left join organizations o on o.id = m.organization_id
        where ${visibleMeetings(viewer, 'm')}
          ${filter.listed ? sql`and m.current_version_id is not null` : sql``}
          ${filter.organizationSlug ? sql`and o.slug = ${filter.organizationSlug}` : sql``}
          ${filter.year !== undefined ? sql`and extract(year from m.date) = ${filter.year}` : sql``}`,
  );
  return row!.n;
}

const FILTERS: CountFilter[] = [{}, { listed: true }, { organizationSlug: 'kkr-midtjylland' }, { organizationSlug: 'kd-net', listed: true }, { year: 2020 }, { organizationSlug: 'nowhere' }];

async function expectCountsAgree(): Promise<void> {
  for (const viewer of [ANONYMOUS, member, accountViewer(2, 'secretary', kkr)]) {
    for (const filter of FILTERS) {
      expect(await countMeetings(database.db, viewer, filter), JSON.stringify({ viewer, filter })).toBe(await counted(viewer, filter));
    }
  }
  const archive = createDbArchive(database.db);
  for (const viewer of [ANONYMOUS, member]) {
    for (const body of await archive.listBodies(viewer)) {
      expect(body.meetingCount).toBe(await counted(viewer, { organizationSlug: body.slug }));
    }
  }
}

describe('meeting_counts', () => {
  it('counts what counting the meetings counts, per viewer, organisation, year and listing', async () => {
    expect(await countMeetings(database.db, ANONYMOUS, { organizationSlug: 'kkr-midtjylland' })).toBe(4);
    expect(await countMeetings(database.db, member, { organizationSlug: 'kkr-midtjylland' })).toBe(5);
    expect(await meetingYears(database.db, ANONYMOUS, { listed: true })).toEqual([2021, 2020, 2019]);
    expect(await meetingYears(database.db, ANONYMOUS, { organizationSlug: 'kd-net' })).toEqual([2021]);
    await expectCountsAgree();
  });

  it('follows access changes, a meeting without a current version, deletion and undeletion', async () => {
    await database.db.execute(sql`update meetings set access = 'closed' where date = '2019-11-13'`);
    await expectCountsAgree();
    expect(await meetingYears(database.db, ANONYMOUS, { organizationSlug: 'kkr-midtjylland' })).toEqual([2020]);
    await database.db.execute(sql`insert into meetings (organization_id, date, status, access) values (${kkr}, '2024-05-01', 'planned', 'public')`);
    expect(await countMeetings(database.db, ANONYMOUS, { organizationSlug: 'kkr-midtjylland' })).toBe(4);
    expect(await countMeetings(database.db, ANONYMOUS, { organizationSlug: 'kkr-midtjylland', listed: true })).toBe(3);
    await database.db.execute(sql`update meetings set deleted_at = now() where date = '2020-08-05'`);
    await expectCountsAgree();
    await database.db.execute(sql`update meetings set deleted_at = null, access = 'public'`);
    await expectCountsAgree();
  });

  it('folds its deltas into one row per key without changing a count', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from meeting_counts`);
    await compactMeetingCounts(database.db);
    const [after] = await queryRows<{ n: number; keys: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct (organization_id, access, year, listed))::int as keys from meeting_counts`,
    );
    expect(after!.n).toBe(after!.keys);
    expect(after!.n).toBeLessThan(before[0]!.n);
    await expectCountsAgree();
  });
});

describe('archive changes', () => {
  it('are heard after every commit that changes what pages show, and not after a rollback', async () => {
    let heard = 0;
    const watch = await watchArchiveChanges(database.db, () => heard++);
    try {
      const settle = async () => {
        for (let i = 0; i < 50 && heard === 0; i++) await new Promise((r) => setTimeout(r, 20));
      };
      expect(watch.live).toBe(true);
      await storeDocument(database.db, meetingDocument({ date: '2022-01-10', items: [item('1', 'Nyt')] }), original('h'));
      await settle();
      expect(heard).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300)); // a store may commit more than once; PostgreSQL's arrive a little later
      heard = 0;
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`update agenda_items set title = 'Ændret' where title = 'Nyt'`);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toBe(0);
      await database.db.execute(sql`update people set name = name`);
      await settle();
      expect(heard).toBeGreaterThan(0);
    } finally {
      await watch.close();
    }
  });
});
