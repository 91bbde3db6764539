/**
 * @module The structure stage: styled lines from any reader → a validated MeetingDocument.
 * Finds the table of contents, the item headings, the front matter, and each item's sections.
 */
import { blockText, comparable, MeetingDocument, mostRestrictive, type AgendaItem, type DocumentKind, type TocEntry } from '../../model/index.js';
import { plainLine, type ImportOptions, type Line } from '../line.js';
import type { LayoutHints } from './blocks.js';
import { parseIsoDate } from './dates.js';
import { authorityOf } from './authority.js';
import { parseCaseLineAbove } from './case-number.js';
import { leadsAbove } from './lead.js';
import { bodyFromDecisions, bodyFromHeader, cleanBodyName, isBodyName } from './body.js';
import { itemApprovesAgenda, readFrontMatter, titleCase } from './front.js';
import { findItemHeadings } from './headings.js';
import { meetingFacts, signOffStart } from './meeting-facts.js';
import { partRunIns } from './run-in.js';
import { HEADING_WORDS } from '../lexicon/index.js';
import { recordItemAbsences } from './item-absence.js';
import { buildItem, textUrls } from './item.js';
import { recordHeadlessMinutes, slotIndex } from './headless-minutes.js';
import { unlistSectionHeadings } from './sections.js';
import { typicalWidth } from './join.js';
import { extractToc } from './toc.js';

/**
 * Whether lines are visual lines of wrapped paragraphs (PDF) rather than one line per paragraph:
 * wrapped text runs on into the next line mid-sentence, so many continuation lines start in
 * lower case; a one-line-per-paragraph text without blank lines does not.
 */
export function layoutOf(lines: readonly Line[]): LayoutHints {
  const prose = lines.filter((l) => !l.list && !l.cells && !l.annotation);
  const runsOn = prose.map((l, i) => prose[i + 1] !== undefined && !prose[i + 1]!.breakBefore && !prose[i + 1]!.pageBreakBefore);
  const continued = prose.filter((l, i) => i > 0 && runsOn[i - 1]);
  const midSentence = continued.filter((l) => /^\p{Ll}/u.test(l.text)).length;
  const wrapped = prose.length > 0 && continued.length / prose.length > 0.3 && midSentence / continued.length > 0.2;
  return { wrapped, width: typicalWidth(prose.map((l) => l.text), runsOn) };
}

const NO_ITEMS = 'No numbered agenda items found.';
/** The warning of a document with a readable meeting header (date, body or kind) but no items. */
const HEADER_ONLY = 'No numbered agenda items found; only the meeting header was imported.';

/** Whether a structured document is a meeting document: items, or a header stating date, body or kind. */
export function isMeetingDocument(doc: MeetingDocument): boolean {
  return doc.items.length > 0 || doc.warnings.includes(HEADER_ONLY);
}

