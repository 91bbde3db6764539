/**
 * @module A person's page: name, party and municipality as the documents give them (latest first,
 * with changes over time), and attendance at every meeting: present, afbud, substitute, other.
 */
import type { Attendance, AttendanceStatus, PersonRef, PersonView } from '../../archive/types.js';
import { AttendanceChart } from '../components/attendance-chart.js';
import { bodyName, danishDate, danishNumber, meetingTitle } from '../format.js';
import { FactRow } from '../components/fact-row.js';
import { Memberships } from '../components/memberships.js';
import { Layout, renderPage } from '../layout.js';
import { bodyUrl, feedUrl, itemUrl, meetingUrl, peopleUrl, personUrl } from '../urls.js';
import { Subscribe } from '../components/subscribe.js';

export interface Affiliation {
  party: string | null;
  municipality: string | null;
  firstDate: string | null;
  lastDate: string | null;
  meetingCount: number;
}

/**
 * Party and municipality as the documents state them, in runs of consecutive meetings with the
 * same pair, newest first. Meetings whose list states neither are left out; a list that gives
 * the municipality but no party starts a run of its own, since the documents said no more.
 */
export function affiliations(attendance: Attendance[]): Affiliation[] {
  const runs: Affiliation[] = [];
  for (const a of attendance) {
    if (!a.party && !a.municipality) continue;
    const last = runs[runs.length - 1];
    if (last && last.party === a.party && last.municipality === a.municipality) {
      last.firstDate = a.meeting.date;
      last.meetingCount += 1;
    } else {
      runs.push({ party: a.party, municipality: a.municipality, firstDate: a.meeting.date, lastDate: a.meeting.date, meetingCount: 1 });
    }
  }
  return runs;
}

function dash(value: string | null): string {
  return value && value.trim() ? value : '–';
}

function PersonLink(props: { person: PersonRef }) {
  return <a href={personUrl(props.person)}>{props.person.name}</a>;
}

/** What the person did at the meeting, in the documents' words. */
function AttendanceText(props: { a: Attendance }) {
  const { a } = props;
  const role = a.role ? ` (${a.role})` : '';
  switch (a.status) {
    case 'present':
      return <>Til stede{role}</>;
    case 'afbud':
      return a.counterpart ? <>Afbud{role} – i stedet deltog <PersonLink person={a.counterpart} /></> : <>Afbud{role}</>;
    case 'absent':
      return <>Fraværende{role}</>;
    case 'substitute':
      return a.counterpart ? <>Deltog i stedet for <PersonLink person={a.counterpart} /></> : <>Deltog som stedfortræder</>;
    case 'guest': {
      const detail = [a.role, a.organisation].filter(Boolean).join(', ');
      return <>Øvrig deltager{detail ? ` (${detail})` : ''}{a.minuteTaker ? ', referent' : ''}</>;
    }
  }
}

const COUNT_LABELS: Record<AttendanceStatus, [string, string]> = {
  present: ['til stede ved 1 møde', 'til stede ved {n} møder'],
  afbud: ['afbud 1 gang', 'afbud {n} gange'],
  absent: ['fraværende 1 gang', 'fraværende {n} gange'],
  substitute: ['stedfortræder 1 gang', 'stedfortræder {n} gange'],
  guest: ['øvrig deltager ved 1 møde', 'øvrig deltager ved {n} møder'],
};

