/**
 * @module One agenda item from its heading and body lines: title (joined across lines),
 * presenters ("v. …"), case number and officers (case-number.ts), sections, bilag, links, and
 * this meeting's decision (decisions.ts).
 */
import { attachmentTitle, blockText, decisionOf, uniqueLinks, type AgendaItem, type Attachment, type Block } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { ATTACHMENT_MARKER, type LayoutHints } from './blocks.js';
import { headingCandidate, type ItemHeading } from './headings.js';
import { joinBroken } from './join.js';
import { findCaseSlot, isSlotLine, parseCaseLine, type CaseLine } from './case-number.js';
import { settleDecisions } from './decisions.js';
import { itemContext, NO_CONTEXT, type ItemDocument } from './item-context.js';
import { CASE_SLOT_LABELS } from '../lexicon/index.js';
import { buildSections, sectionHeading } from './sections.js';

export { parseCaseLine, type CaseLine } from './case-number.js';

const PRESENTER = /\s+v\/?\.?\s+(\p{Lu}[\p{L}.\-' ]+?(?:\s+og\s+\p{Lu}[\p{L}.\-' ]+?)*)\.?$/u;

/**
 * "J.nr. 5 DanFiber salg af aktier": a numbered case label and its value before a capitalised title
 * (contents that print each entry's journal number first). The labels with a number word only
 * ("J.nr.", "Sagsnr."), not the bare "Sag" a title may start with.
 */
const LEADING_CASE = new RegExp(
  String.raw`^(?:${CASE_SLOT_LABELS.filter((l) => l.role === 'case')
    .flatMap((l) => l.pattern.split('|'))
    .filter((p) => /nr|nummer/.test(p))
    .join('|')})\s*:?\s*(\d[\w./-]*)\s+(?=\p{Lu})`,
  'iu',
);

/** Splits "Title v. Name og Name" into title and presenters. */
export function splitPresenters(title: string): { title: string; presenters: string[] } {
  const m = PRESENTER.exec(title);
  if (!m) return { title, presenters: [] };
  const presenters = m[1]!.split(/\s*(?:,|\bog\b)\s*/).map((s) => s.trim()).filter(Boolean);
  return { title: title.slice(0, m.index).trim(), presenters };
}

