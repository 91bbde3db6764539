/**
 * @module The deltagerfortegnelse: members present (party, municipality, role), afbud with
 * substitutes, and others present grouped as the document groups them.
 */
import type { Absence, Attendee, MeetingDocument, Participant } from '../../model/index.js';
import { Heading } from './heading.js';

function dash(value: string | null): string {
  return value && value.trim() ? value : '–';
}

function MemberTable(props: { caption: string; people: Participant[] }) {
  // Columns the document never fills (KD-Net lists no parties) are left out rather than shown empty.
  const hasParty = props.people.some((p) => p.party);
  const hasRole = props.people.some((p) => p.role);
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact participants-table">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            {hasParty && <th scope="col">Parti</th>}
            <th scope="col">Kommune</th>
            {hasRole && <th scope="col">Rolle</th>}
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td>{p.name}</td>
              {hasParty && <td>{dash(p.party)}</td>}
              <td>{dash(p.municipality)}</td>
              {hasRole && <td>{dash(p.role)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AbsenceTable(props: { people: Absence[] }) {
  const hasParty = props.people.some((p) => p.party);
  const hasSubstitute = props.people.some((p) => p.substitute);
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      <table class="table table--compact participants-table">
        <caption class="sr-only">Afbud</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            {hasParty && <th scope="col">Parti</th>}
            <th scope="col">Kommune</th>
            {hasSubstitute && <th scope="col">I stedet deltog</th>}
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td>{p.name}</td>
              {hasParty && <td>{dash(p.party)}</td>}
              <td>{dash(p.municipality)}</td>
              {hasSubstitute && <td>{dash(p.substitute)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
      {doc.participants.length > 0 && <MemberTable caption="Deltagere" people={doc.participants} />}
      {doc.absent.length > 0 && (
        <>
          <Heading level={level + 1}>Afbud</Heading>
          <AbsenceTable people={doc.absent} />
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
