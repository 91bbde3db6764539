/**
 * @module Acadre MM publishing: the manifest (`XML_<id>.xml`: committee, meeting, and the
 * produced agendas with publish flag, access, files folder and XML file name) and the agenda
 * file it names (nested `<table name=…><fields><field name="key">value</field>`: committee,
 * meeting with meetmember, agendaitemparents › agendaitem with bullets and enclosures).
 */
import type { AccessLevel, Absence, AgendaItem, DocumentKind, Link, MeetingDocument, Participant, Section } from '../../model/index.js';
import type { ImportOptions } from '../line.js';
import { decisionOf, mostRestrictive, uniqueLinks } from '../../model/index.js';
import { authorityOf } from '../structure/authority.js';
import { accessOf, acadreAccess, stated, titleAccess, type UnknownAccess } from './access.js';
import { fieldSection } from './content.js';
import { decodeXml, descendants, kids, parseXml, rootOf, text, textAt, type Element } from './dom.js';
import { attendance, bodyName, finishDocument, itemNumber, parseDateTime, participant, partyLetter, replacesOf, type AttendanceEntry } from './meta.js';

/** Loads a file the manifest names, by its path relative to the manifest; null when missing. */
export type LoadRelated = (relativePath: string) => Promise<Uint8Array | null>;

/** What the manifest says about the agenda file it names. */
interface ManifestEntry {
  path: string;
  kind: DocumentKind | null;
  /** The produced agenda's access (Åben, Lukket, Personsag); every item in it is at least this. */
  access: AccessLevel;
  /** Names of access fields whose value no table knows. */
  unknownAccess: string[];
  body: string | null;
  date: string | null;
  /** The manifest's `org`: the Acadre installation, which may name the municipality. */
  org: string;
}

/** True for an Acadre manifest root (`<root>` with a producedAgenda table). */
export function isAcadreManifest(root: Element): boolean {
  return root.name === 'root' && tables(root, 'producedAgenda').length > 0;
}

/** True for an Acadre agenda file root (`<root>` with an agenda table of named fields). */
export function isAcadreAgenda(root: Element): boolean {
  return root.name === 'root' && tables(root, 'agenda').some((t) => values(t).has('sysid')) && !isAcadreManifest(root);
}

/** Reads a manifest and the agenda file it names (through `load`) into a document. */
export async function readAcadreManifest(root: Element, load: LoadRelated | undefined, options: ImportOptions): Promise<MeetingDocument> {
  const entry = chooseEntry(root);
  if (!load) throw new Error(`Acadre manifest: the agenda is in ${entry.path}; import the manifest by its path, or the agenda file itself`);
  const bytes = await load(entry.path);
  if (!bytes) throw new Error(`Acadre manifest names ${entry.path}, which was not found next to it`);
  const agendaRoot = rootOf(parseXml(decodeXml(bytes)));
  if (!agendaRoot || !isAcadreAgenda(agendaRoot)) throw new Error(`${entry.path} is not an Acadre agenda file`);
  return readAcadreAgenda(agendaRoot, options, entry);
}

/** Where a manifest's chosen agenda file lies, relative to the manifest ("Files_1863_3687982/3687981.XML"). */
export function manifestAgendaPath(root: Element): string {
  return chooseEntry(root).path;
}

/**
 * The produced agenda to import: published (publish=1) with a files folder, as the Acadre
 * publishing module requires; minutes (type 2) before an agenda (type 1), then the latest.
 */
