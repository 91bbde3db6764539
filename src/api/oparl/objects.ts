/**
 * @module OParl 1.1 objects from the rows of src/db/oparl.ts. Required fields are always set;
 * optional ones are left out rather than null; times carry their Copenhagen offset; a deleted
 * object is its id, type, times and `deleted: true`.
 */
import type { BodyRow, FileRow, ItemRow, LocationRow, MeetingRow, MembershipRow, OrganizationRow, PaperRow, PersonRow, TermRow } from '../../db/oparl.js';
import { copenhagenDateTime, copenhagenTimestamp } from '../../model/index.js';
import type { OParlUrls } from './urls.js';

const TYPE = (name: string) => `https://schema.oparl.org/1.1/${name}`;
export const LICENSE = 'https://creativecommons.org/publicdomain/zero/1.0/';

type Json = Record<string, unknown>;

/** An object without its null and undefined fields. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

const times = (row: { created: string; modified?: string }) => ({
  created: copenhagenTimestamp(row.created),
  modified: copenhagenTimestamp(row.modified ?? row.created),
});

/** A deleted object as OParl keeps it in lists: id, type, times, `deleted`. */
function deleted(id: string, type: string, row: { created: string; modified: string }): Json {
  return { id, type: TYPE(type), ...times(row), deleted: true };
}

/** The System object. */
export function systemObject(u: OParlUrls, created: string, modified: string): Json {
  return {
    id: u.system,
    type: TYPE('System'),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    body: u.bodies,
    name: 'Referat – dagsordener og referater',
    website: u.web('/'),
    vendor: u.web('/'),
    product: u.web('/'),
    license: LICENSE,
    web: u.web('/'),
    created: copenhagenTimestamp(created),
    modified: copenhagenTimestamp(modified),
  };
}

/** A Body: the authority, with its lists and electoral periods. */
export function bodyObject(u: OParlUrls, row: BodyRow, terms: TermRow[]): Json {
  return {
    id: u.body(row.slug),
    type: TYPE('Body'),
    system: u.system,
    name: row.name,
    license: LICENSE,
    organization: u.bodyList(row.slug, 'organization'),
    person: u.bodyList(row.slug, 'person'),
    meeting: u.bodyList(row.slug, 'meeting'),
    paper: u.bodyList(row.slug, 'paper'),
    agendaItem: u.bodyList(row.slug, 'agenda-item'),
    membership: u.bodyList(row.slug, 'membership'),
    file: u.bodyList(row.slug, 'file'),
    locationList: u.bodyList(row.slug, 'location'),
    legislativeTermList: u.bodyList(row.slug, 'legislative-term'),
    legislativeTerm: terms.map((t) => termObject(u, row.slug, t, row)),
    ...times(row),
  };
}

/** A LegislativeTerm (valgperiode) as one body's. */
export function termObject(u: OParlUrls, body: string, t: TermRow, bodyRow: { created: string; modified: string }): Json {
  return { id: u.term(body, t.id), type: TYPE('LegislativeTerm'), body: u.body(body), name: t.name, startDate: t.start_date, endDate: t.end_date, ...times(bodyRow) };
}

const ORGANIZATION_TYPES: Record<string, string> = { council: 'Gremium', committee: 'Gremium', board: 'Gremium', network: 'Sonstiges', other: 'Sonstiges' };
const CLASSIFICATIONS: Record<string, string> = { council: 'Byråd/regionsråd', committee: 'Udvalg', board: 'Råd/bestyrelse', network: 'Netværk', other: 'Andet' };

/** An Organization (organ, udvalg). */
export function organizationObject(u: OParlUrls, row: OrganizationRow, memberships: Array<{ id: number }>): Json {
  return {
    id: u.organization(row.id),
    type: TYPE('Organization'),
    body: u.body(row.body),
    name: row.name,
    organizationType: ORGANIZATION_TYPES[row.kind] ?? 'Sonstiges',
    classification: CLASSIFICATIONS[row.kind] ?? 'Andet',
    membership: memberships.map((m) => u.membership(m.id)),
    meeting: u.organizationMeetings(row.id),
    ...times(row),
  };
}

/** A Person, with the memberships the documents show. */
export function personObject(u: OParlUrls, row: PersonRow, memberships: MembershipRow[], body: string | null): Json {
  return compact({
    id: u.person(row.id),
    type: TYPE('Person'),
    body: body ? u.body(body) : null,
    name: row.name,
    membership: memberships.map((m) => membershipObject(u, m)),
    web: u.web(`/people/${row.id}`),
    ...times(row),
  });
}

const ROLES: Record<string, string> = { chair: 'Formand', vice_chair: 'Næstformand', member: 'Medlem', substitute: 'Stedfortræder' };

/** A Membership (medlemskab). */
export function membershipObject(u: OParlUrls, row: MembershipRow): Json {
  if (row.deleted) return deleted(u.membership(row.id), 'Membership', row);
  return compact({
    id: u.membership(row.id),
    type: TYPE('Membership'),
    person: u.person(row.person_id),
    organization: u.organization(row.organization_id),
    role: ROLES[row.role] ?? row.role,
    votingRight: row.role !== 'substitute',
    startDate: row.start_date,
    endDate: row.end_date,
    ...times(row),
  });
}

