/**
 * @module Blocks from lines: paragraphs (joined, hyphenation mended), sub-headings, bullet
 * lists, tables and bilag references (`./.`). Works on any reader's lines.
 */
import type { Block, ListItem } from '../../model/index.js';
import type { Line } from '../line.js';
import { endsSentence, endsWithHyphen, joinLines, startsLower } from './join.js';

export interface LayoutHints {
  /** Lines are visual lines of wrapped text (PDF), not whole paragraphs. */
  wrapped: boolean;
  /** Typical full line width of wrapped text, in characters. */
  width: number;
}

interface Unit {
  lines: Line[];
}

export const ATTACHMENT_MARKER = /^(\.\/\.?)(?=\s|$)\s*/;

/** Groups lines into units: one paragraph, list item, table row or heading each. */
export function toUnits(lines: readonly Line[], hints: LayoutHints): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    if (line.annotation) continue;
    const current = units.at(-1);
    const last = current?.lines.at(-1);
    if (current && last && continues(last, line, current, hints)) current.lines.push(line);
    else units.push({ lines: [line] });
  }
  return units;
}

/** Whether `line` continues the unit that ends with `last`. */
function continues(last: Line, line: Line, unit: Unit, hints: LayoutHints): boolean {
  // A heading wrapped over two visual lines of the same size is one heading.
  if (hints.wrapped && line.heading > 0 && line.heading === last.heading && !line.breakBefore && !line.pageBreakBefore) return true;
  if (line.list || line.cells || line.heading > 0 || last.cells || last.heading > 0) return false;
  if (ATTACHMENT_MARKER.test(line.text)) return false;
  if (last.text === '' || ATTACHMENT_MARKER.exec(last.text)?.[0].length === last.text.length) return false;
  if (line.bold !== last.bold && !unit.lines[0]!.list) return false;
  const lastText = last.text;
  if (!line.breakBefore && !line.pageBreakBefore) return hints.wrapped;
  // Across a page or paragraph break, a sentence cut in the middle goes on.
  if (endsWithHyphen(lastText)) return startsLower(line.text) || line.pageBreakBefore;
  if (endsSentence(lastText)) return false;
  if (startsLower(line.text)) return true;
  if (!line.pageBreakBefore) return false;
  // A cut sentence goes on after the page break when either side is a full line of text; a short
  // line on both sides is a paragraph end and a sub-heading ("… forløbet" | "Relationsdannelse").
  return hints.wrapped ? lastText.length >= hints.width * 0.8 || line.text.length >= hints.width * 0.8 : true;
}

/** Builds the blocks of a run of lines. */
export function buildBlocks(lines: readonly Line[], hints: LayoutHints): Block[] {
  const units = toUnits(lines, hints).flatMap((u) => splitLeadingHeading(u, hints));
  const blocks: Block[] = [];
  // Bare `./.` markers whose titles follow on the next lines (three markers → the next three lines).
  const pendingMarkers: string[] = [];
  units.forEach((unit, i) => {
    const first = unit.lines[0]!;
    const text = joinLines(unit.lines.map((l) => l.text));
    const marker = ATTACHMENT_MARKER.exec(text);
    if (first.cells) return addRow(blocks, first);
    if (marker && isStyledHeading(unit, text, units[i + 1])) {
      blocks.push({ kind: 'heading', text });
      return;
    }
    if (marker) {
      const title = text.slice(marker[0].length).trim();
      if (title === '') pendingMarkers.push(marker[1]!);
      else if (isAttachmentTitle(title)) blocks.push({ kind: 'attachment', title, marker: marker[1]! });
      else blocks.push({ kind: 'paragraph', text });
      return;
    }
    if (pendingMarkers.length > 0 && !first.list) {
      blocks.push({ kind: 'attachment', title: text, marker: pendingMarkers.shift()! });
      return;
    }
    if (first.list) {
      if (isBulletHeading(unit, blocks, units[i + 1])) blocks.push({ kind: 'heading', text });
      else addListItem(blocks, { text, depth: first.list.depth });
      return;
    }
    if (sandwichedInTable(unit, blocks, units[i + 1])) return addRow(blocks, { ...first, cells: [text] });
    if (isStyledHeading(unit, text, units[i + 1]) || isPlainHeading(text, units[i + 1])) blocks.push({ kind: 'heading', text });
    else blocks.push({ kind: 'paragraph', text });
  });
  for (const marker of pendingMarkers) blocks.push({ kind: 'attachment', title: '', marker });
  return blocks;
}

