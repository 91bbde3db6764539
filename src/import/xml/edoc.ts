/**
 * @module eDoc agenda publishing (`eDocAgendaPublishing.xml`): root `<Meeting>` with Committee,
 * MeetingDate and MeetingState, agenda types ("Åben dagsorden", "Lukket dagsorden") holding
 * MeetingAgendaItems. An item's text is the plain `FullText` of its Word document, split here
 * into sections at the headings eDoc's templates write; the agenda type's own FullText is the
 * front page, which holds the place and the attendance lists.
 */
import type { AccessLevel, Absence, AgendaItem, Attachment, Attendee, Block, DocumentKind, MeetingDocument, Participant, Section } from '../../model/index.js';
import type { ImportOptions, Line } from '../line.js';
import { decisionOf, mostRestrictive } from '../../model/index.js';
import { authorityOf } from '../structure/authority.js';
import { edocAgendaTypeAccess, edocDocumentAccess, ignoreUnknown, titleAccess, type UnknownAccess } from './access.js';
import { captionType, linesToBlocks, plainTextLines } from './content.js';
import { all, at, textAt, type Element } from './dom.js';
import { absence, attendee, bodyName, finishDocument, itemNumber, parseDateTime, participant } from './meta.js';
/** Headings of eDoc's item templates that carry no section type of their own. */
const OTHER_HEADINGS = /^(beslutningen træffes af|sagen afgøres af|kommunikation|lovgrundlag|høring|høringssvar|tidsplan|bemærkninger)$/i;
/** A bilag line under "Bilag": "2012-200782 - Bygningsliste og prioriteringssystem". */
const BILAG_LINE = /^(\d{4}[-–]\d{3,})\s+[-–]\s+(.+)$/;
/** The heading eDoc writes above an item's bilag lines. */
const BILAG_HEADING = /^bilag:?$/i;

/** Reads an eDoc agenda publishing file into a validated document. */
export function readEdoc(root: Element, options: ImportOptions): MeetingDocument {
  const warnings: string[] = [];
  const start = parseDateTime(textAt(root, 'MeetingDate'));
  const state = textAt(root, 'MeetingState');
  const kind: DocumentKind | null = /referat/i.test(state) ? 'minutes' : state ? 'agenda' : null;
  const types = all(root, 'MeetingAgendaTypes/MeetingAgendaType').map((el, i) => ({
    el,
    access: edocAgendaTypeAccess(el, (field) => warnings.push(`Agenda type ${i + 1}: ${field} holds an access value Referat does not know; its items are kept closed.`)),
  }));
  const items = types
    .flatMap((type) => all(type.el, 'MeetingAgendaItems/MeetingAgendaItem').map((el) => item(el, type.access, warnings)))
    .filter((i): i is AgendaItem => i !== null)
    .sort((a, b) => compareNumbers(a.number, b.number));
  // The open agenda's front page lists the place and who attended; a closed agenda's is never read.
  const open = types.find((t) => t.access === 'public');
  const frontText = textAt(open?.el, 'FullText');
  const front = frontPage(frontText);
  return finishDocument(
    {
      body: bodyName(textAt(root, 'Committee')),
      authority: authorityOf(null, headerLines(frontText)),
      // Only closed agenda types: the whole document is closed.
      access: types.length > 0 && !open ? mostRestrictive(...types.map((t) => t.access)) : 'public',
      kind,
      title: null,
      date: start.date,
      startTime: start.time,
      endTime: null,
      location: front.location,
      participants: front.participants,
      absent: front.absent,
      others: front.others,
      frontMatter: [],
      items,
      warnings,
    },
    options,
  );
}

