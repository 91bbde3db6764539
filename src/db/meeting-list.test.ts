/** The meetings list, the month calendar, item neighbours and the sitemap, over the database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive/types.js';
import { ANONYMOUS } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
let archive: Archive;
const nextYear = new Date().getFullYear() + 1;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  const store = async (key: string, fields: Parameters<typeof meetingDocument>[0]) => {
    ids[key] = (await storeDocument(database.db, meetingDocument(fields), original(key))).meetingId;
  };
  await store('kkr-june', {
    date: '2020-06-17',
    participants: [{ name: 'Anne Testesen', party: 'A', municipality: 'Aarhus', role: null }],
    items: [
      item('1', 'Godkendelse af referat'),
      item('2', 'Lukket sag', { access: 'closed', caseNumber: 'SAG-2020-09999' }),
      item('3', 'Klimastrategi', { caseNumber: 'SAG-2020-01697' }),
    ],
  });
  await store('kkr-august', { date: '2020-08-05' });
  await store('kdnet-august', { body: 'KD-Net', date: '2020-08-28' });
  await store('kkr-2019', { date: '2019-11-13' });
  await store('closed', { date: '2020-08-12', access: 'closed', participants: [{ name: 'Bent Skjultesen', party: null, municipality: null, role: null }] });
  await store('kkr-next', { kind: 'agenda', date: `${nextYear}-02-01` });
});

afterAll(async () => {
  await database?.close();
});

describe('listMeetings', () => {
  it('lists public meetings newest first, in pages, with the years that have meetings', async () => {
    const all = await archive.listMeetings(ANONYMOUS, { limit: 2 });
    expect(all.total).toBe(5);
    expect(all.meetings.map((m) => m.id)).toEqual([ids['kkr-next'], ids['kdnet-august']]);
    expect(all.years).toEqual([nextYear, 2020, 2019]);
    const third = await archive.listMeetings(ANONYMOUS, { limit: 2, page: 3 });
    expect(third.meetings.map((m) => m.id)).toEqual([ids['kkr-2019']]);
  });

  it('filters by body and year; the years follow the body', async () => {
    const kkr2020 = await archive.listMeetings(ANONYMOUS, { body: 'kkr-midtjylland', year: 2020 });
    expect(kkr2020.meetings.map((m) => m.id)).toEqual([ids['kkr-august'], ids['kkr-june']]);
    const kdnet = await archive.listMeetings(ANONYMOUS, { body: 'kd-net' });
    expect(kdnet.years).toEqual([2020]);
    expect((await archive.listMeetings(ANONYMOUS, { body: 'findes-ikke' })).total).toBe(0);
  });

  it('lists upcoming meetings oldest first', async () => {
    const upcoming = await archive.listMeetings(ANONYMOUS, { upcoming: true });
    expect(upcoming.meetings.map((m) => m.id)).toEqual([ids['kkr-next']]);
  });
});

describe('meetingMonth', () => {
  it("gives a month's public meetings and the nearest months with meetings", async () => {
    const august = await archive.meetingMonth(ANONYMOUS, '2020-08');
    expect(august.meetings.map((m) => m.id)).toEqual([ids['kkr-august'], ids['kdnet-august']]);
    expect(august.previousWithMeetings).toBe('2020-06');
    expect(august.nextWithMeetings).toBe(`${nextYear}-02`);
    const kdnet = await archive.meetingMonth(ANONYMOUS, '2020-08', 'kd-net');
    expect(kdnet.meetings.map((m) => m.id)).toEqual([ids['kdnet-august']]);
    expect(kdnet.previousWithMeetings).toBeNull();
    const empty = await archive.meetingMonth(ANONYMOUS, '2020-07');
    expect(empty.meetings).toEqual([]);
    expect(empty.nextWithMeetings).toBe('2020-08');
  });
});

describe('item neighbours', () => {
  it('links the items around an item, skipping those the viewer may not read', async () => {
    const first = (await archive.getItem(ANONYMOUS, ids['kkr-june']!, '1'))!;
    expect(first.previous).toBeNull();
    expect(first.next).toEqual({ number: '3', title: 'Klimastrategi' });
    const last = (await archive.getItem(ANONYMOUS, ids['kkr-june']!, '3'))!;
    expect(last.previous).toEqual({ number: '1', title: 'Godkendelse af referat' });
    expect(last.next).toBeNull();
  });
});

describe('sitemap', () => {
  it('lists public meetings, items, bodies and cases only', async () => {
    const entries = await archive.sitemap(ANONYMOUS);
    expect(entries.meetings.map((m) => m.id).sort()).toEqual(
      ['kkr-june', 'kkr-august', 'kdnet-august', 'kkr-2019', 'kkr-next'].map((k) => ids[k]).sort(),
    );
    expect(entries.meetings[0]!.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const june = entries.items.filter((i) => i.meetingId === ids['kkr-june']).map((i) => i.number);
    expect(june).toEqual(['1', '3']);
    expect(entries.items.some((i) => i.meetingId === ids.closed)).toBe(false);
    expect(entries.bodies).toEqual(['kd-net', 'kkr-midtjylland']);
    expect(entries.cases).toEqual(['SAG-2020-01697']);
    expect(entries.people.map((p) => p.slug)).toEqual(['anne-testesen']);
  });
});
