/**
 * @module Meeting-level values as the case systems write them — dates in their several shapes,
 * booleans, member names with party letters, roles, access words — and the last step every
 * reader shares: options applied, kind checked against the decisions, closed items' bilag
 * closed too, and the result validated against the model.
 */
import {
  decisionOf,
  effectiveAccess,
  MeetingDocument,
  mostRestrictive,
  type AccessLevel,
  type Absence,
  type AgendaItem,
  type Attendee,
  type Block,
  type DocumentKind,
  type Participant,
} from '../../model/index.js';
import type { ImportOptions } from '../line.js';
import { isoDate, parseIsoDate } from '../structure/dates.js';
import { authorityOf } from '../structure/authority.js';
import { settleDecisions } from '../structure/decisions.js';
import { isOnline } from '../structure/front.js';
import { titleAccess } from './access.js';

export { titleSaysClosed } from './access.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time from `dd-mm-yyyy HH:MM:SS` (SBSYS, eDoc), `dd-mm-yyyy HH:MM` (eDoc 4),
 * `yyyy-mm-dd HH:MM` (Acadre) or ISO `yyyy-mm-ddTHH:MM`; nulls for what is not there.
 */
export function parseDateTime(value: string): { date: string | null; time: string | null } {
  const text = value.trim();
  let date: string | null = null;
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (dmy) date = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  else if (ymd) date = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const t = /[ T](\d{1,2})[:.](\d{2})(?:[:.]\d{2})?/.exec(text);
  const time = date && t && Number(t[1]) < 24 ? `${pad(Number(t[1]))}:${t[2]}` : null;
  return { date, time };
}

/** "True"/"true"/"1" and "False"/"false"/"0" as booleans; null for anything else or nothing. */
export function parseBool(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'ja') return true;
  if (v === 'false' || v === '0' || v === 'nej') return false;
  return null;
}

/** A name with its runs of spaces collapsed ("Anne  Holm " → "Anne Holm"). */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Splits "Anne Holm (A)" into the name and the party letter. */
export function splitParty(raw: string): { name: string; party: string | null } {
  const m = /^(.*?)\s*\(([A-ZÆØÅ]{1,2})\)\s*$/.exec(cleanName(raw));
  return m ? { name: m[1]!, party: m[2]! } : { name: cleanName(raw), party: null };
}

/** A party as a letter ("A", "Ø"); long names (organisations, "Løsgænger") are not letters. */
export function partyLetter(value: string): string | null {
  const v = value.trim();
  return /^[A-ZÆØÅ]{1,2}$/.test(v) ? v : null;
}

/** A role as the model keeps it ("formand", "næstformand"); a plain member has none. */
export function roleOf(value: string): string | null {
  const role = cleanName(value).toLowerCase();
  return role === '' || role === 'medlem' ? null : role;
}

/** A member present (or not yet registered) with the given raw name, party and role. */
export function participant(rawName: string, party: string | null, role: string): Participant {
  const split = splitParty(rawName);
  return { name: split.name, party: party ?? split.party, municipality: null, role: roleOf(role) };
}