function item(el: Element, typeAccess: AccessLevel, warnings: string[]): AgendaItem | null {
  const doc = at(el, 'Document');
  const raw = textAt(el, 'AgendaItemNumber');
  const number = itemNumber(raw);
  const title = textAt(doc, 'Title') || textAt(doc, 'NeutralTitle');
  if (number === null) {
    // Named only when public: a closed item's title is closed text.
    const open = mostRestrictive(typeAccess, edocDocumentAccess(doc, ignoreUnknown), titleAccess(title) ?? 'public') === 'public';
    warnings.push(open ? `Item "${title}" has no usable number ("${raw}"); left out.` : 'A closed item has no usable number; left out.');
    return null;
  }
  const unknown: UnknownAccess = (field) => warnings.push(`Item ${number}: ${field} holds an access value Referat does not know; it is kept closed.`);
  // As eDoc's publishing module: only "SKAL PUBLICERES" in an open agenda type is public.
  const access = mostRestrictive(typeAccess, edocDocumentAccess(doc, unknown));
  const closed = access !== 'public';
  const attachments: Attachment[] = all(doc, 'Attachments/Attachment').map((a) => ({
    title: textAt(a, 'Title') || textAt(a, 'NeutralTitle'),
    access: edocDocumentAccess(a, unknown),
    fileName: textAt(a, 'PDFDocument') || null,
  }));
  const body = itemText(textAt(el, 'FullText'), attachments, warnings);
  return {
    number,
    // A closed item is known to the public by its neutral title, when it has one.
    title: (closed && textAt(doc, 'NeutralTitle')) || title,
    caseNumber: textAt(doc, 'CaseLogicIdentifier') || textAt(doc, 'Case/CaseLogicIdentifier') || body.caseNumber,
    caseOfficers: [],
    presenters: [],
    sections: body.sections,
    attachments,
    links: [],
    decision: decisionOf(body.sections),
    absent: [],
    access,
  };
}

/** The front page's lines before its attendance lists and contents: the header, which may name the municipality. */
function headerLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  const end = lines.findIndex((l) => /^(tilstede|til stede|deltagere|fremmødte|afbud|fraværende|indholdsfortegnelse)\b/i.test(l));
  return lines.slice(0, end < 0 ? 10 : Math.min(end, 10));
}

/** True for a line that starts a section in eDoc's item text. */
function isSectionHeading(line: Line): boolean {
  const t = line.text.trim();
  // A heading stands alone: no sentence punctuation, no clause ("Forvaltningen foreslår, at").
  if (!line.breakBefore || line.list || line.cells || t.length > 100 || /[.,;!?]$/.test(t) || /,\s|\bat$/.test(t)) return false;
  return OTHER_HEADINGS.test(t.replace(/:$/, '')) || captionType(t) !== 'other';
}

/**
 * Splits an item's FullText: the "N.<tab>Title" line is the heading already known, "Sagsnr.:"
 * gives the case number, "Dok.nr.:" (eDoc's own document id) is dropped, and each known
 * heading starts a section. "Bilag" starts one when only bilag lines follow it; inside
 * "Meddelelser" it heads the bilag of one announcement and stays a sub-heading.
 */
export function itemText(
  fullText: string,
  attachments: readonly Attachment[],
  warnings: string[] = [],
): { sections: Section[]; caseNumber: string | null } {
  const lines = plainTextLines(fullText);
  if (lines[0] && /^\d+(\.\d+)*\.?$/.test(lines[0].cells?.[0] ?? '')) lines.shift();
  let caseNumber: string | null = null;
  while (lines[0] && /^(sagsnr|dok\.?\s*nr)\.?\s*:/i.test(lines[0].text)) {
    const line = lines.shift()!;
    const m = /^sagsnr\.?\s*:\s*(\S+)/i.exec(line.text);
    if (m) caseNumber = m[1]!;
  }
  if (lines[0]) lines[0] = { ...lines[0], breakBefore: true };
  const bilagSection = (i: number) => {
    for (let j = i + 1; j < lines.length && !isSectionHeading(lines[j]!); j++) {
      if (!BILAG_LINE.test(lines[j]!.text) && !/^ingen\.?$/i.test(lines[j]!.text)) return false;
    }
    return true;
  };
  const raw: Array<{ heading: string | null; lines: Line[] }> = [];
  lines.forEach((line, i) => {
    const bilag = BILAG_HEADING.test(line.text) && line.breakBefore && bilagSection(i);
    if (bilag || isSectionHeading(line)) raw.push({ heading: line.text.trim().replace(/\s*:$/, ''), lines: [] });
    else {
      if (raw.length === 0) raw.push({ heading: null, lines: [] });
      raw.at(-1)!.lines.push(line);
    }
  });
  const sections = raw
    .map((s): Section => {
      const blocks = withBilag(linesToBlocks(s.lines), s.heading !== null && BILAG_HEADING.test(s.heading), attachments, warnings);
      // Plain text has no styles, so a short first line ("Indstillingen godkendt") looks like a
      // sub-heading; right under the section's own heading it is the section's first paragraph.
      const first = blocks[0];
      if (s.heading !== null && first?.kind === 'heading') blocks[0] = { kind: 'paragraph', text: first.text };
      return { heading: s.heading, type: s.heading ? captionType(s.heading) : 'other', blocks };
    })
    .filter((s) => s.heading !== null || s.blocks.length > 0);
  return { sections, caseNumber };
}