/** "Til stede ved 2 møder, afbud 1 gang." */
export function attendanceSummary(attendance: Attendance[]): string {
  const parts = (Object.keys(COUNT_LABELS) as AttendanceStatus[]).flatMap((status) => {
    const n = attendance.filter((a) => a.status === status).length;
    if (n === 0) return [];
    const [one, many] = COUNT_LABELS[status];
    return [n === 1 ? one : many.replace('{n}', danishNumber(n))];
  });
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** True when the documents give more than one party, or more than one municipality (not merely one left out). */
export function changed(runs: Affiliation[]): boolean {
  const distinct = (values: Array<string | null>) => new Set(values.filter((v) => v !== null)).size;
  return distinct(runs.map((r) => r.party)) > 1 || distinct(runs.map((r) => r.municipality)) > 1;
}

/** Shown only when there is a history: more than one run of party and municipality. */
function History(props: { runs: Affiliation[] }) {
  const { runs } = props;
  const period = (r: Affiliation) =>
    r.firstDate === r.lastDate ? danishDate(r.lastDate) : `${danishDate(r.firstDate)} – ${danishDate(r.lastDate)}`;
  return (
    <section aria-labelledby="parti-kommune" class="mt-7">
      <h2 id="parti-kommune">Parti og kommune over tid</h2>
      <p>{changed(runs) ? 'Partiet eller kommunen er skiftet undervejs, som dokumenterne angiver dem.' : 'Ikke alle dokumenter angiver både parti og kommune.'} Nyeste først:</p>
      <div class="table--responsive-scroll" tabindex={0}>
        <table class="table table--compact affiliation-table">
          <caption class="sr-only">Parti og kommune som dokumenterne angiver dem, nyeste først</caption>
          <thead>
            <tr><th scope="col">Parti</th><th scope="col">Kommune</th><th scope="col">Møder</th><th scope="col">Periode</th></tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td>{r.party ?? 'ikke angivet'}</td>
                <td>{r.municipality ?? 'ikke angivet'}</td>
                <td>{r.meetingCount}</td>
                <td>{period(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AttendanceTable(props: { attendance: Attendance[] }) {
  const hasParty = props.attendance.some((a) => a.party);
  const hasMunicipality = props.attendance.some((a) => a.municipality);
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--zebra table--compact attendance-table">
        <caption class="sr-only">Deltagelse i møder, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Møde</th>
            <th scope="col">Organ</th>
            <th scope="col">Deltagelse</th>
            {hasParty && <th scope="col">Parti</th>}
            {hasMunicipality && <th scope="col">Kommune</th>}
          </tr>
        </thead>
        <tbody>
          {props.attendance.map((a) => (
            <tr>
              <td><a href={meetingUrl(a.meeting.id)}>{danishDate(a.meeting.date)}</a></td>
              <td>{a.meeting.body ? <a href={bodyUrl(a.meeting.body.slug)}>{a.meeting.body.name}</a> : bodyName(a.meeting)}</td>
              <td><AttendanceText a={a} /></td>
              {hasParty && <td>{dash(a.party)}</td>}
              {hasMunicipality && <td>{dash(a.municipality)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The person page as an HTML document. */
export function renderPersonPage(view: PersonView): string {
  const { person, attendance } = view;
  const runs = affiliations(attendance);
  const bodies = [...new Set(attendance.map((a) => bodyName(a.meeting)))];
  return renderPage(
    <Layout title={person.name} nav="people" breadcrumbs={[{ text: 'Forside', href: '/' }, { text: 'Personer', href: peopleUrl() }, { text: person.name }]}
      feeds={[{ title: `${person.name}: nye dagsordener og referater`, href: feedUrl({ person }) }]}>
      <h1>{person.name}</h1>
      <p class="font-lead">{attendance.length > 0 ? attendanceSummary(attendance) : 'Ikke anført ved noget møde i arkivet; se medlemskaberne herunder.'}</p>
      <Subscribe feed={feedUrl({ person })} alert={{ kind: 'person', target: String(person.id) }} />
      <div class="table--responsive-scroll" tabindex={0}>
        <table class="table table--compact structured-list meeting-facts">
          <caption class="sr-only">Seneste oplysninger i dokumenterne</caption>
          <tbody>
            <FactRow label="Parti">{person.party ?? 'Ikke angivet i dokumenterne'}</FactRow>
            <FactRow label="Kommune">{person.municipality ?? 'Ikke angivet i dokumenterne'}</FactRow>
            {bodies.length > 0 && <FactRow label={bodies.length === 1 ? 'Organ' : 'Organer'}>{bodies.join(', ')}</FactRow>}
          </tbody>
        </table>
      </div>
      <p>Parti og kommune er de seneste, som dagsordenerne og referaterne angiver.</p>
      {person.nameVariants.length > 1 && <p>Navnet er skrevet sådan i dokumenterne: {person.nameVariants.join(', ')}.</p>}
      {runs.length > 1 && <History runs={runs} />}
      <Memberships memberships={view.memberships} show="organization" headingId="medlemskaber" heading="Medlemskaber" />
      <section aria-labelledby="deltagelse" class="mt-7">
        <h2 id="deltagelse">Deltagelse i møder</h2>
        {attendance.length > 0 ? (
          <>
            <AttendanceChart attendance={attendance} />
            <AttendanceTable attendance={attendance} />
          </>
        ) : (
          <p>Ikke anført ved noget møde i arkivet.</p>
        )}
      </section>
      {view.presented && view.presented.length > 0 && (
        <section aria-labelledby="fremlagt" class="mt-7">
          <h2 id="fremlagt">Punkter fremlagt af {person.name}</h2>
          <ul>
            {view.presented.map((p) => (
              <li>
                <a href={itemUrl(p.meeting.id, p.number)}>
                  {p.number}. {p.title}
                </a>{' '}
                ({meetingTitle(p.meeting)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.namedIn && view.namedIn.length > 0 && (
        <section aria-labelledby="naevnt" class="mt-7">
          <h2 id="naevnt">Punkter, hvor {person.name} er nævnt</h2>
          <p>Punkter, hvis tekst nævner navnet (beslutning, indstilling, sagsfremstilling …), nyeste først; de fremlagte er ikke gentaget.</p>
          <ul class="named-in-list">
            {view.namedIn.map((p) => (
              <li>
                <a href={itemUrl(p.meeting.id, p.number)}>
                  {p.number}. {p.title}
                </a>{' '}
                ({meetingTitle(p.meeting)})
                <p class="named-in-excerpt">{p.excerpt}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>,
  );
}