function chooseEntry(root: Element): ManifestEntry {
  const committee = attrValues(tables(root, 'committee')[0]);
  const meeting = attrValues(tables(root, 'meeting')[0]);
  const entries = tables(root, 'producedAgenda').flatMap((t) => kids(t, 'fields')).map(attrFields);
  const published = entries.filter((e) => e.get('publish') === '1' && (e.get('filesfolder') ?? '') !== '' && (e.get('xmlfilename') ?? '') !== '');
  if (published.length === 0) throw new Error('Acadre manifest: no produced agenda is published (publish=1 with a files folder)');
  const best = [...published].sort((a, b) => Number(b.get('type') === '2') - Number(a.get('type') === '2') || Number(b.get('sysid') ?? 0) - Number(a.get('sysid') ?? 0))[0]!;
  const type = best.get('type');
  const unknownAccess: string[] = [];
  const agenda = attrValues(tables(root, 'agenda')[0]);
  // A produced agenda that does not say it is "Åben" is a closed agenda: every item in it is closed.
  const access = mostRestrictive(acadreAccess(best, (f) => unknownAccess.push(f)) ?? 'closed', acadreAccess(agenda, (f) => unknownAccess.push(f)) ?? 'public');
  return {
    path: `${best.get('filesfolder')}/${best.get('xmlfilename')}`,
    kind: type === '2' ? 'minutes' : type === '1' ? 'agenda' : null,
    access,
    unknownAccess,
    body: bodyName(committee.get('name') ?? ''),
    date: parseDateTime(meeting.get('date') ?? '').date,
    org: textAt(root, 'org'),
  };
}

/** Reads an agenda file; `entry` is what its manifest adds, when it came through one. */
export function readAcadreAgenda(root: Element, options: ImportOptions, entry?: ManifestEntry): MeetingDocument {
  const warnings: string[] = [];
  const agenda = tables(root, 'agenda')[0]!;
  const agendaFields = values(agenda);
  const committee = tables(agenda, 'committee')[0];
  const meeting = tables(agenda, 'meeting')[0];
  const m = values(meeting);
  const start = parseDateTime(m.get('date') ?? '');
  const end = parseDateTime(m.get('finish') ?? '');
  const { participants, absent } = members(meeting, committee);
  const name = agendaFields.get('name') ?? '';
  const kind = entry?.kind ?? (/referat/i.test(name) ? 'minutes' : /dagsorden/i.test(name) ? 'agenda' : null);

  const unknownAgenda: UnknownAccess = (field) => warnings.push(`The agenda's ${field} holds an access value Referat does not know; the whole agenda is kept closed.`);
  for (const field of entry?.unknownAccess ?? []) unknownAgenda(field);
  const agendaData = kids(root, 'agendaData')[0];
  // The agenda's own access, its produced agenda's in agendaData, and the manifest's. (agendaData's
  // closedItem and personItem say the production includes such items; the items say which.)
  const publishAccess = accessOf('acadre', textAt(agendaData, 'publishAccess'), 'publishAccess', unknownAgenda);
  const access = stated([acadreAccess(agendaFields, unknownAgenda), publishAccess, entry?.access ?? null], 'public');
  const items = descendants(agenda, 'table')
    .filter((t) => t.attribs.name === 'agendaitemparents')
    .map((parent, i) => item(parent, i + 1, warnings))
    .filter((i): i is AgendaItem => i !== null);
  if (entry && entry.date && start.date && entry.date !== start.date) {
    warnings.push(`The manifest dates the meeting ${entry.date}, the agenda file ${start.date}.`);
  }
  return finishDocument(
    {
      body: bodyName(values(committee).get('name') ?? '') ?? entry?.body ?? null,
      // The installation's name ("Acadre Produktion") counts only when it names a municipality or region.
      authority: authorityOf(null, [textAt(agendaData, 'org'), entry?.org ?? '']),
      access,
      kind,
      title: m.get('name') || null,
      date: start.date ?? entry?.date ?? null,
      startTime: start.time,
      endTime: end.date === start.date ? end.time : null,
      location: location(m.get('location') ?? '', m.get('address') ?? ''),
      participants,
      absent,
      others: [],
      frontMatter: [],
      items,
      warnings,
    },
    options,
  );
}