/** Builds the meeting document from a reader's lines. */
export function structureDocument(read: readonly Line[], options: ImportOptions = {}): MeetingDocument {
  const warnings: string[] = [];
  // Text a page's copy ran together (a control's label before a heading, a heading after a sentence), parted.
  // Section headings a page prints as bullets are headings (sections.ts).
  const lines = unlistSectionHeadings(partRunIns(read));
  const hints = layoutOf(lines);
  const toc = extractToc(lines);
  const headings = findItemHeadings(lines, toc.lineIndexes, toc.entries);
  const firstItem = headings.find((h) => !h.fromToc)?.index ?? lines.length;
  // Lines printed above a heading that are its item's (its case line, the page's summary line of
  // it) belong to the item below, not to the text above.
  const leads = leadsAbove(lines, headings.filter((h) => !h.fromToc));
  const aboveLines = new Set([...leads.values()].flatMap((l) => l.lines));
  const frontLines = lines.slice(0, firstItem).filter((_, i) => !toc.lineIndexes.has(i) && !aboveLines.has(i));
  const front = readFrontMatter(frontLines, hints);
  // Where each item's head begins (after a heading's title lines), for learning its case-number token.
  const heads = headings.filter((h) => !h.fromToc).map((h) => ({ index: h.index + h.titleLines }));
  const context = { lines, headings: heads, date: options.date ?? front.date };
  const items = headings.map((h, i) => {
    if (h.fromToc) {
      warnings.push(`Item ${h.number} "${h.title}" has no heading in the text; taken from the table of contents.`);
      return buildItem(h, plainLine(h.title), [], hints, context);
    }
    const start = h.index + 1 + h.titleLines;
    const end = Math.min(headings[i + 1]?.index ?? lines.length, lines.length);
    const lead = leads.get(h.index);
    const own = (lead?.lines ?? []).filter((j) => j !== lead!.caseLine && !toc.lineIndexes.has(j)).map((j) => lines[j]!);
    const body = [...own, ...lines.slice(start, end).filter((_, j) => !toc.lineIndexes.has(start + j) && !aboveLines.has(start + j))];
    withoutItemFurniture(body, h.number, i < headings.length - 1);
    // The minutes' sign-off under the last item ("Referent:" / name / date) is not that item's text.
    const signOff = i === headings.length - 1 ? signOffStart(body) : -1;
    if (signOff > 0) body.splice(signOff);
    const item = buildItem(h, lines[h.index]!, body, hints, context);
    if (h.access) item.access = mostRestrictive(item.access, h.access);
    const caseAbove = lead?.caseLine != null ? parseCaseLineAbove(lines[lead.caseLine]!.text) : null;
    if (caseAbove && item.caseNumber === null) [item.caseNumber, item.caseOfficers] = [caseAbove.caseNumber, caseAbove.officers];
    return item;
  });
  dropCoveredAnnotations(items);
  recordItemAbsences(items, front.absent, front.participants, front.blocks);
  if (items.length === 0) warnings.push(front.date || front.body || front.kindHint ? HEADER_ONLY : NO_ITEMS);
  const present = new Set(front.participants.map((p) => p.name));
  for (const a of front.absent) if (present.has(a.name)) warnings.push(`"${a.name}" is listed both under Deltagere and under Afbud.`);
  warnings.push(...crossCheckToc(toc.entries, items));

  const decided = bodyFromDecisions(items, front.date);
  // What the first items say of the meeting ("Mødet i X begyndte kl. 14:30"), where the header is silent.
  const facts = meetingFacts(items);
  const body = chooseBody(front.body && cleanBodyName(front.body), items, options, warnings, front.title, frontLines.slice(0, 12).map((l) => l.text), decided?.body ?? facts.body);
  // Without a date in the header, the date of this meeting's decisions is the meeting's.
  const date = chooseDate(front.date ?? decided?.date ?? facts.date, options, warnings);
  // An item recording the verdict on the agenda ("3.Godkendelse af dagsorden." / "Godkendt …") makes minutes of a page that does not say.
  const kind = chooseKind(front.kindHint ?? (items.some(itemApprovesAgenda) ? 'minutes' : null), items, warnings);
  if (kind === 'minutes') {
    // Items printing the agenda's time slot ("18.05 - 18.15") between the agenda's text and the
    // meeting's note: a layout when two items or more do (Aula's school-board pages).
    const slotted = items.filter((i) => slotIndex(i) >= 0).length >= 2;
    // Minutes none of whose items has a decision heading, each item's text under the one heading
    // its page system prints for all ("Sagsfremstilling"): that text is what the meeting recorded.
    const uniform = !items.some((i) => i.decision !== null);
    for (const item of items) recordHeadlessMinutes(item, slotted, uniform);
  }
  // The header: the document's title and the lines before the first item.
  const header = [front.title ?? '', ...frontLines.slice(0, 40).map((l) => l.text)];
  return MeetingDocument.parse({
    body,
    authority: options.authority ?? authorityOf(body, header),
    kind,
    title: front.title,
    date,
    startTime: front.startTime ?? facts.startTime,
    endTime: front.endTime ?? facts.endTime,
    location: front.location,
    online: front.online,
    attendanceNote: front.attendanceNote,
    participants: front.participants,
    absent: front.absent,
    others: front.others,
    frontMatter: front.blocks,
    toc: toc.entries,
    items,
    warnings,
    source: null,
  });
}

/** "Punkt 3:" alone: a page's label of the item its text continues. */
const ITEM_LABEL = /^(?:punkt|pkt\.?)\s*(\d{1,3}(?:\.\d{1,2})?)\s*:?$/iu;
/** A line in capitals: a group heading ("ØKONOMIUDVALGET") when it is a body's name. */
const CAPITALS = /^[\p{Lu}\d\s\-–&,.]+$/u;

/**
 * Lines of an item's text that are no part of it: the item's own label at its start ("Punkt 1:",
 * a page's label of the item continued), and, before the next item's heading, a body's name in
 * capitals alone ("ØKONOMIUDVALGET": the committee whose cases follow, the agenda's group heading).
 */
function withoutItemFurniture(body: Line[], number: string, followed: boolean): void {
  const at = body.findIndex((l) => l.text.trim() !== '');
  const label = at >= 0 ? ITEM_LABEL.exec(body[at]!.text.trim()) : null;
  if (label && label[1] === number) body.splice(at, 1);
  if (!followed) return;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.text.trim() === '') last--;
  const text = last >= 0 ? body[last]!.text.trim() : '';
  if (last > 0 && text.length <= 60 && CAPITALS.test(text) && /\p{Lu}{4}/u.test(text) && isBodyName(titleCase(text))) body.splice(last, 1);
  // The agenda's group heading over the next items ("Punkter til drøftelse"), a paragraph of its own.
  else if (last > 0 && body[last]!.breakBefore && HEADING_WORDS.groupLines.some((p) => p.test(text))) body.splice(last, 1);
}