/** A bilag title is one short line of text, not running prose. */
function isAttachmentTitle(title: string): boolean {
  return title.length <= 160 && !/[.!?]\s+\p{Lu}/u.test(title) && !/["“”]/.test(title);
}

/** A lone bold bullet followed by running text ("- **Pandemiplan i Region Midtjylland**") titles what follows. */
function isBulletHeading(unit: Unit, blocks: readonly Block[], next: Unit | undefined): boolean {
  const nextLine = next?.lines[0];
  return unit.lines.every((l) => l.bold) && blocks.at(-1)?.kind !== 'list' && nextLine !== undefined && !nextLine.list && !nextLine.cells;
}

/** A Markdown/HTML heading, or a whole bold or italic line that has text under it ("**Godkendt.**" alone is emphasis). */
function isStyledHeading(unit: Unit, text: string, next: Unit | undefined): boolean {
  const first = unit.lines[0]!;
  if (first.list || text.length > 200) return false;
  if (first.heading > 0) return true;
  return next !== undefined && (unit.lines.every((l) => l.bold) || unit.lines.every((l) => l.italic));
}

/** A short stand-alone line without closing punctuation, followed by content, is a sub-heading. */
export function isPlainHeading(text: string, next: Unit | undefined): boolean {
  if (!next || text.length > 130 || text.split(' ').length > 16) return false;
  if (!/^\p{Lu}/u.test(text) || /[.,;:!?]$/.test(text) || /[.!?]\s+\p{Lu}/u.test(text)) return false;
  if (text.includes(', ') || text.includes(': ') || /https?:|@/.test(text)) return false;
  // "Der er foreløbig følgende punkter …": a verb early on makes it a sentence, not a title.
  if (/^(\S+\s+){1,2}(er|var|blev|bliver|har|havde|skal|vil|kan|får|fik|tog|gav|godkendte|tiltrådte|orienterede|drøftede|besluttede|vedtog|anbefalede|konkluderede)\b/i.test(text)) return false;
  return !ATTACHMENT_MARKER.test(next.lines[0]!.text);
}

/**
 * In wrapped text a sub-heading often runs straight into its paragraph: split off the first
 * one or two lines when they end short, without punctuation, before a capitalised line.
 */
function splitLeadingHeading(unit: Unit, hints: LayoutHints): Unit[] {
  if (!hints.wrapped || unit.lines.length < 2 || unit.lines[0]!.list || unit.lines[0]!.cells || unit.lines[0]!.heading > 0) return [unit];
  for (let k = 0; k < Math.min(2, unit.lines.length - 1); k++) {
    const head = unit.lines.slice(0, k + 1);
    const last = head.at(-1)!.text;
    if (head.some((l) => /[.,;:!?]$/.test(l.text.trim()))) return [unit];
    const next = unit.lines[k + 1]!.text;
    const headText = joinLines(head.map((l) => l.text));
    if (last.length < hints.width * 0.8 && /^\p{Lu}/u.test(next) && /^\p{Lu}/u.test(headText) && headText.length <= 130) {
      return [{ lines: head }, { lines: unit.lines.slice(k + 1) }];
    }
  }
  return [unit];
}

function addListItem(blocks: Block[], item: ListItem): void {
  const last = blocks.at(-1);
  if (last?.kind === 'list') last.items.push(item);
  else blocks.push({ kind: 'list', items: [item] });
}

/**
 * A row joins the table just before it, unless it follows a break and looks like a new header.
 * A row that only continues the sentence of the cell above (empty first cell, lower-case start,
 * the cell above unfinished) is that cell's text cut by a page break.
 */
function addRow(blocks: Block[], line: Line): void {
  const cells = line.cells!;
  const last = blocks.at(-1);
  const headerLike = cells[0] !== '' && cells.slice(1).every((c) => c === '');
  if (last?.kind !== 'table' || (line.breakBefore && headerLike)) {
    blocks.push({ kind: 'table', rows: [cells] });
    return;
  }
  const above = last.rows.at(-1)!;
  const col = cells.findIndex((c) => c !== '');
  const continued = col > 0 && cells.every((c, i) => i === col || c === '') && above[col] && !endsSentence(above[col]!) && startsLower(cells[col]!);
  if (continued) above[col] = joinLines([above[col]!, cells[col]!]);
  else last.rows.push(cells);
}

/** A short label line between table rows ("Sundhedsområdet") is a one-cell row of that table. */
function sandwichedInTable(unit: Unit, blocks: Block[], next: Unit | undefined): boolean {
  const first = unit.lines[0]!;
  if (blocks.at(-1)?.kind !== 'table' || first.breakBefore || unit.lines.length > 1 || first.text.length > 80) return false;
  return next !== undefined && (next.lines[0]!.cells !== null || (!next.lines[0]!.breakBefore && next.lines[0]!.text.length <= 80));
}
