/**
 * @module The deltagerfortegnelse: members present (party, municipality, role), afbud with
 * substitutes, and others present grouped as the document groups them.
 */
import type { Absence, Attendee, MeetingDocument, Participant } from '../../model/index.js';
import { Heading } from './heading.js';

function dash(value: string | null): string {
  return value && value.trim() ? value : '–';
}

/**
 * One table for members present and for afbud: name, party, municipality and a last column
 * (role, or who attended instead). Columns the document never fills (KD-Net lists no parties)
 * are left out rather than shown empty.
 */
function PeopleTable<P extends Participant>(props: { caption: string; people: P[]; last: { label: string; value: (p: P) => string | null } }) {
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
              <td>{p.name}</td>
              {hasParty && <td>{dash(p.party)}</td>}
              <td>{dash(p.municipality)}</td>
              {hasLast && <td>{dash(props.last.value(p))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ROLE = { label: 'Rolle', value: (p: Participant) => p.role };
const SUBSTITUTE = { label: 'I stedet deltog', value: (p: Absence) => p.substitute };

/** "Chefkonsulent Christian Budde, KL (referent)". */
export function attendeeText(a: Attendee): string {
  const name = a.title ? `${a.title} ${a.name}` : a.name;
  const withOrg = a.organisation ? `${name}, ${a.organisation}` : name;
  return a.minuteTaker ? `${withOrg} (referent)` : withOrg;
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
export function Participants(props: { document: MeetingDocument; level: number }) {
  const { document: doc, level } = props;
  const empty = !doc.attendanceNote && doc.participants.length === 0 && doc.absent.length === 0 && doc.others.length === 0;
  if (empty) return null;
  return (
    <section class="participants" aria-labelledby="deltagere">
      <Heading level={level} id="deltagere">Deltagere</Heading>
      {doc.attendanceNote && <p>{doc.attendanceNote}</p>}
      {doc.participants.length > 0 && <PeopleTable caption="Deltagere" people={doc.participants} last={ROLE} />}
      {doc.absent.length > 0 && (
        <>
          <Heading level={level + 1}>Afbud</Heading>
          <PeopleTable caption="Afbud" people={doc.absent} last={SUBSTITUTE} />
        </>
      )}
      {doc.others.length > 0 && (
        <>
          <Heading level={level + 1}>Øvrige deltagere</Heading>
          {groupAttendees(doc.others).map(({ group, people }) => (
            <>
              {group && <p class="attendee-group"><strong>{group}</strong></p>}
              <ul class="attendee-list">
                {people.map((a) => <li>{attendeeText(a)}</li>)}
              </ul>
            </>
          ))}
        </>
      )}
    </section>
  );
}