/** Meeting members with their `absent` flag; the committee's members when the meeting lists none. */
function members(meeting: Element | undefined, committee: Element | undefined): { participants: Participant[]; absent: Absence[] } {
  let list = tables(tables(meeting, 'meetmember')[0], 'member');
  if (list.length === 0) list = tables(tables(committee, 'commember')[0], 'member');
  const entries: AttendanceEntry[] = [];
  for (const el of list) {
    const f = values(el);
    const member = participant(f.get('name') ?? '', partyLetter(f.get('party') ?? ''), f.get('role') ?? '');
    if (member.name === '') continue;
    const note = f.get('comment') ?? '';
    entries.push({ member, present: f.get('absent') !== '1', note, replaces: replacesOf(note) });
  }
  return attendance(entries);
}

function item(parent: Element, position: number, warnings: string[]): AgendaItem | null {
  const el = tables(parent, 'agendaitem')[0];
  if (!el) return null;
  const f = values(el);
  const title = f.get('name') ?? '';
  // Acadre numbers items by their sort value (often running through the year: "Punkt 715").
  const sort = values(parent).get('sort') ?? '';
  const number = itemNumber(sort) ?? String(position);
  // An item's access: public only when the export says so.
  const access = acadreAccess(f, (field) => warnings.push(`Item ${number}: ${field} holds an access value Referat does not know; the item is kept closed.`)) ?? 'closed';
  if (number !== sort) {
    // Its title only when it is public: a closed item's title is closed text.
    const what = access === 'public' ? `Item "${title}"` : 'A closed item';
    warnings.push(`${what} has no usable number ("${sort}"); numbered ${number} by position.`);
  }
  const bullets = tables(el, 'bullet')
    .map((b, i) => ({ v: values(b), order: Number(values(b).get('bulletsortorder')) || i + 1 }))
    .sort((a, b) => a.order - b.order);
  const sections: Section[] = [];
  const links: Link[] = [];
  for (const { v } of bullets) {
    const read = fieldSection(v.get('bulletname') ?? '', v.get('bulletcontent') ?? '', null);
    if (!read) continue;
    sections.push(read.section);
    links.push(...read.links);
  }
  const attachments = tables(el, 'enclosure').map((e) => {
    const v = values(e);
    const titleOf = v.get('name') || v.get('filename') || '';
    const flag = acadreAccess(v, (field) => warnings.push(`Item ${number}: a bilag's ${field} holds an access value Referat does not know; it is kept closed.`)) ?? 'closed';
    return { title: titleOf, access: mostRestrictive(flag, titleAccess(titleOf) ?? 'public'), fileName: v.get('filename') || null };
  });
  const officer = (f.get('caseofficer') ?? '').trim();
  return {
    number,
    title,
    caseNumber: f.get('caseno') || null,
    caseOfficers: /^[a-zæøå]{2,8}$/.test(officer) ? [officer] : [],
    presenters: [],
    sections,
    attachments,
    links: uniqueLinks(links),
    decision: decisionOf(sections),
    absent: [],
    access,
  };
}

/** "Kaløvig Kursuscenter" and "Præstekravevej 46<br>8410 Rønde" as one line. */
function location(place: string, address: string): string | null {
  const parts = [place, ...address.split(/<br\s*\/?>|\n/i)].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '' && !/^\?+$/.test(s));
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Child tables of `el` with the given name attribute. */
function tables(el: Element | undefined, name: string): Element[] {
  return kids(el, 'table').filter((t) => t.attribs.name === name);
}

/** An agenda-file table's fields: `<field name="key">value</field>` as a map. */
function values(table: Element | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of kids(kids(table, 'fields')[0], 'field')) {
    const key = field.attribs.name;
    if (key !== undefined && !map.has(key)) map.set(key, text(field));
  }
  return map;
}

/** A manifest `fields` element: each field carries one attribute that is key and value. */
function attrFields(fields: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of kids(fields, 'field')) {
    for (const [key, value] of Object.entries(field.attribs)) if (!map.has(key)) map.set(key, value.trim());
  }
  return map;
}

/** A manifest table's (first) attribute fields. */
function attrValues(table: Element | undefined): Map<string, string> {
  const fields = kids(table, 'fields')[0];
  return fields ? attrFields(fields) : new Map();
}
