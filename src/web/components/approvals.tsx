/**
 * @module Links between meetings through the approval of minutes: where this meeting's minutes
 * were approved (or are on an agenda for approval), and the earlier minutes an item approves.
 */
import type { MeetingApprovals, MeetingSummary } from '../../archive/types.js';
import { danishDate } from '../format.js';
import { itemUrl, meetingUrl } from '../urls.js';

/** "Se referatet fra mødet den 5. februar 2020" (or "Se mødet den …" when only its agenda is stored). */
export function ApprovedMeetingLink(props: { meeting: MeetingSummary }) {
  const { meeting } = props;
  const date = danishDate(meeting.date);
  const text = meeting.kinds.includes('minutes') ? `Se referatet fra mødet den ${date}` : `Se mødet den ${date}`;
  return <a href={meetingUrl(meeting.id)}>{text}</a>;
}

/**
 * The approval facts of a meeting: where its minutes were approved or are up for approval and,
 * with `number` (on an item's page), only that item's approved meeting; nothing when there are none.
 */
export function ApprovalLinks(props: { approvals: MeetingApprovals | undefined; number?: string }) {
  const approvedAt = props.approvals?.approvedAt ?? [];
  const approves = (props.approvals?.approves ?? []).filter((a) => props.number === undefined || a.number === props.number);
  if (approvedAt.length === 0 && approves.length === 0) return null;
  return (
    <div class="approval-links">
      {approvedAt.map((a) => (
        <p>
          {a.approved ? 'Referatet blev godkendt på ' : 'Referatet er på dagsordenen til godkendelse på '}
          <a href={itemUrl(a.meeting.id, a.number)}>mødet den {danishDate(a.meeting.date)}</a>
          {` (punkt ${a.number}).`}
        </p>
      ))}
      {approves.map((a) => (
        <p>
          {props.number === undefined && `Punkt ${a.number} godkender referatet fra et tidligere møde: `}
          <ApprovedMeetingLink meeting={a.meeting} />
        </p>
      ))}
    </div>
  );
}
