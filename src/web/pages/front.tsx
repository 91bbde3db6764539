/** @module The front page: a search box, the latest and upcoming meetings, and the bodies. */
import type { BodySummary, MeetingSummary } from '../../archive/types.js';
import { Icon } from '../components/icon.js';
import { MeetingTable, UpcomingMeetings } from '../components/meeting-table.js';
import { SearchBox } from '../components/search-box.js';
import { danishNumber } from '../format.js';
import { Layout, renderPage } from '../layout.js';
import { Subscribe } from '../components/subscribe.js';
import { calendarUrl, feedUrl } from '../urls.js';
import { bodyUrl } from '../urls.js';

export interface FrontPageData {
  /** The site's own origin, for calendar subscriptions (webcal://). */
  origin?: string;
  latest: MeetingSummary[];
  upcoming: MeetingSummary[];
  bodies: BodySummary[];
}

function BodyCards(props: { bodies: BodySummary[] }) {
  return (
    <ul class="body-cards nobullet-list row">
      {props.bodies.map((b) => (
        <li class="col-12 col-md-6 mb-5">
          <a class="card body-card" href={bodyUrl(b.slug)}>
            <div class="card-content">
              <h3 class="card-heading">{b.name}</h3>
              <p>{b.meetingCount === 1 ? '1 møde' : `${danishNumber(b.meetingCount)} møder`} i arkivet</p>
            </div>
            <Icon name="arrow-forward" class="card-icon" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The front page as an HTML document. */
export function renderFrontPage(data: FrontPageData): string {
  return renderPage(
    <Layout title="Dagsordener og referater" nav="home" description="Søg i dagsordener og referater fra KKR Midtjylland og KD-Net." feeds={[{ title: 'Nye dagsordener og referater', href: feedUrl() }]}>
      <h1>Dagsordener og referater</h1>
      <p class="font-lead">
        Find sager, beslutninger og deltagere fra møderne i KKR Midtjylland og kommunaldirektørnetværket KD-Net.
      </p>
      <SearchBox id="front-search" label="Søg efter sager, ord eller navne" />
      <Subscribe feed={feedUrl()} calendar={calendarUrl()} origin={data.origin} />

      <section aria-labelledby="seneste-moeder" class="mt-8">
        <h2 id="seneste-moeder">Seneste møder</h2>
        {data.latest.length > 0 ? (
          <MeetingTable meetings={data.latest} caption="Seneste møder" showBody={true} />
        ) : (
          <p>Der er endnu ingen møder i arkivet.</p>
        )}
        <p><a href="/meetings">Se alle møder som liste eller kalender</a></p>
      </section>

      <UpcomingMeetings meetings={data.upcoming} class="mt-8" />

      <section aria-labelledby="organer" class="mt-8">
        <h2 id="organer">Organer</h2>
        {data.bodies.length > 0 ? <BodyCards bodies={data.bodies} /> : <p>Der er endnu ingen organer i arkivet.</p>}
      </section>
    </Layout>,
  );
}
