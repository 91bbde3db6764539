/**
 * @module All meetings: a filter (body, year), the upcoming meetings, and either the paged list
 * or — with `?month=2020-08` — the month as a calendar grid with the month's meetings below it.
 */
import type { BodySummary, MeetingMonth, MeetingPage, MeetingSummary } from '../../archive/types.js';
import { BodySelect } from '../components/body-select.js';
import { CalendarMonth, dayAnchor } from '../components/calendar-month.js';
import { Icon } from '../components/icon.js';
import { KindBadges, MeetingTable, UpcomingMeetings } from '../components/meeting-table.js';
import { Pagination } from '../components/pagination.js';
import { bodyName, danishLongDate, danishMonth, danishNumber, danishTime } from '../format.js';
import { meetingUrl } from '../urls.js';
import { Layout, renderPage } from '../layout.js';
import { MONTH_PATTERN, meetingsUrl, shiftMonth, type MeetingsQuery } from '../meetings-params.js';

export interface MeetingsPageData {
  query: MeetingsQuery;
  bodies: BodySummary[];
  /** YYYY-MM-DD in Copenhagen, for the calendar's "today" and its default month. */
  today: string;
  upcoming: MeetingSummary[];
  /** The list (no month given), or null. */
  list: MeetingPage | null;
  /** The month calendar (month given), or null. */
  month: MeetingMonth | null;
  /** Years with meetings, for the year filter. */
  years: number[];
  /** A message for invalid input, shown instead of meetings. */
  error?: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Filter(props: { data: MeetingsPageData }) {
  const { query, bodies, years } = props.data;
  const calendar = query.month !== undefined;
  return (
    <form action="/meetings" method="get" class="meetings-filter" aria-label="Afgræns møderne">
      <div class="meetings-filter-row">
        <BodySelect id="meetings-body" bodies={bodies} selected={query.body} />
        {calendar ? (
          <div class="form-group">
            <label class="form-label" for="meetings-month">Måned</label>
            <span class="form-hint" id="meetings-month-hint">Skrives som år og måned, fx 2020-08.</span>
            <input class="form-input input-width-xs" id="meetings-month" name="month" type="text" inputmode="numeric" autocomplete="off" value={query.month} aria-describedby="meetings-month-hint" />
          </div>
        ) : (
          <div class="form-group">
            <label class="form-label" for="meetings-year">År</label>
            <select class="form-select" id="meetings-year" name="year">
              <option value="" selected={query.year === undefined}>Alle år</option>
              {years.map((y) => <option value={String(y)} selected={y === query.year}>{y}</option>)}
            </select>
          </div>
        )}
        <div class="form-group meetings-filter-submit">
          <button class="button button-secondary" type="submit">Vis møder</button>
        </div>
      </div>
    </form>
  );
}

/** Links between the list and the calendar, as a small navigation. */
function Views(props: { data: MeetingsPageData }) {
  const { query, list, today } = props.data;
  const calendar = query.month !== undefined;
  // The calendar opens at the newest meeting the list shows, else at this month.
  const month = list?.meetings.find((m) => m.date)?.date?.slice(0, 7) ?? (query.year !== undefined ? `${query.year}-01` : today.slice(0, 7));
  return (
    <nav aria-label="Visning" class="meetings-views">
      <ul class="nobullet-list">
        <li>
          <a href={meetingsUrl({ body: query.body })} aria-current={calendar ? undefined : 'page'}>Liste</a>
        </li>
        <li>
          <a href={meetingsUrl({ body: query.body, month: calendar ? query.month : month })} aria-current={calendar ? 'page' : undefined}>Kalender</a>
        </li>
      </ul>
    </nav>
  );
}

function List(props: { query: MeetingsQuery; list: MeetingPage }) {
  const { query, list } = props;
  const pages = Math.max(1, Math.ceil(list.total / list.limit));
  const heading = query.year !== undefined ? `Møder i ${query.year}` : 'Alle møder';
  return (
    <section aria-labelledby="alle-moeder" class="mt-7">
      <h2 id="alle-moeder">{heading}</h2>
      <p class="meetings-count">
        <strong>{danishNumber(list.total)}</strong> {list.total === 1 ? 'møde' : 'møder'}
        {pages > 1 && <> · side {list.page} af {pages}</>}
      </p>
      {list.meetings.length > 0 ? (
        <MeetingTable meetings={list.meetings} caption={pages > 1 ? `${heading}, side ${list.page} af ${pages}` : heading} showBody={true} />
      ) : list.total > 0 ? (
        <p>Der er ikke flere møder. <a href={meetingsUrl({ ...query, page: undefined })}>Gå til første side</a>.</p>
      ) : (
        <p>Der er ingen møder, der passer til afgrænsningen.</p>
      )}
      <Pagination label="Sider med møder" current={list.page} total={pages} hrefFor={(page) => meetingsUrl({ ...query, page })} />
    </section>
  );
}

function MonthLink(props: { body?: string; month: string | null; rel?: string; text: string; icon: 'chevron-left' | 'chevron-right' }) {
  if (!props.month || !MONTH_PATTERN.test(props.month)) return null;
  const icon = <Icon name={props.icon} />;
  return (
    <a href={meetingsUrl({ body: props.body, month: props.month })} rel={props.rel} class="month-link">
      {props.icon === 'chevron-left' && icon}
      {props.text}
      {props.icon === 'chevron-right' && icon}
    </a>
  );
}

function Calendar(props: { query: MeetingsQuery; month: MeetingMonth; today: string }) {
  const { query, month } = props;
  const previous = shiftMonth(month.month, -1);
  const next = shiftMonth(month.month, 1);
  const title = danishMonth(month.month);
  // Days in the list below, for the calendar's links to days with several meetings.
  const days = [...new Set(month.meetings.map((m) => m.date!))];
  return (
    <section aria-labelledby="kalender" class="mt-7">
      <h2 id="kalender">Kalender: {title}</h2>
      <nav aria-label="Skift måned" class="month-nav">
        <MonthLink body={query.body} month={previous} rel="prev" icon="chevron-left" text={`Forrige måned (${danishMonth(previous)})`} />
        <MonthLink body={query.body} month={next} rel="next" icon="chevron-right" text={`Næste måned (${danishMonth(next)})`} />
      </nav>
      <CalendarMonth month={month.month} meetings={month.meetings} today={props.today} />
      <nav aria-label="Måneder med møder" class="month-nav">
        {month.previousWithMeetings && month.previousWithMeetings !== previous && (
          <MonthLink body={query.body} month={month.previousWithMeetings} icon="chevron-left" text={`Seneste tidligere måned med møder: ${danishMonth(month.previousWithMeetings)}`} />
        )}
        {month.nextWithMeetings && month.nextWithMeetings !== next && (
          <MonthLink body={query.body} month={month.nextWithMeetings} icon="chevron-right" text={`Næste senere måned med møder: ${danishMonth(month.nextWithMeetings)}`} />
        )}
      </nav>
      <h3 id="maanedens-moeder">Møder i {title}</h3>
      {month.meetings.length === 0 ? (
        <p>Der er ingen møder i {title}.</p>
      ) : (
        <ul class="month-days nobullet-list">
          {days.map((day) => (
            <li id={dayAnchor(day)} class="month-day">
              <h4 class="month-day-heading">{capitalise(danishLongDate(day))}</h4>
              <ul class="nobullet-list">
                {month.meetings.filter((m) => m.date === day).map((m) => (
                  <li>
                    <a href={meetingUrl(m.id)}>{bodyName(m)}</a>
                    {m.startTime && <> kl. {danishTime(m.startTime)}</>}
                    {m.location && <>, {m.location}</>}
                    {' '}<KindBadges kinds={m.kinds} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The meetings page as an HTML document. */
export function renderMeetingsPage(data: MeetingsPageData): string {
  const { query } = data;
  const title = query.month ? `Møder i ${danishMonth(query.month)}` : query.year !== undefined ? `Møder i ${query.year}` : 'Alle møder';
  return renderPage(
    <Layout title={title} nav="meetings" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Møder' }]}>
      <h1>Møder</h1>
      <p class="font-lead">Alle møder i arkivet med deres dagsordener og referater, som liste eller som kalender.</p>
      <Filter data={data} />
      <Views data={data} />
      {data.error ? (
        <div class="alert alert-error mt-7" role="alert">
          <div class="alert-body">
            <h2 class="alert-heading h3">Møderne kunne ikke vises</h2>
            <p class="alert-text">{data.error}</p>
          </div>
        </div>
      ) : (
        <>
          {!query.month && query.year === undefined && (query.page ?? 1) === 1 && <UpcomingMeetings meetings={data.upcoming} class="mt-7" />}
          {data.list && <List query={query} list={data.list} />}
          {data.month && <Calendar query={query} month={data.month} today={data.today} />}
        </>
      )}
    </Layout>,
  );
}
