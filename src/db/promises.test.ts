/** Promises across stored meetings: seed 000's item 6.1 promises three items for 9 September 2020. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { accountViewer, ANONYMOUS } from '../model/index.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { meetingPromises, openPromises } from './promises.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from './testing-files.js';
import { openTestDatabase } from './testing.js';

describe('promises across meetings', () => {
  let database: Database;
  let june: number;
  let september: number;
  let kkr: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => n.startsWith('000')));
    const september9 = meetingDocument({
      kind: 'agenda',
      date: '2020-09-09',
      items: [
        item('1', 'Godkendelse af referat'),
        item('3', 'Regionalpolitiske sager'),
        item('3.1', 'Klimastrategien og DK2020 – status'),
        item('3.2', 'Praksisplan – høringsudgave', { access: 'closed' }),
      ],
    });
    await storeDocument(database.db, september9, original('september'));
    const rows = await queryRows<{ id: number; date: string; organization_id: number }>(database.db, sql`select id, date::text as date, organization_id from meetings order by date`);
    [june, september] = [rows.find((r) => r.date === '2020-06-17')!.id, rows.find((r) => r.date === '2020-09-09')!.id];
    kkr = rows[0]!.organization_id;
  });
  afterAll(() => database?.close());

  it("makes seed 000's promised items forward items of the meeting of 9 September 2020, matched to its agenda", async () => {
    const { made, due } = await meetingPromises(database.db, ANONYMOUS, september);
    expect(made).toEqual([]);
    expect(due.map((p) => [p.from.id, p.to?.id, p.item?.number ?? null])).toEqual([
      [june, september, '3.1'],
      // The praksisplan item is closed: for the public it has not come.
      [june, september, null],
      [june, september, null],
    ]);
    const june17 = await meetingPromises(database.db, ANONYMOUS, june);
    expect(june17.made.map((p) => p.promise.promisedIn)).toEqual(['6.1', '6.1', '6.1']);
    expect(june17.due).toEqual([]);
  });

  it('shows a member of the organisation the closed item that took a promise up', async () => {
    const member = accountViewer(1, 'member', kkr);
    const { due } = await meetingPromises(database.db, member, september);
    expect(due.map((p) => p.item?.number ?? null)).toEqual(['3.1', '3.2', null]);
  });

  it('lists the promises no agenda has taken up', async () => {
    const open = await openPromises(database.db, ANONYMOUS, null);
    expect(open.map((p) => p.promise.title)).toHaveLength(2);
    expect(open.every((p) => p.item === null && p.to?.id === september)).toBe(true);
    expect(await openPromises(database.db, ANONYMOUS, kkr + 1000)).toEqual([]);
  });
});

describe("promises for another body's meeting", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => n.startsWith('000') || n.startsWith('001')));
    // KD-Net meets again before KKR does: its own next meeting is not where "til KKR-mødet" points.
    await storeDocument(database.db, meetingDocument({ kind: 'agenda', body: 'KD-Net', date: '2020-09-04', items: [item('1', 'Godkendelse af dagsorden')] }), original('kd-net september'));
    await storeDocument(
      database.db,
      meetingDocument({ kind: 'agenda', date: '2020-09-09', items: [item('1', 'Godkendelse af referat'), item('3.1', 'Klimastrategien og DK2020 – status')] }),
      original('kkr september'),
    );
    // A body of another authority whose heading names KKR too: not read for KKR's meetings (a national
    // archive would otherwise read every body's recent meetings for every meeting page).
    const promised = item('5', 'Foreløbig punkter til KKR-mødet', {
      sections: [{ heading: 'Sagsfremstilling', type: 'presentation', blocks: [{ kind: 'list', items: [{ text: 'Klimastrategien og DK2020 – status', depth: 0 }] }] }],
    });
    await storeDocument(
      database.db,
      meetingDocument({ kind: 'minutes', body: 'Teknisk Udvalg', authority: 'Testrup Kommune', date: '2020-09-01', items: [item('1', 'Godkendelse af dagsorden'), promised] }),
      original('testrup september'),
    );
  });
  afterAll(() => database?.close());

  it("resolves KD-Net's \"Foreløbig punkter til KKR-mødet\" against KKR Midtjylland, not KD-Net", async () => {
    const meetings = await queryRows<{ id: number; date: string; body: string }>(
      database.db,
      sql`select m.id, m.date::text as date, o.name as body from meetings m join organizations o on o.id = m.organization_id order by m.date`,
    );
    const kdNet = meetings.find((m) => m.body === 'KD-Net' && m.date === '2020-08-28')!;
    const kkrSeptember = meetings.find((m) => m.body === 'KKR Midtjylland' && m.date === '2020-09-09')!;
    const { made } = await meetingPromises(database.db, ANONYMOUS, kdNet.id);
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made.map((p) => p.to?.id))).toEqual(new Set([kkrSeptember.id]));
    const { due } = await meetingPromises(database.db, ANONYMOUS, kkrSeptember.id);
    // The KKR meeting shows them as due from the KD-Net meeting too (found among its body's earlier meetings is not enough).
    expect(due.some((p) => p.from.id === kdNet.id)).toBe(true);
    const other = meetings.find((m) => m.body === 'Teknisk Udvalg')!;
    expect((await meetingPromises(database.db, ANONYMOUS, other.id)).made.length).toBe(1);
    expect(due.some((p) => p.from.id === other.id)).toBe(false);
  });
});
