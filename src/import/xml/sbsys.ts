/**
 * @module SBSYS agenda-module `Publication` XML, and the reduced variant Aarhus publishes
 * (Agenda/@ID is a case number, MeetingMember/Participate, Enclosure/IsPublic, sub-items "1.1").
 * One reader serves both: the Aarhus file is a subset of the same schema, and each difference
 * is a field that is either present or not.
 */
import type { Absence, AgendaItem, Attachment, DocumentKind, Link, MeetingDocument, Participant, Section } from '../../model/index.js';
import type { ImportOptions } from '../line.js';
import { blockText, decisionOf, mostRestrictive, uniqueLinks } from '../../model/index.js';
import { authorityOf } from '../structure/authority.js';
import { sbsysAgendaAccess, sbsysEnclosureAccess, sbsysItemAccess, titleAccess, type UnknownAccess } from './access.js';
import { contentBlocks, fieldSection } from './content.js';
import { all, at, text, textAt, type Element } from './dom.js';
import { attendance, bodyName, finishDocument, itemNumber, parseBool, parseDateTime, participant, replacesOf, type AttendanceEntry } from './meta.js';

export type SbsysFormat = 'sbsys' | 'sbsys-aarhus';

/** Whether a `<Publication>` root is the Aarhus variant rather than the full SBSYS export. */
export function sbsysVariant(root: Element): SbsysFormat {
  const agenda = at(root, 'Agendas/Agenda');
  const id = agenda?.attribs.ID ?? '';
  const participate = at(agenda, 'Meeting/Members/MeetingMember/Participate');
  return participate || (id !== '' && !/^\d+$/.test(id)) ? 'sbsys-aarhus' : 'sbsys';
}

/** Reads an SBSYS (or Aarhus) Publication into a validated document. */
export function readSbsys(root: Element, options: ImportOptions): MeetingDocument {
  const warnings: string[] = [];
  const agendas = all(root, 'Agendas/Agenda');
  if (agendas.length === 0) throw new Error('SBSYS Publication without an Agenda element');
  if (agendas.length > 1) warnings.push(`The publication holds ${agendas.length} agendas; only the first is imported.`);
  const agenda = agendas[0]!;
  const meeting = at(agenda, 'Meeting');
  const start = parseDateTime(textAt(meeting, 'When'));
  const end = parseDateTime(textAt(meeting, 'Until'));
  const { participants, absent } = members(all(meeting, 'Members/MeetingMember'));

  const aarhus = sbsysVariant(root) === 'sbsys-aarhus';
  const elements = all(agenda, 'Items/Item');
  const numberOfZero = zeroNumbering(elements.map((el) => itemNumber(textAt(el, 'Number'))));
  const items: AgendaItem[] = [];
  elements.forEach((el, index) => {
    const raw = textAt(el, 'Number');
    let number = itemNumber(raw);
    const caption = textAt(el, 'Caption');
    // A left-out or renumbered item is named in a warning only when it is public: its caption may be closed text.
    const open = sbsysItemAccess(el, () => {}) === 'public' && titleAccess(caption) === null;
    if (number === '0' && aarhus) {
      // Aarhus numbers 0 the items it adds after the agenda ("Åbent referat", "Lukket referat",
      // which carry the minutes as files): items of the meeting, numbered by their place; their
      // own IsPublic and access word keep a closed one closed.
      number = numberOfZero.get(index)!;
      warnings.push(`${open ? `Item "${caption}"` : 'A closed item'} is numbered 0 in the export; read as item ${number}, after the numbered items.`);
    } else if (number === '0') {
      // The full SBSYS export gives no number-0 item a meaning of its own: left out, as before.
      const what = open ? `"${caption}"` : 'A closed item';
      warnings.push(`${what} is numbered 0 (${all(el, 'Enclosures/Enclosure').length} file(s)), not an agenda item; left out.`);
      return;
    }
    if (number === null) {
      warnings.push(open ? `Item "${caption}" has no usable number ("${raw}"); left out.` : 'A closed item has no usable number; left out.');
      return;
    }
    items.push(item(el, number, caption, warnings));
  });
  const frontMatter = contentBlocks(textAt(agenda, 'Frontpage'));
  const unknownAgenda: UnknownAccess = (field) => warnings.push(`The agenda's ${field} holds an access value Referat does not know; the whole agenda is kept closed.`);

  return finishDocument(
    {
      body: bodyName(textAt(agenda, 'Committee/Name')),
      // Aarhus names the organisation; either export's front page may name the municipality.
      authority: authorityOf(null, [textAt(agenda, 'Organisation'), ...frontMatter.slice(0, 10).map(blockText)]),
      access: sbsysAgendaAccess(agenda, unknownAgenda),
      kind: kindOf(root, agenda),
      title: textAt(agenda, 'Name') || null,
      date: start.date,
      startTime: start.time,
      endTime: end.date === start.date ? end.time : null,
      location: textAt(meeting, 'Where') || null,
      participants,
      absent,
      others: [],
      frontMatter,
      items,
      warnings,
    },
    options,
  );
}

