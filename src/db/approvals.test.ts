import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { accountViewer, ANONYMOUS, type MeetingDocument } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
const archive = () => createDbArchive(database.db);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const store = (doc: MeetingDocument, name: string) => storeDocument(database.db, doc, original(`${name} ${JSON.stringify(doc)}`, `${name}.txt`));

/** A KD-Net meeting whose first item approves the minutes of `approves` (a date, or none named). */
function kdnet(date: string, kind: 'agenda' | 'minutes', approves: string | null, fields: Partial<MeetingDocument> = {}): MeetingDocument {
  const title = approves ? `Godkendelse af referat fra mødet den ${approves}` : 'Godkendelse af referat';
  return meetingDocument({
    body: 'KD-Net',
    kind,
    date,
    items: [
      item('1', title, kind === 'minutes' ? { decision: 'Referatet blev godkendt.' } : {}),
      item('2', 'Eventuelt'),
    ],
    ...fields,
  });
}

const minutesOf = async (meetingId: number) =>
  (await queryRows<{ number: string; minutes_of: string | null }>(
    database.db,
    sql`select number, minutes_of::text as minutes_of from agenda_items where meeting_id = ${meetingId} and deleted_at is null order by position`,
  )).map((r) => `${r.number}:${r.minutes_of}`);

describe('approvals of minutes between stored meetings', () => {
  it('links a dated approval item to the meeting it names, stored before or after it', async () => {
    const later = await store(kdnet('2021-03-05', 'agenda', '5. februar 2021'), 'later');
    expect(await minutesOf(later.meetingId)).toEqual(['1:2021-02-05', '2:null']);
    let view = await archive().getMeeting(ANONYMOUS, later.meetingId);
    expect(view!.approvals!.approves).toEqual([]); // the approved meeting is not in the archive yet

    const earlier = await store(kdnet('2021-02-05', 'minutes', null), 'earlier');
    view = await archive().getMeeting(ANONYMOUS, later.meetingId);
    expect(view!.approvals!.approves.map((a) => [a.number, a.meeting.id, a.meeting.date])).toEqual([['1', earlier.meetingId, '2021-02-05']]);

    // Up for approval while the later meeting has only its agenda; approved once its minutes decide the item.
    let approved = (await archive().getMeeting(ANONYMOUS, earlier.meetingId))!.approvals!.approvedAt;
    expect(approved.map((a) => [a.meeting.id, a.number, a.approved])).toEqual([[later.meetingId, '1', false]]);
    await store(kdnet('2021-03-05', 'minutes', '5. februar 2021'), 'later-minutes');
    approved = (await archive().getMeeting(ANONYMOUS, earlier.meetingId))!.approvals!.approvedAt;
    expect(approved.map((a) => [a.meeting.id, a.number, a.approved])).toEqual([[later.meetingId, '1', true]]);
    const item = await archive().getItem(ANONYMOUS, earlier.meetingId, '2');
    expect(item!.approvals!.approvedAt.map((a) => a.meeting.date)).toEqual(['2021-03-05']);
  });

  it('resolves an undated approval to the previous meeting, and again when an earlier one arrives', async () => {
    const first = await store(kdnet('2022-01-10', 'minutes', null), 'first');
    const third = await store(kdnet('2022-03-10', 'agenda', null), 'third');
    expect(await minutesOf(third.meetingId)).toEqual(['1:2022-01-10', '2:null']);
    expect((await archive().getMeeting(ANONYMOUS, first.meetingId))!.approvals!.approvedAt.map((a) => a.meeting.id)).toEqual([third.meetingId]);

    const second = await store(kdnet('2022-02-10', 'minutes', null), 'second');
    expect(await minutesOf(third.meetingId)).toEqual(['1:2022-02-10', '2:null']);
    expect(await minutesOf(second.meetingId)).toEqual(['1:2022-01-10', '2:null']);
    expect((await archive().getMeeting(ANONYMOUS, first.meetingId))!.approvals!.approvedAt.map((a) => a.meeting.id)).toEqual([second.meetingId]);
  });

  it('links only within one organisation', async () => {
    // KKR Midtjylland on a date KD-Net also met: no link to KD-Net's meeting.
    const other = await store(meetingDocument({ date: '2021-04-01', items: [item('1', 'Godkendelse af referat fra mødet den 5. februar 2021')] }), 'kkr');
    expect((await archive().getMeeting(ANONYMOUS, other.meetingId))!.approvals!.approves).toEqual([]);
  });

  it('shows a closed approval item to the organisation’s members only', async () => {
    const base = await store(kdnet('2023-01-10', 'minutes', null, { body: 'Lukket Udvalg' }), 'closed-base');
    const closed = kdnet('2023-02-10', 'minutes', '10. januar 2023', { body: 'Lukket Udvalg' });
    closed.items[0] = { ...closed.items[0]!, access: 'closed' };
    const later = await store(closed, 'closed-later');
    const [org] = await queryRows<{ id: number }>(database.db, sql`select organization_id as id from meetings where id = ${base.meetingId}`);
    const member = accountViewer(1, 'member', org!.id);

    expect((await archive().getMeeting(ANONYMOUS, base.meetingId))!.approvals!.approvedAt).toEqual([]);
    expect((await archive().getMeeting(ANONYMOUS, later.meetingId))!.approvals!.approves).toEqual([]);
    expect((await archive().getMeeting(member, base.meetingId))!.approvals!.approvedAt.map((a) => a.meeting.id)).toEqual([later.meetingId]);
    expect((await archive().getMeeting(member, later.meetingId))!.approvals!.approves.map((a) => a.meeting.id)).toEqual([base.meetingId]);
  });
});
