/**
 * @module One agenda item from its heading and body lines: title (joined across lines),
 * presenters ("v. …"), case number and officers' initials, sections, bilag, links, decision.
 */
import { attachmentTitle, blockText, decisionOf, uniqueLinks, type AgendaItem, type Attachment, type Block } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { ATTACHMENT_MARKER, type LayoutHints } from './blocks.js';
import { headingCandidate, type ItemHeading } from './headings.js';
import { joinBroken } from './join.js';
import { buildSections, sectionHeading } from './sections.js';

/** Case numbers as Danish case systems write them, optionally after a "Sagsnr." label. */
const CASE_LINE =
  /^(?:Sags?(?:nr|nummer)\.?:?\s*)?(SAG-\d{4}-\d{3,6}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|\d{1,3}-\d{1,3}-\d{1,3}-\d{1,5}-\d{1,3}|\d{4}-\d{4,6})\b\s*(.*)$/;
const OFFICER = /^[a-zæøå]{2,8}$/;
const PRESENTER = /\s+v\/?\.?\s+(\p{Lu}[\p{L}.\-' ]+?(?:\s+og\s+\p{Lu}[\p{L}.\-' ]+?)*)\.?$/u;

export interface CaseLine {
  caseNumber: string;
  officers: string[];
}

/** Reads a case line ("SAG-2020-01697 chbo/jhp"); null when the line is not one. */
export function parseCaseLine(text: string): CaseLine | null {
  const m = CASE_LINE.exec(text.trim());
  if (!m) return null;
  const officers = m[2]!.split('/').map((s) => s.trim()).filter((s) => s !== '');
  if (!officers.every((o) => OFFICER.test(o))) return null;
  return { caseNumber: m[1]!, officers };
}

/** Splits "Title v. Name og Name" into title and presenters. */
export function splitPresenters(title: string): { title: string; presenters: string[] } {
  const m = PRESENTER.exec(title);
  if (!m) return { title, presenters: [] };
  const presenters = m[1]!.split(/\s*(?:,|\bog\b)\s*/).map((s) => s.trim()).filter(Boolean);
  return { title: title.slice(0, m.index).trim(), presenters };
}

/** Builds an agenda item from its heading and the lines up to the next heading. */
export function buildItem(heading: ItemHeading, headingLine: Line, body: readonly Line[], hints: LayoutHints): AgendaItem {
  let title = heading.title;
  const lines = [...body];
  // KD-Net sometimes runs the recommendation into the heading line.
  const runIn = /\s+(Det indstilles\b.*)$/.exec(title);
  if (runIn) {
    title = title.slice(0, runIn.index);
    lines.unshift(plainLine(runIn[1]!, { breakBefore: true, italic: headingLine.italic }));
  }
  // The title goes on over following lines until a break, the case line or a section.
  while (lines.length > 0 && continuesTitle(lines[0]!, hints)) title = joinBroken(title, lines.shift()!.text);
  let caseLine: CaseLine | null = null;
  const caseIndex = lines.slice(0, 3).findIndex((l) => parseCaseLine(l.text) !== null);
  if (caseIndex >= 0 && lines.slice(0, caseIndex).every((l) => continuesTitle({ ...l, breakBefore: false }, hints))) {
    for (const l of lines.splice(0, caseIndex)) title = joinBroken(title, l.text);
    caseLine = parseCaseLine(lines.shift()!.text);
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
    const next = lines[closedLine] && parseCaseLine(lines[closedLine]!.text);
    if (next && !caseLine) {
      caseLine = next;
      lines.splice(closedLine, 1);
    }
  }
  const { title: bare, presenters } = splitPresenters(title.trim());
  const sections = buildSections(lines, hints);
  return {
    number: heading.number,
    title: bare.replace(/\s*\.$/, ''),
    caseNumber: caseLine?.caseNumber ?? null,
    caseOfficers: caseLine?.officers ?? [],
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

function continuesTitle(line: Line, hints: LayoutHints): boolean {
  if (line.breakBefore || line.pageBreakBefore || line.list || line.cells || line.annotation || !hints.wrapped) return false;
  return parseCaseLine(line.text) === null && sectionHeading(line) === null && headingCandidate(line) === null;
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

/** Web addresses written out in the text. */
export function textUrls(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => blockText(b)).filter((t) => t.includes('http') || t.includes('www.')).flatMap((t) => t.match(/\b(?:https?:\/\/|www\.)[^\s<>"]+/g) ?? []).map((u) => u.replace(/[.,;:)]+$/, ''));
}