/** An afbud; a note such as "Stedfortræder: Ib Hansen" names who attended instead. */
export function absence(member: Participant, note: string): Absence {
  const m = /(?:i stedet deltog|stedfortræder|suppleant)\s*:?\s+(\p{Lu}[\p{L}.\-' ]+)/iu.exec(note);
  return { ...member, substitute: m ? cleanName(m[1]!).replace(/\.$/, '') : null };
}

/** One member as an export lists them: present or not, a note, whom they stand in for. */
export interface AttendanceEntry {
  member: Participant;
  present: boolean;
  /** The export's note on the member ("Stedfortræder: Ib Hansen", "Syg"). */
  note: string;
  /** The member this one stands in for, when the export says so. */
  replaces: string | null;
}

/** Whom a note says a member stands in for ("Stedfortræder for Anne Holm"). */
export function replacesOf(note: string): string | null {
  const m = /(?:stedfortræder|suppleant|i stedet)\s+for\s+(\p{Lu}[\p{L}.\-' ]+)/iu.exec(note);
  return m ? cleanName(m[1]!).replace(/\.$/, '') : null;
}

/**
 * Members present and afbud. A substitute who stands in for an afbud becomes that afbud's
 * `substitute` (stored as a substitute, not as a member present), as in the text importer.
 */
export function attendance(entries: readonly AttendanceEntry[]): { participants: Participant[]; absent: Absence[] } {
  const absent = entries.filter((e) => !e.present).map((e) => absence(e.member, e.note));
  const key = (name: string) => cleanName(name).toLowerCase();
  const participants: Participant[] = [];
  for (const e of entries.filter((x) => x.present)) {
    const replaced = e.replaces ? absent.find((a) => key(a.name) === key(e.replaces!)) : undefined;
    if (replaced && (replaced.substitute === null || key(replaced.substitute) === key(e.member.name))) replaced.substitute = e.member.name;
    else participants.push(e.member);
  }
  return { participants, absent };
}

/** Someone present who is not a member (eDoc 4 externals, eDoc's Sekretær). */
export function attendee(name: string, group: string | null, minuteTaker = false): Attendee {
  return { name: cleanName(name), title: null, organisation: null, group, minuteTaker };
}

/** A committee name as the archive shows it: an all-capitals word ("FORRETNINGSUDVALGET") in sentence case. */
export function bodyName(name: string): string | null {
  const clean = cleanName(name);
  if (clean === '') return null;
  return clean.replace(/\p{Lu}{5,}/gu, (w, offset: number) => (offset === 0 ? w[0] + w.slice(1).toLowerCase() : w.toLowerCase()));
}


/** What a reader found; `finishDocument` turns it into a validated document. */
export interface Draft {
  body: string | null;
  /** The publishing authority when the export names it (municipality, region). */
  authority?: string | null;
  /** The whole document's access when the export states it (Acadre agenda, Aarhus agenda); every item is at least this. */
  access?: AccessLevel | null;
  /** The kind the export states (type, state), or null when it does not say. */
  kind: DocumentKind | null;
  title: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  participants: Participant[];
  absent: Absence[];
  others: Attendee[];
  frontMatter: Block[];
  items: AgendaItem[];
  warnings: string[];
}

/** Applies the options, checks kind and numbering, closes a closed item's bilag and validates. */
export function finishDocument(draft: Draft, options: ImportOptions): MeetingDocument {
  const warnings = [...draft.warnings];
  const decided = draft.items.some((i) => i.decision !== null);
  if (draft.kind === 'agenda' && decided) warnings.push('Marked as an agenda (dagsorden) but records decisions.');
  if (draft.kind === 'minutes' && !decided) warnings.push('Marked as minutes (referat) but records no decisions.');
  const kind = draft.kind ?? (decided ? 'minutes' : 'agenda');

  let date = draft.date;
  if (options.date) {
    const given = parseIsoDate(options.date);
    if (!given) throw new Error(`--date must be a date as YYYY-MM-DD, not "${options.date}"`);
    if (date && date !== given) warnings.push(`The document states ${date}; --date ${given} used instead.`);
    date = given;
  } else if (!date) warnings.push('No meeting date in the export; supply it with --date.');
  const body = options.body ?? draft.body;
  if (!body) warnings.push('No committee in the export; supply it with --body.');
  if (draft.items.length === 0) warnings.push('No agenda items in the export.');

  const seen = new Set<string>();
  for (const item of draft.items) {
    if (seen.has(item.number)) warnings.push(`Item number ${item.number} occurs more than once.`);
    seen.add(item.number);
  }
  const access = draft.access ?? 'public';
  // Exports print earlier meetings' decisions too: only the one dated this meeting is its decision.
  const items = withClosedBilag(draft.items, access).map((item) => {
    const sections = settleDecisions(item.sections, date);
    return sections.some((s, i) => s.type !== item.sections[i]!.type) ? { ...item, sections, decision: decisionOf(sections) } : item;
  });
  return MeetingDocument.parse({
    body,
    authority: options.authority ?? draft.authority ?? authorityOf(body, []),
    access,
    kind,
    title: draft.title,
    date,
    startTime: draft.startTime,
    endTime: draft.endTime,
    location: draft.location,
    online: isOnline(draft.location),
    attendanceNote: null,
    participants: draft.participants,
    absent: draft.absent,
    others: draft.others,
    frontMatter: draft.frontMatter,
    toc: [],
    items,
    warnings,
    source: null,
  });
}

/**
 * A bilag of a closed item may not be published either, whatever its own flag says (eDoc 4
 * marks the bilag of a confidential item "Public"); sub-items of a closed item are closed, every
 * item is at least as restricted as the whole document, and an item or bilag whose title says
 * it is closed ("Lukket punkt: …", "Fortroligt bilag") is so whatever the export's flag says.
 * Items that share a number share the strictest of their levels (see effectiveAccess).
 */
function withClosedBilag(items: readonly AgendaItem[], documentAccess: AccessLevel): AgendaItem[] {
  const titled = items.map((i) => ({
    ...i,
    access: mostRestrictive(i.access, documentAccess, titleAccess(i.title) ?? 'public'),
    attachments: i.attachments.map((a) => ({ ...a, access: mostRestrictive(a.access, titleAccess(a.title) ?? 'public') })),
  }));
  const levels = effectiveAccess(titled);
  return titled.map((item) => {
    const access = levels.get(item.number) ?? item.access;
    if (access === 'public') return item;
    return { ...item, access, attachments: item.attachments.map((a) => ({ ...a, access: mostRestrictive(a.access, access) })) };
  });
}

/** An item number as the model wants it ("3", "3.1"), or null when the export's is not one. */
export function itemNumber(raw: string): string | null {
  const n = raw.trim().replace(/\.$/, '');
  return /^\d+(\.\d+)*$/.test(n) ? n.replace(/^0+(?=\d)/, '') : null;
}