/**
 * A PDF prints link addresses again at page ends; where the text itself spells the address
 * out (anywhere in the document) the printed copy adds nothing.
 */
function dropCoveredAnnotations(items: AgendaItem[]): void {
  const written = items.flatMap((i) => textUrls(i.sections.flatMap((s) => s.blocks)));
  const covered = (url: string) => written.some((w) => w.startsWith(url) || url.startsWith(w));
  for (const item of items) {
    item.links = item.links.filter((l) => l.text !== null || l.url === null || !covered(l.url));
  }
}

/** Minutes when the document says so or records decisions; the two must agree. */
function chooseKind(hint: DocumentKind | null, items: readonly AgendaItem[], warnings: string[]): DocumentKind {
  const decided = items.some((i) => i.decision !== null);
  if (hint === 'agenda' && decided) warnings.push('Marked as an agenda (dagsorden) but records decisions.');
  if (hint === 'minutes' && !decided) warnings.push('Marked as minutes (referat) but records no decisions.');
  return hint ?? (decided ? 'minutes' : 'agenda');
}

/**
 * The body: stated in the header, else the body that approves its own agenda/minutes in the first
 * items, else the one the title names ("… møde i Børne- og Skoleudvalget").
 */
function chooseBody(
  stated: string | null,
  items: readonly AgendaItem[],
  options: ImportOptions,
  warnings: string[],
  title: string | null,
  header: readonly string[],
  decided: string | null,
): string | null {
  if (options.body) return options.body;
  if (stated) return stated;
  for (const item of items.slice(0, 3)) {
    // A section's heading too: "Formanden indstiller" may head the recommendation it makes.
    const text = item.sections
      .flatMap((s) => [s.heading ?? '', ...s.blocks.map((b) => (b.kind === 'paragraph' || b.kind === 'list' ? blockText(b) : ''))])
      .join(' ');
    // "Det indstilles, at X godkender dagsordenen", "Formanden indstiller, 1. at X godkender dagsordenen".
    const m = /\bindstill(?:es|er),?\s+(?:\d{1,2}\.\s+)?at ([\p{Lu}][\p{L}\- ]+?) godkender (?:dagsordenen|referatet)/u.exec(text);
    if (m) {
      warnings.push(`No body stated in the header; "${m[1]}" taken from item ${item.number}, which approves its own ${/referatet/.test(m[0]) ? 'minutes' : 'agenda'}.`);
      return m[1]!;
    }
  }
  // "Dagsorden til møde i Børne- og Skoleudvalget [den …]": the title names the body.
  const named = title && /\bmøde i (.+?)(?:\s+den\s+\d.*)?$/i.exec(title);
  if (named) return cleanBodyName(named[1]!);
  // A header line that is a body's name ("Kommunalbestyrelsen"), or the body whose decisions the items record.
  const fromHeader = bodyFromHeader(header);
  if (fromHeader) return fromHeader;
  if (decided) {
    warnings.push(`No body stated in the header; "${decided}" taken from the decisions the items record.`);
    return decided;
  }
  warnings.push('No body stated in the document; supply it with --body.');
  return null;
}

function chooseDate(stated: string | null, options: ImportOptions, warnings: string[]): string | null {
  if (options.date) {
    const date = parseIsoDate(options.date);
    if (!date) throw new Error(`--date must be a date as YYYY-MM-DD, not "${options.date}"`);
    if (stated && stated !== date) warnings.push(`The document states ${stated}; --date ${date} used instead.`);
    return date;
  }
  if (!stated) warnings.push('No meeting date stated in the document; supply it with --date.');
  return stated;
}


/** Compares the table of contents with the items found: numbers and titles. */
export function crossCheckToc(toc: readonly TocEntry[], items: readonly AgendaItem[]): string[] {
  const warnings: string[] = [];
  const byNumber = new Map(items.map((i) => [i.number, i]));
  for (const entry of toc) {
    if (entry.number === null) continue;
    const item = byNumber.get(entry.number);
    if (!item) warnings.push(`Table of contents lists item ${entry.number} "${entry.title}", not found in the text.`);
    else if (comparable(item.title) !== comparable(entry.title)) {
      warnings.push(`Item ${entry.number}: title "${item.title}" differs from the table of contents ("${entry.title}").`);
    }
  }
  const listed = new Set(toc.map((e) => e.number));
  if (toc.some((e) => e.number?.includes('.'))) {
    for (const item of items) if (!listed.has(item.number)) warnings.push(`Item ${item.number} is not in the table of contents.`);
  }
  return warnings;
}