/** Builds an agenda item from its heading and the lines up to the next heading. */
export function buildItem(heading: ItemHeading, headingLine: Line, body: readonly Line[], hints: LayoutHints, document?: ItemDocument): AgendaItem {
  const context = document ? itemContext(document) : NO_CONTEXT;
  const shape = context.caseShape;
  let title = heading.title;
  const lines = [...body];
  // KD-Net sometimes runs the recommendation into the heading line.
  const runIn = /\s+(Det indstilles\b.*)$/.exec(title);
  if (runIn) {
    title = title.slice(0, runIn.index);
    lines.unshift(plainLine(runIn[1]!, { breakBefore: true, italic: headingLine.italic }));
  }
  // The title goes on over following lines until a break, the case line or a section.
  while (lines.length > 0 && continuesTitle(lines[0]!, hints, shape)) title = joinBroken(title, lines.shift()!.text);
  // A line that is the case slot and nothing more, right under the heading, is the item's case
  // line: read into caseNumber/caseOfficers, not text. Other slot arrangements stay text.
  let caseLine: CaseLine | null = null;
  const caseIndex = lines.slice(0, 3).findIndex((l) => !l.cells && !l.list && parseCaseLine(l.text, shape) !== null);
  if (caseIndex >= 0 && lines.slice(0, caseIndex).every((l) => continuesTitle({ ...l, breakBefore: false }, hints, shape))) {
    for (const l of lines.splice(0, caseIndex)) title = joinBroken(title, l.text);
    caseLine = parseCaseLine(lines.shift()!.text, shape);
  }
  // "… v. Jesper Kaas" + "Schmidt": a presenter's name broken onto the next line.
  if (/\sv\.\s+\p{Lu}\S*(\s\p{Lu}\S*)?$/u.test(title) && lines[0] && /^\p{Lu}[\p{L}-]+$/u.test(lines[0].text)) {
    title = `${title} ${lines.shift()!.text}`;
  }
  // "Lukket punkt": a heading prefix or a line of its own under the heading closes the item.
  let closed = false;
  const closedPrefix = /^lukket punkt\s*[:–-]\s*/i.exec(title);
  if (closedPrefix) {
    closed = true;
    title = title.slice(closedPrefix[0].length);
  }
  const closedLine = lines.slice(0, 3).findIndex((l) => /^lukket punkt\.?$/i.test(l.text.trim()));
  if (closedLine >= 0) {
    closed = true;
    lines.splice(closedLine, 1);
    const next = lines[closedLine] && parseCaseLine(lines[closedLine]!.text, shape);
    if (next && !caseLine) {
      caseLine = next;
      lines.splice(closedLine, 1);
    }
  }
  const leadingCase = LEADING_CASE.exec(title.trim());
  if (leadingCase) title = title.trim().slice(leadingCase[0].length);
  const { title: bare, presenters } = splitPresenters(title.trim());
  // Any other arrangement of the slot ("Sagsnr.: ¦ 12/27845", a row with Sagsbehandler and
  // access) is read where it stands and stays in the text.
  const slot = caseLine ? null : findCaseSlot(lines);
  const sections = settleDecisions(buildSections(lines, hints), context.meetingDate);
  return {
    number: heading.number,
    // "2. Elevråd:": a title that ends in the colon before what was said keeps no colon, as none a full stop.
    title: bare.replace(/\s*[.:]$/, ''),
    caseNumber: caseLine?.caseNumber ?? leadingCase?.[1] ?? slot?.caseNumber ?? null,
    caseOfficers: caseLine?.officers ?? slot?.officers ?? [],
    presenters,
    sections,
    attachments: attachmentsOf(sections.flatMap((s) => s.blocks)),
    links: uniqueLinks([
      ...[headingLine, ...body].filter((l) => !l.annotation).flatMap((l) => l.links),
      ...textUrls(sections.flatMap((s) => s.blocks)).map((url) => ({ text: url, url })),
      ...body.filter((l) => l.annotation).flatMap((l) => l.links),
    ]),
    decision: decisionOf(sections),
    absent: [],
    access: closed ? 'closed' : 'public',
  };
}

function continuesTitle(line: Line, hints: LayoutHints, shape: string | null): boolean {
  if (line.breakBefore || line.pageBreakBefore || line.list || line.cells || line.annotation || !hints.wrapped) return false;
  return parseCaseLine(line.text, shape) === null && !isSlotLine(line) && sectionHeading(line) === null && headingCandidate(line) === null;
}

/** The bilag of an item: attachment blocks and paragraphs that open with a `./.` marker. */
export function attachmentsOf(blocks: readonly Block[]): Attachment[] {
  const attachments: Attachment[] = [];
  for (const block of blocks) {
    if (block.kind === 'attachment') attachments.push({ title: attachmentTitle(block.title), access: 'public', fileName: null });
    if (block.kind === 'heading' && ATTACHMENT_MARKER.test(block.text)) {
      attachments.push({ title: attachmentTitle(block.text.replace(ATTACHMENT_MARKER, '')), access: 'public', fileName: null });
    }
    if (block.kind === 'paragraph' && ATTACHMENT_MARKER.test(block.text)) {
      const text = block.text.replace(ATTACHMENT_MARKER, '');
      const quoted = /["“]([^"”]+)["”]/.exec(text)?.[1];
      const firstSentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
      attachments.push({ title: attachmentTitle(quoted ?? firstSentence), access: 'public', fileName: null });
    }
  }
  return attachments;
}

/** An address without the punctuation after it (a loop: /[.,;:)]+$/ is quadratic in a long run of it inside the address). */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:)'.includes(url[end - 1]!)) end--;
  return url.slice(0, end);
}

/** Web addresses written out in the text. */
export function textUrls(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => blockText(b)).filter((t) => t.includes('http') || t.includes('www.')).flatMap((t) => t.match(/\b(?:https?:\/\/|www\.)[^\s<>"]+/g) ?? []).map(withoutTrailingPunctuation);
}