/**
 * The lines under "Bilag" name the item's bilag ("2012-200782 - Title"): they become attachment
 * blocks titled exactly as the structured attachment they name, so that a closed bilag's
 * reference is filtered wherever the archive filters closed bilag. When the item has closed
 * bilag, a line that names none of its bilag exactly could be one of them: it is left out.
 */
function withBilag(blocks: Block[], underBilagHeading: boolean, attachments: readonly Attachment[], warnings: string[]): Block[] {
  let underBilag = underBilagHeading;
  const anyClosed = attachments.some((a) => a.access !== 'public');
  const result: Block[] = [];
  for (const block of blocks) {
    const text = block.kind === 'paragraph' || block.kind === 'heading' ? block.text.trim() : '';
    const m = BILAG_LINE.exec(text);
    if (underBilag && block.kind === 'paragraph' && m) {
      const written = m[2]!.trim();
      const known = attachments.find((a) => sameTitle(a.title, written));
      if (!known && anyClosed) {
        // The warning must not repeat the line: it may be the title of a closed bilag.
        warnings.push('A bilag line names none of the item\'s bilag exactly, and the item has closed bilag; left out.');
        continue;
      }
      result.push({ kind: 'attachment', title: known?.title ?? written, marker: m[1]! });
      continue;
    }
    underBilag = BILAG_HEADING.test(text) || (underBilag && result.at(-1)?.kind === 'attachment');
    result.push(block);
  }
  return result;
}

function sameTitle(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return key(a) === key(b) || (key(b).length >= 20 && key(a).startsWith(key(b)));
}

/** Numeric order of item numbers ("2" before "10", "3" before "3.1"). */
function compareNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Place and attendance from the front page text ("Tilstede", "Afbud/Fraværende", "Sekretær"). */
function frontPage(text: string): { location: string | null; participants: Participant[]; absent: Absence[]; others: Attendee[] } {
  const participants: Participant[] = [];
  const absent: Absence[] = [];
  const others: Attendee[] = [];
  let location: string | null = null;
  let group: 'present' | 'absent' | 'secretary' | null = null;
  let previous = '';
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (/^(indholdsfortegnelse|åben dagsorden|åbent referat|lukket dagsorden|lukket referat)$/i.test(line) && group) break;
    // "tirsdag den 4. december 2012, kl. 13:00" is followed by "i Mødecenter C, …".
    if (!location && /\bkl\.\s*\d/.test(previous) && /^i\s+\S/.test(line)) location = line.slice(2).trim();
    previous = line;
    if (/^(tilstede|til stede|deltagere|fremmødte)$/i.test(line)) group = 'present';
    else if (/^(afbud|fraværende|afbud\s*\/\s*fraværende|fravær)$/i.test(line)) group = 'absent';
    else if (/^(sekretær|referent)$/i.test(line)) group = 'secretary';
    else if (group) {
      // "Anne Holm (A) - formand"
      // "Lene Ravn (O), i stedet deltog Bo Frost": the substitute clause is not part of the name.
      const [who = '', role = ''] = line.replace(/,?\s*i stedet deltog\b.*$/i, '').split(/\s+-\s+/);
      const member = participant(who, null, role);
      if (group === 'present') participants.push(member);
      else if (group === 'absent') absent.push(absence(member, line));
      // The committee's secretary keeps the minutes.
      else others.push(attendee(who, 'Sekretær', true));
    }
  }
  return { location, participants, absent, others };
}
