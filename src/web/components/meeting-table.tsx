/** @module A table of meetings (date, body, documents, items) for the front page, the meetings list and body pages. */
import type { MeetingSummary } from '../../archive/types.js';
import { bodyName, danishDate, danishTime, kindLabel } from '../format.js';
import { bodyUrl, meetingUrl } from '../urls.js';

/** The kinds of document a meeting has, as dkfds badges. */
export function KindBadges(props: { kinds: MeetingSummary['kinds'] }) {
  return <>{props.kinds.map((k) => <span class={k === 'minutes' ? 'badge badge-success kind-badge' : 'badge badge-info kind-badge'}>{kindLabel(k)}</span>)}</>;
}

/** Meetings as a table; `showBody` is off on a body's own page, where the body is given. */
export function MeetingTable(props: { meetings: MeetingSummary[]; caption: string; showBody: boolean }) {
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--zebra meeting-table">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dato</th>
            {props.showBody && <th scope="col">Organ</th>}
            <th scope="col">Sted</th>
            <th scope="col">Dokumenter</th>
            <th scope="col" class="align-text-right">Punkter</th>
          </tr>
        </thead>
        <tbody>
          {props.meetings.map((m) => (
            <tr>
              <td>
                <a href={meetingUrl(m.id)}>{danishDate(m.date)}</a>
                {m.startTime && <span class="meeting-time"> kl. {danishTime(m.startTime)}</span>}
              </td>
              {props.showBody && <td>{m.body ? <a href={bodyUrl(m.body.slug)}>{m.body.name}</a> : bodyName(m)}</td>}
              <td>{m.location ?? '–'}</td>
              <td><KindBadges kinds={m.kinds} /></td>
              <td class="align-text-right">{m.itemCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The "Kommende møder" section of the front page and the meetings list; `class` spaces it from what comes before. */
export function UpcomingMeetings(props: { meetings: MeetingSummary[]; class: string }) {
  return (
    <section aria-labelledby="kommende-moeder" class={props.class}>
      <h2 id="kommende-moeder">Kommende møder</h2>
      {props.meetings.length > 0 ? (
        <MeetingTable meetings={props.meetings} caption="Kommende møder" showBody={true} />
      ) : (
        <p>Der er ingen planlagte møder i arkivet lige nu.</p>
      )}
    </section>
  );
}