/**
 * Numbers for the items an export numbers 0, by position: each takes the next whole number after
 * the highest top-level number of all the export's numbered items and of the 0-items before it
 * ("1", "1.1", "2", "3", 0, 0 → 4, 5). Counting from the highest number of the whole export, not
 * of the items before, keeps the numbers unique wherever in the list the 0-items stand.
 */
export function zeroNumbering(numbers: ReadonlyArray<string | null>): Map<number, string> {
  // BigInt and a loop: a number past 2^53 as a Number printed as "1e+21" (no item number), and
  // Math.max(...numbers) overflows the stack for an export of many thousands of items.
  let top = 0n;
  for (const n of numbers) if (n !== null && n !== '0') top = BigInt(n.split('.')[0]!) > top ? BigInt(n.split('.')[0]!) : top;
  const out = new Map<number, string>();
  numbers.forEach((n, i) => {
    if (n === '0') out.set(i, String(++top));
  });
  return out;
}

/** PublicationType 0 Draft (foreløbig dagsorden) and 1 Final (endelig dagsorden) are agendas; 2 is minutes. */
function kindOf(root: Element, agenda: Element): DocumentKind | null {
  const value = textAt(agenda, 'PublicationTypeAsValue') || textAt(root, 'PublicationTypeAsValue');
  const name = textAt(agenda, 'PublicationTypeAsEnum') || textAt(root, 'PublicationTypeAsEnum');
  if (/minutes|referat/i.test(name) || value === '2') return 'minutes';
  if (/draft|final|dagsorden/i.test(name) || value === '0' || value === '1') return 'agenda';
  return null;
}

/**
 * Attendance: status 1 and 4 took part and 0 (NotDecided) is not yet registered — both are
 * listed as members — every other status is an afbud. Aarhus writes the value as Participate.
 */
function members(list: Element[]): { participants: Participant[]; absent: Absence[] } {
  const entries: AttendanceEntry[] = [];
  for (const el of list) {
    const member = participant(textAt(el, 'Name') || textAt(el, 'Member/Name'), null, textAt(el, 'MeetingMemberRolesList'));
    if (member.name === '') continue;
    const value = textAt(el, 'ParticipationStatusAsValue') || textAt(el, 'Participate');
    const note = textAt(el, 'ParticipationNote');
    entries.push({ member, present: takesPart(value, textAt(el, 'ParticipationStatusAsText')), note, replaces: replacesOf(note) });
  }
  return attendance(entries);
}

function takesPart(value: string, status: string): boolean {
  if (/not\s*participat|absent|afbud|forfald|fravær/i.test(status)) return false;
  if (['0', '1', '4'].includes(value) || /^(notdecided|participat|present)/i.test(status)) return true;
  return parseBool(value) ?? (value === '' && status === '');
}

function item(el: Element, number: string, caption: string, warnings: string[]): AgendaItem {
  // An item is public only when the export says so.
  const access = sbsysItemAccess(el, (field) => warnings.push(`Item ${number}: ${field} holds an access value Referat does not know; the item is kept closed.`));
  const fields = all(el, 'Fields/ItemField')
    .map((f, i) => ({ f, index: Number(textAt(f, 'Index')) || i + 1 }))
    .sort((a, b) => a.index - b.index);
  const sections: Section[] = [];
  const links: Link[] = [];
  for (const { f } of fields) {
    const read = fieldSection(textAt(f, 'Caption'), text(at(f, 'Content')), parseBool(textAt(f, 'IsFeedback')));
    if (!read) continue;
    sections.push(read.section);
    links.push(...read.links);
  }
  const attachments: Attachment[] = all(el, 'Enclosures/Enclosure').map((e) => {
    const title = textAt(e, 'Name') || fileName(textAt(e, 'FileName'));
    const byTitle = titleAccess(title);
    // Warnings are kept with the document, so they never repeat a closed bilag's title.
    if (byTitle) warnings.push(`Item ${number}: a bilag is kept closed because its title says it is not public.`);
    const flag = sbsysEnclosureAccess(e, (field) => warnings.push(`Item ${number}: a bilag's ${field} holds an access value Referat does not know; it is kept closed.`));
    return { title, access: mostRestrictive(flag, byTitle ?? 'public'), fileName: fileName(textAt(e, 'FileName')) || null };
  });
  return {
    number,
    title: caption,
    caseNumber: textAt(el, 'Case/Number') || null,
    caseOfficers: [],
    presenters: [],
    sections,
    attachments,
    links: uniqueLinks(links),
    decision: decisionOf(sections),
    absent: [],
    access,
  };
}

/** The last part of a Windows or POSIX path ("P:\\…\\Bilag 1.pdf" → "Bilag 1.pdf"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop()!.trim();
}
