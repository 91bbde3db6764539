/**
 * @module eDoc 4 / Fujitsu agenda XML (namespace `http://www.fujitsu.dk/agenda/xml/schemas/…`):
 * Root › Committee › Meeting (participants, externals) › Agenda › AgendaElements › AgendaElement
 * (access) › HandlingItem (serial number, title, case number, CasePresentations with
 * IsDecision, Attachments with AccessEnumName).
 */
import type { Absence, AgendaItem, Attendee, DocumentKind, Link, MeetingDocument, Participant, Section } from '../../model/index.js';
import type { ImportOptions } from '../line.js';
import { decisionOf, mostRestrictive, uniqueLinks } from '../../model/index.js';
import { fujitsuAttachmentAccess, fujitsuElementAccess, fujitsuMeetingAccess, titleAccess, type UnknownAccess } from './access.js';
import { fieldSection } from './content.js';
import { all, at, text, textAt, type Element } from './dom.js';
import { attendance, attendee, bodyName, finishDocument, itemNumber, parseBool, parseDateTime, participant, partyLetter, type AttendanceEntry } from './meta.js';

/** The namespace eDoc 4 writes its agenda XML in. */
export const FUJITSU_NAMESPACE = /^http:\/\/www\.fujitsu\.dk\/agenda\/xml\/schemas\//;

/** True for an eDoc 4 root: `Root` with the Fujitsu agenda namespace on it. */
export function isFujitsu(root: Element): boolean {
  return /(^|:)Root$/.test(root.name) && Object.entries(root.attribs).some(([k, v]) => k.startsWith('xmlns') && FUJITSU_NAMESPACE.test(v));
}

/** Reads an eDoc 4 agenda into a validated document. */
export function readFujitsu(root: Element, options: ImportOptions): MeetingDocument {
  const warnings: string[] = [];
  const committee = at(root, 'Committee');
  const meeting = at(committee, 'Meeting');
  const agenda = at(meeting, 'Agenda');
  const start = parseDateTime(textAt(meeting, 'MeetingDateTime'));
  const end = parseDateTime(textAt(meeting, 'EndDateTime'));
  const { participants, absent, others } = members(meeting);
  const elements = all(agenda, 'AgendaElements/AgendaElement')
    .map((el, i) => ({ el, order: Number(textAt(el, 'SortOrder')) || i + 1, serial: Number(textAt(el, 'HandlingItem/SerialNo')) || 0 }))
    .sort((a, b) => a.order - b.order || a.serial - b.serial);
  const items = elements.map(({ el }, i) => item(el, i + 1, warnings));
  // A meeting held as an exception to publicity is closed as a whole.
  const access = fujitsuMeetingAccess(meeting, (field) => warnings.push(`The meeting's ${field} holds a value Referat does not know; the whole agenda is kept closed.`));
  return finishDocument(
    {
      body: bodyName(textAt(committee, 'Name')),
      access,
      kind: kindOf(textAt(root, 'OutputTypeEnumName'), textAt(agenda, 'Type')),
      title: null,
      date: start.date,
      startTime: start.time,
      endTime: end.date === start.date ? end.time : null,
      location: textAt(meeting, 'MeetingLocation') || textAt(committee, 'DefaultLocation') || null,
      participants,
      absent,
      others,
      frontMatter: [],
      items,
      warnings,
    },
    options,
  );
}

/** OutputType "Agenda" and agenda type "Dagsorden" are agendas; minutes say so. */
function kindOf(output: string, type: string): DocumentKind | null {
  const stated = `${output} ${type}`;
  if (/minute|referat|protokol/i.test(stated)) return 'minutes';
  if (/agenda|dagsorden/i.test(stated)) return 'agenda';
  return null;
}

/**
 * Participate true/false → member present or afbud; Represent names the member a substitute
 * stands in for; Secretary marks the minute-taker; externals are guests.
 */
function members(meeting: Element | null): { participants: Participant[]; absent: Absence[]; others: Attendee[] } {
  const entries: AttendanceEntry[] = [];
  const others: Attendee[] = [];
  for (const el of all(meeting, 'MeetingParticipants/MeetingParticipant')) {
    const member = participant(textAt(el, 'Name'), partyLetter(textAt(el, 'PoliticalPartyList')), textAt(el, 'RoleInMeeting'));
    if (member.name === '') continue;
    if (parseBool(textAt(el, 'Secretary')) === true) others.push(attendee(member.name, 'Sekretær', true));
    else entries.push({ member, present: parseBool(textAt(el, 'Participate')) !== false, note: '', replaces: textAt(el, 'Represent') || null });
  }
  for (const el of all(meeting, 'MeetingParticipantExternals/MeetingParticipantExternal')) {
    const name = textAt(el, 'Name');
    if (name) others.push(attendee(name, null));
  }
  return { ...attendance(entries), others };
}

function item(el: Element, position: number, warnings: string[]): AgendaItem {
  const handling = at(el, 'HandlingItem');
  const serial = textAt(handling, 'SerialNo');
  const number = itemNumber(serial) ?? String(position);
  const rawTitle = textAt(handling, 'Title');
  // Public only when the element says so: AccessIsPublic and AccessName, the stricter of them.
  const unknown: UnknownAccess = (field) => warnings.push(`Item ${number}: ${field} holds an access value Referat does not know; it is kept closed.`);
  const access = fujitsuElementAccess(el, unknown);
  const closed = access !== 'public';
  if (number !== serial) {
    // Named only when public: a confidential item's title is closed text.
    const what = access === 'public' && titleAccess(rawTitle) === null ? `Item "${rawTitle}"` : 'A closed item';
    warnings.push(`${what} has no usable serial number ("${serial}"); numbered ${number} by position.`);
  }
  const sections: Section[] = [];
  const links: Link[] = [];
  for (const cp of all(handling, 'CasePresentations/CasePresentation')) {
    const read = fieldSection(textAt(cp, 'Title'), text(at(cp, 'Content')), parseBool(textAt(cp, 'IsDecision')) === true);
    if (!read) continue;
    sections.push(read.section);
    links.push(...read.links);
  }
  const attachments = all(handling, 'Attachments/Attachment')
    .map((a, i) => ({ a, order: Number(textAt(a, 'ShowOrder')) || i }))
    .sort((x, y) => x.order - y.order)
    .map(({ a }) => {
      const title = textAt(a, 'Title');
      const link = textAt(a, 'Link');
      const access = mostRestrictive(fujitsuAttachmentAccess(a, unknown), titleAccess(title) ?? 'public');
      return { title, access, fileName: link ? link.split(/[\\/]/).pop()! : null };
    });
  return {
    number,
    // A confidential item is known to the public by its neutral title, when it has one.
    title: (closed && textAt(handling, 'NeutralTitle')) || rawTitle,
    caseNumber: textAt(handling, 'CaseNumber') || null,
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
