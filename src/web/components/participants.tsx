/**
 * @module The deltagerfortegnelse: members present (party, municipality, role), afbud with
 * substitutes, and others present grouped as the document groups them. Names link to the
 * person pages when the archive knows the person.
 */
import type { Child } from 'hono/jsx';
import type { MeetingView, PersonRef } from '../../archive/types.js';
import type { Absence, Attendee, MeetingDocument, Participant } from '../../model/index.js';
import { personUrl } from '../urls.js';
import { Heading } from './heading.js';

/** Person pages by the name as the document writes it. */
type PersonLinks = Map<string, PersonRef>;

/** The name, as a link to the person's page when there is one. */
function Name(props: { name: string; links: PersonLinks }) {
  const person = props.links.get(props.name);
  return person ? <a href={personUrl(person)}>{props.name}</a> : <>{props.name}</>;
}

function dash(value: string | null): string {
  return value && value.trim() ? value : '–';
}

/**
 * One table for members present and for afbud: name, party, municipality and a last column
 * (role, or who attended instead). Columns the document never fills (KD-Net lists no parties)
 * are left out rather than shown empty.
 */
function PeopleTable<P extends Participant>(props: {
  caption: string;
  people: P[];
  last: { label: string; value: (p: P) => string | null; render?: (p: P, links: PersonLinks) => Child };
  links: PersonLinks;
}) {
  const hasParty = props.people.some((p) => p.party);
  const hasLast = props.people.some((p) => props.last.value(p));
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact participants-table">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            {hasParty && <th scope="col">Parti</th>}
            <th scope="col">Kommune</th>
            {hasLast && <th scope="col">{props.last.label}</th>}
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td><Name name={p.name} links={props.links} /></td>
              {hasParty && <td>{dash(p.party)}</td>}
              <td>{dash(p.municipality)}</td>
              {hasLast && <td>{props.last.render && props.last.value(p) ? props.last.render(p, props.links) : dash(props.last.value(p))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ROLE = { label: 'Rolle', value: (p: Participant) => p.role };
const SUBSTITUTE = {
  label: 'I stedet deltog',
  value: (p: Absence) => p.substitute,
  render: (p: Absence, links: PersonLinks) => <Name name={p.substitute!} links={links} />,
};

/** "Chefkonsulent Christian Budde, KL (referent)", the name linked. */
function AttendeeLine(props: { a: Attendee; links: PersonLinks }) {
  const { a } = props;
  return (
    <>
      {a.title ? `${a.title} ` : ''}
      <Name name={a.name} links={props.links} />
      {a.organisation ? `, ${a.organisation}` : ''}
      {a.minuteTaker ? ' (referent)' : ''}
    </>
  );
}

/** Group attendees by their list heading, keeping the document's order of groups. */
function groupAttendees(others: Attendee[]): Array<{ group: string | null; people: Attendee[] }> {
  const groups: Array<{ group: string | null; people: Attendee[] }> = [];
  for (const a of others) {
    const last = groups[groups.length - 1];
    if (last && last.group === a.group) last.people.push(a);
    else groups.push({ group: a.group, people: [a] });
  }
  return groups;
}

/** The participants section; `level` is the level of its own heading. */
export function Participants(props: { document: MeetingDocument; level: number; people?: MeetingView['people'] }) {
  const { document: doc, level } = props;
  const links: PersonLinks = new Map((props.people ?? []).map((p) => [p.name, p.person]));
  const empty = !doc.attendanceNote && doc.participants.length === 0 && doc.absent.length === 0 && doc.others.length === 0;
  if (empty) return null;
  return (
    <section class="participants" aria-labelledby="deltagere">
      <Heading level={level} id="deltagere">Deltagere</Heading>
      {doc.attendanceNote && <p>{doc.attendanceNote}</p>}
      {doc.participants.length > 0 && <PeopleTable caption="Deltagere" people={doc.participants} last={ROLE} links={links} />}
      {doc.absent.length > 0 && (
        <>
          <Heading level={level + 1}>Afbud</Heading>
          <PeopleTable caption="Afbud" people={doc.absent} last={SUBSTITUTE} links={links} />
        </>
      )}
      {doc.others.length > 0 && (
        <>
          <Heading level={level + 1}>Øvrige deltagere</Heading>
          {groupAttendees(doc.others).map(({ group, people }) => (
            <>
              {group && <p class="attendee-group"><strong>{group}</strong></p>}
              <ul class="attendee-list">
                {people.map((a) => <li><AttendeeLine a={a} links={links} /></li>)}
              </ul>
            </>
          ))}
        </>
      )}
    </section>
  );
}
