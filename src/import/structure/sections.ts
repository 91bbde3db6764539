/**
 * @module Sections of an item: split at known section headings (Baggrund, Indstilling,
 * Sagsfremstilling, Beslutning, "Referat:" …), each with its blocks.
 */
import { isGenericName, sectionTypeOf, type Block, type Section, type SectionType } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { buildBlocks, type LayoutHints } from './blocks.js';

interface RawSection {
  heading: string | null;
  type: SectionType;
  lines: Line[];
}

/** "Heading: text" on one line ("Indstilling: Det indstilles …", "Sagsforløb: ØU, BY"). */
const INLINE_HEADING = /^([^:]{3,120}?)\s*:\s+(\S.*)$/;

/** "<Body> den 11-01-2021", "i Byrådet den 1. februar 2021": a body and a date, nothing after them. */
const HEADING_QUALIFIER = /^(?:(?:i|fra|på)\s+)?(\p{Lu}[^.!?:]*?)\s+den\s+\d{1,2}[.\-/ ]\s?(?:\p{L}+|\d{1,2})[.\-/ ]?\s?\d{4}$/u;

/**
 * The section heading a line stands for, with any text that followed it on the same line. A
 * heading is a whole line (bold or not, with or without a colon) that the lexicon knows.
 */
export function sectionHeading(line: Line): { heading: string; type: SectionType; rest: string | null } | null {
  if (line.list || line.annotation) return null;
  // A table row that holds a heading alone ("Bilag ¦ ", a layout table's heading cell) is that heading.
  const filled = line.cells?.map((c) => c.trim()).filter((c) => c !== '') ?? null;
  if (filled && filled.length !== 1) return null;
  const text = (filled ? filled[0]! : line.text).trim();
  // A heading starts with a capital ("Beslutning", "BESLUTNING"); "beskrivelse" in lower case is text.
  if (/^\p{Ll}/u.test(text)) return null;
  const type = sectionTypeOf(text);
  if (type) return { heading: text.replace(/\s*[:,]$/, ''), type, rest: null };
  const inline = INLINE_HEADING.exec(text);
  const inlineType = inline && sectionTypeOf(inline[1]!);
  if (inline && inlineType) {
    // "BESLUTNING: Social-, Sundheds- og Arbejdsmarkedsudvalget den 11-01-2021": what follows the
    // colon names the body and the date, the heading's own qualifier, not the section's text.
    const qualifier = HEADING_QUALIFIER.exec(inline[2]!.trim());
    if (qualifier && isGenericName(qualifier[1]!)) return { heading: text.replace(/\s*[:,]$/, ''), type: inlineType, rest: null };
    return { heading: inline[1]!, type: inlineType, rest: inline[2]! };
  }
  return null;
}

/**
 * The lines with the section headings a page prints as bullets taken out of their list: a web page
 * whose fold-out items show "• Resume", "• Indstilling", "• Beslutning i … den …" as list entries.
 * Learnt from the document: only where at least three bullets, of two kinds of section at least,
 * are nothing but a known section heading; a list that merely names one ("• Økonomi") stays a list.
 */
export function unlistSectionHeadings(lines: readonly Line[]): Line[] {
  const headed = new Map<number, SectionType>();
  lines.forEach((l, i) => {
    if (!l.list || /\d/.test(l.list.marker)) return;
    const heading = sectionHeading({ ...l, list: null });
    if (heading && heading.rest === null) headed.set(i, heading.type);
  });
  if (headed.size < 3 || new Set(headed.values()).size < 2) return [...lines];
  return lines.map((l, i) => (headed.has(i) ? { ...l, list: null, breakBefore: true } : l));
}

/** The type of an unheaded opening section: KD-Net starts items with "Det indstilles, at …". */
function openingType(lines: readonly Line[]): SectionType {
  const first = lines.find((l) => !l.annotation)?.text ?? '';
  return /^(det indstilles|indstilling)/i.test(first) ? 'recommendation' : 'other';
}

const isBilagList = (heading: string | null) => heading !== null && /^bilag(sliste|soversigt)?$/i.test(heading);

/** Under a "Bilag" heading every line names one bilag: "1. Tidsplan", "• Tidsplan", "./. Tidsplan". */
function attachmentBlocks(lines: readonly Line[]): Block[] {
  return lines
    .filter((l) => !l.annotation && l.text.trim() !== '')
    .map((l) => {
      const numbered = /^((?:\d+[.)])|\.\/\.?)\s+(.*)$/.exec(l.text.trim());
      if (numbered) return { kind: 'attachment', title: numbered[2]!, marker: numbered[1]! };
      return { kind: 'attachment', title: l.text.trim(), marker: l.list?.marker ?? '' };
    });
}

/** Splits an item's body lines into sections and builds their blocks. */
export function buildSections(lines: readonly Line[], hints: LayoutHints): Section[] {
  const raw: RawSection[] = [];
  for (const line of lines) {
    const heading = sectionHeading(line);
    if (heading) {
      raw.push({ heading: heading.heading, type: heading.type, lines: [] });
      if (heading.rest) raw.at(-1)!.lines.push(plainLine(heading.rest, { breakBefore: true }));
      continue;
    }
    if (raw.length === 0) raw.push({ heading: null, type: 'other', lines: [] });
    raw.at(-1)!.lines.push(line);
  }
  if (raw[0]?.heading === null) raw[0].type = openingType(raw[0].lines);
  return raw
    .map((s) => ({ heading: s.heading, type: s.type, blocks: isBilagList(s.heading) ? attachmentBlocks(s.lines) : buildBlocks(s.lines, hints) }))
    .filter((s) => s.heading !== null || s.blocks.length > 0);
}
