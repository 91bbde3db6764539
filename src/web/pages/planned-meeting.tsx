/**
 * @module A planned meeting's page: known from a calendar in another meeting's document, with no
 * agenda in the archive yet — its date and body, where it was announced, and what was promised for it.
 */
import type { PlannedMeetingView } from '../../archive/types.js';
import { STATUS_LABELS } from '../../model/index.js';
import { MeetingPromises } from '../components/promises.js';
import { correctionText } from '../components/derived.js';
import { danishLongDate, meetingTitle } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, itemUrl } from '../urls.js';

export function renderPlannedMeetingPage(view: PlannedMeetingView): string {
  const { meeting, announcedBy } = view;
  const title = meetingTitle(meeting);
  const crumbs = [{ text: 'Forside', href: '/' }, ...(meeting.body ? [{ text: meeting.body.name, href: bodyUrl(meeting.body.slug) }] : []), { text: title }];
  return renderPage(
    <Layout title={title} breadcrumbs={crumbs}>
      <h1>
        <span class="kind-label">Møde<span class="sr-only">:</span></span> {title}
      </h1>
      <p class="font-lead">
        {STATUS_LABELS[meeting.status]}. Der er endnu ingen dagsorden for mødet i arkivet.
      </p>
      {announcedBy && (
        <p>
          Mødet er kendt fra mødekalenderen i{' '}
          <a href={itemUrl(announcedBy.meetingId, announcedBy.number)}>
            punkt {announcedBy.number} på {announcedBy.body ? `${announcedBy.body}s ` : ''}møde den {danishLongDate(announcedBy.date)}
          </a>{' '}
          (udledt af punktet; {correctionText(announcedBy.correction)}).
        </p>
      )}
      <MeetingPromises made={[]} due={view.due} />
    </Layout>,
  );
}