/** A File: an original document or a bilag the public may download (restricted files are never served here). */
export function fileObject(u: OParlUrls, row: FileRow): Json {
  const bilag = row.kind === 'bilag';
  const url = bilag ? u.bilag(row.id) : u.download(row.id);
  return compact({
    id: u.file(row.id),
    type: TYPE('File'),
    name: row.name,
    fileName: row.name,
    mimeType: row.media_type.split(';')[0]!.trim(),
    size: row.size,
    accessUrl: url,
    downloadUrl: url,
    meeting: [u.meeting(row.meeting_id)],
    agendaItem: row.item_id !== null && row.item_id !== undefined ? [u.agendaItem(row.item_id)] : null,
    created: copenhagenTimestamp(row.created),
    modified: copenhagenTimestamp(row.created),
  });
}

/** A Location (mødested). */
export function locationObject(u: OParlUrls, row: LocationRow): Json {
  return { id: u.location(row.id), type: TYPE('Location'), description: row.description, created: copenhagenTimestamp(row.created), modified: copenhagenTimestamp(row.created) };
}

/** An AgendaItem with its public bilag (auxiliaryFile); public is always true here (restricted items are never served). */
export function agendaItemObject(u: OParlUrls, row: ItemRow, files: FileRow[] = []): Json {
  // `order` is required of every AgendaItem, a deleted one too.
  if (row.deleted) return { ...deleted(u.agendaItem(row.id), 'AgendaItem', row), order: row.position + 1 };
  return compact({
    id: u.agendaItem(row.id),
    type: TYPE('AgendaItem'),
    meeting: u.meeting(row.meeting_id),
    number: row.number,
    order: row.position + 1,
    name: row.title,
    public: true,
    consultation: row.paper_id !== null ? u.consultation(row.id) : null,
    resolutionText: row.decision,
    auxiliaryFile: files.length > 0 ? files.map((f) => fileObject(u, f)) : null,
    web: u.web(`/meetings/${row.meeting_id}/items/${encodeURIComponent(row.number)}`),
    ...times(row),
  });
}

const STATES: Record<string, string> = {
  planned: 'Planlagt',
  agenda_published: 'Dagsorden offentliggjort',
  held: 'Afholdt',
  minutes_published: 'Referat offentliggjort',
  cancelled: 'Aflyst',
};

export interface MeetingParts {
  items: ItemRow[];
  files: FileRow[];
  participants: Array<{ person_id: number }>;
  location: LocationRow | null;
  organizationName: string | null;
}

/** A Meeting with its items, agenda (invitation) and minutes (resultsProtocol) embedded. */
export function meetingObject(u: OParlUrls, row: MeetingRow, parts: MeetingParts): Json {
  if (row.deleted) return deleted(u.meeting(row.id), 'Meeting', row);
  const file = (kind: string) => parts.files.find((f) => f.kind === kind);
  const agenda = file('agenda');
  const minutes = file('minutes');
  // Other documents' originals and the items' bilag, each file once.
  const extra = parts.files.filter((f, i, all) => f.kind !== 'agenda' && f.kind !== 'minutes' && all.findIndex((g) => g.id === f.id) === i);
  const bilagOf = (itemId: number) => parts.files.filter((f) => f.kind === 'bilag' && f.item_id === itemId);
  return compact({
    id: u.meeting(row.id),
    type: TYPE('Meeting'),
    name: [parts.organizationName, row.date].filter(Boolean).join(', ') || 'Møde',
    meetingState: STATES[row.status] ?? row.status,
    cancelled: row.status === 'cancelled',
    start: row.date ? copenhagenDateTime(row.date, row.start_time ?? '00:00') : null,
    end: row.date && row.end_time ? copenhagenDateTime(row.date, row.end_time) : null,
    location: parts.location ? locationObject(u, parts.location) : null,
    organization: row.organization_id !== null ? [u.organization(row.organization_id)] : null,
    participant: parts.participants.map((p) => u.person(p.person_id)),
    invitation: agenda ? fileObject(u, agenda) : null,
    resultsProtocol: minutes ? fileObject(u, minutes) : null,
    auxiliaryFile: extra.length > 0 ? extra.map((f) => fileObject(u, f)) : null,
    agendaItem: parts.items.map((i) => agendaItemObject(u, i, bilagOf(i.id))),
    web: u.web(`/meetings/${row.id}`),
    ...times(row),
  });
}

/** A Consultation: a paper treated by an agenda item. */
export function consultationObject(u: OParlUrls, item: ItemRow & { organization_id: number | null }): Json {
  return compact({
    id: u.consultation(item.id),
    type: TYPE('Consultation'),
    paper: item.paper_id !== null ? u.paper(item.paper_id) : null,
    agendaItem: u.agendaItem(item.id),
    meeting: u.meeting(item.meeting_id),
    organization: item.organization_id !== null ? [u.organization(item.organization_id)] : null,
    authoritative: item.decision !== null,
    ...times(item),
  });
}

/** A Paper (sag) with its consultations. */
export function paperObject(u: OParlUrls, row: PaperRow, items: Array<ItemRow & { organization_id: number | null }>): Json {
  return compact({
    id: u.paper(row.id),
    type: TYPE('Paper'),
    body: row.body ? u.body(row.body) : null,
    name: row.title ?? row.reference,
    reference: row.reference,
    consultation: items.map((i) => consultationObject(u, i)),
    web: u.web(`/cases/${encodeURIComponent(row.reference)}`),
    ...times(row),
  });
}
