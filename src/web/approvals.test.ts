/** Meeting and item pages link meetings through the approval of minutes (in-memory archive). */
import { describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../model/index.js';
import { accountViewer, ANONYMOUS, type Viewer } from '../model/index.js';
import { createApp } from './app.js';
import { renderMeetingPage } from './pages/meeting.js';
import { createMemoryArchive, type MemoryMeeting } from './testing/memory-archive.js';
import { kkrAgendaUpcoming, kkrMinutes, ORGANIZATION_IDS } from './testing/fixtures.js';

/** KKR Midtjylland on 5 February 2020: the meeting kkrMinutes' item 1.1 approves. */
const february: MeetingDocument = { ...kkrMinutes, date: '2020-02-05', title: null, items: kkrMinutes.items.filter((i) => i.number === '2' || i.number === '3') };

/** The agenda of 9 September 2020 with an item approving the minutes of 17 June (no year, as agendas write it). */
const september = (access: 'public' | 'closed'): MeetingDocument => ({
  ...kkrAgendaUpcoming,
  items: [{ ...kkrMinutes.items[1]!, number: '1', title: 'Godkendelse af referat fra mødet den 17. juni', decision: null, sections: [], access }, ...kkrAgendaUpcoming.items.map((i) => ({ ...i, number: '2' }))],
});

function archive(septemberAccess: 'public' | 'closed' = 'public') {
  const meetings: MemoryMeeting[] = [
    { id: 1, documentId: 11, organizationId: ORGANIZATION_IDS.kkr, document: kkrMinutes },
    { id: 3, documentId: 13, organizationId: ORGANIZATION_IDS.kkr, document: september(septemberAccess) },
    { id: 5, documentId: 15, organizationId: ORGANIZATION_IDS.kkr, document: february },
  ];
  return createMemoryArchive(meetings, '2020-09-01');
}

const page = async (path: string, access: 'public' | 'closed' = 'public') => {
  const res = await createApp(archive(access)).request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

describe('links between meetings through approved minutes', () => {
  it('the approving meeting links the approved one; the approved one says where its minutes were approved', async () => {
    const june = await page('/meetings/1');
    expect(june).toContain('<a href="/meetings/5">Se referatet fra mødet den 5. februar 2020</a>');
    expect(june).toContain('Punkt 1.1 godkender referatet fra et tidligere møde');
    // June's minutes are on September's agenda: up for approval, not yet approved.
    expect(june).toContain('Referatet er på dagsordenen til godkendelse på <a href="/meetings/3/items/1">mødet den 9. september 2020</a>');
    expect(june).not.toContain('Referatet blev godkendt');

    const feb = await page('/meetings/5');
    expect(feb).toContain('Referatet blev godkendt på <a href="/meetings/1/items/1.1">mødet den 17. juni 2020</a> (punkt 1.1).');
    expect(feb).not.toContain('Se referatet fra');
  });

  it('the approval item’s page links the approved minutes; other items show the meeting’s approval only', async () => {
    const approval = await page('/meetings/1/items/1.1');
    expect(approval).toContain('<a href="/meetings/5">Se referatet fra mødet den 5. februar 2020</a>');
    expect(approval).toContain('Referatet er på dagsordenen til godkendelse på');
    const other = await page('/meetings/1/items/3');
    expect(other).not.toContain('Se referatet fra mødet');
    expect(other).toContain('mødet den 9. september 2020');
  });

  it('a closed approval item links nothing for the public', async () => {
    expect(await page('/meetings/1', 'closed')).not.toContain('Referatet er på dagsordenen');
    const member: Viewer = accountViewer(1, 'member', ORGANIZATION_IDS.kkr);
    const view = (await archive('closed').getMeeting(member, 1))!;
    expect(renderMeetingPage(view)).toContain('Referatet er på dagsordenen til godkendelse');
    expect((await archive('closed').getMeeting(member, 3))!.approvals!.approves.map((a) => a.meeting.id)).toEqual([1]);
    expect((await archive('closed').getMeeting(ANONYMOUS, 3))!.approvals!.approves).toEqual([]);
  });
});
