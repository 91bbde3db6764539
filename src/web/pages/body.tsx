/** @module A body's page: its meetings grouped by year, newest year first. */
import type { BodySummary, MeetingSummary, MembershipView, SeatView } from '../../archive/types.js';
import { Memberships, Seats } from '../components/memberships.js';
import { MeetingTable } from '../components/meeting-table.js';
import { danishNumber, yearOf } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { calendarUrl, feedUrl, searchUrl } from '../urls.js';
import { Subscribe } from '../components/subscribe.js';

export interface BodyPageData {
  body: BodySummary;
  meetings: MeetingSummary[];
  /** Seats per electoral period, newest first. */
  memberships?: MembershipView[];
  seats?: { in: SeatView[]; fills: SeatView[] };
  /** The site's own origin, for calendar subscriptions (webcal://). */
  origin?: string;
}

/** Meetings grouped by year (newest first, undated last), each year's meetings newest first. */
export function meetingsByYear(meetings: MeetingSummary[]): Array<{ year: number | null; meetings: MeetingSummary[] }> {
  const groups = new Map<number | null, MeetingSummary[]>();
  for (const m of meetings) {
    const y = yearOf(m.date);
    groups.set(y, [...(groups.get(y) ?? []), m]);
  }
  const years = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
  return years.map((year) => ({
    year,
    meetings: [...groups.get(year)!].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id),
  }));
}

/** The body page as an HTML document. */
export function renderBodyPage(data: BodyPageData): string {
  const { body, meetings } = data;
  const groups = meetingsByYear(meetings);
  return renderPage(
    <Layout title={body.name} breadcrumbs={[{ text: 'Forside', href: '/' }, { text: body.name }]} feeds={[{ title: `${body.name}: nye dagsordener og referater`, href: feedUrl({ body: body.slug }) }]}>
      <h1>{body.name}</h1>
      <p class="font-lead">
        {body.meetingCount === 1 ? '1 møde' : `${danishNumber(body.meetingCount)} møder`} i arkivet.{' '}
        <a href={searchUrl({ body: body.slug })}>Søg i {body.name}s dagsordener og referater</a>
      </p>
      {body.authority && <p>Under {body.authority}.</p>}
      <Subscribe feed={feedUrl({ body: body.slug })} calendar={calendarUrl(body.slug)} origin={data.origin} alert={{ kind: 'body', target: body.slug }} />
      {groups.length === 0 && <p>Der er endnu ingen møder for {body.name} i arkivet.</p>}
      {groups.map(({ year, meetings: ms }) => {
        const id = year === null ? 'udaterede' : `aar-${year}`;
        const label = year === null ? 'Udaterede møder' : String(year);
        return (
          <section aria-labelledby={id} class="mt-7">
            <h2 id={id}>{label}</h2>
            <MeetingTable meetings={ms} caption={`${body.name}: møder ${year ?? 'uden dato'}`} showBody={false} />
          </section>
        );
      })}
      <Memberships memberships={data.memberships ?? []} show="person" headingId="medlemmer" heading="Medlemmer" />
      <Seats seats={data.seats?.in ?? []} show="appointedBy" headingId="pladser" heading={`Pladser i ${body.name}`} />
      <Seats seats={data.seats?.fills ?? []} show="organization" headingId="udpeger" heading={`Pladser, som ${body.name} udpeger til`} />
    </Layout>,
  );
}
