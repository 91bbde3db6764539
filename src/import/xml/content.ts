/**
 * @module Section content of case-system XML: HTML (SBSYS, Acadre, eDoc 4) and plain text
 * (SBSYS "Multiline" fields, eDoc FullText) become the same blocks as every other import —
 * through the HTML/text readers and the shared block builder — and field captions become
 * section types.
 */
import { blockText, sectionTypeOf, type Block, type Link, type Section, type SectionType } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { bulletOf } from '../read/bullet.js';
import { readHtml } from '../read/html.js';
import { buildBlocks, type LayoutHints } from '../structure/blocks.js';

/** Case-system fields hold one paragraph per line or element, never wrapped visual lines. */
const HINTS: LayoutHints = { wrapped: false, width: 80 };

/** Placeholders the systems write into fields nobody filled in (SBSYS: "Tomt indhold"). */
const PLACEHOLDER = /^(tomt indhold|intet indhold|ingen tekst)\.?$/i;

/** True when the text holds markup rather than plain text. */
export function looksLikeHtml(content: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(content);
}

/**
 * Lines of plain text as case systems store it: one paragraph per line, blank lines between
 * paragraphs, tabs between table cells, typed bullets. Not Markdown: `*` and `_` are text.
 */
export function plainTextLines(text: string): Line[] {
  const lines: Line[] = [];
  let pending = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // trimEnd, not /\s+$/: the pattern is quadratic in a long run of whitespace inside the line.
    const source = raw.trimEnd();
    if (source.trim() === '') {
      pending = true;
      continue;
    }
    const cells = source.includes('\t') ? source.split('\t').map((c) => c.replace(/\s+/g, ' ').trim()) : null;
    const body = source.replace(/\s+/g, ' ').trim();
    const bullet = cells ? null : bulletOf(body);
    lines.push(
      plainLine(cells ? cells.join('\t') : (bullet?.text ?? body), {
        cells,
        list: bullet ? { marker: bullet.marker, depth: /^\s/.test(raw) ? 1 : 0 } : null,
        breakBefore: pending,
      }),
    );
    pending = false;
  }
  return lines;
}

/** Blocks from already-read lines. */
export function linesToBlocks(lines: readonly Line[]): Block[] {
  return buildBlocks(lines, HINTS);
}

/** A field's content as blocks, with the links its markup carried. */
export interface Content {
  blocks: Block[];
  links: Link[];
}

/** Reads a field's content, HTML or plain text; no blocks for empty fields and placeholders. */
export function readContent(content: string): Content {
  if (content.trim() === '') return { blocks: [], links: [] };
  const lines = looksLikeHtml(content) ? readHtml(content, 'field') : plainTextLines(content);
  const blocks = linesToBlocks(lines);
  const textOf = blocks.map(blockText).join(' ').trim();
  if (textOf === '' || PLACEHOLDER.test(textOf)) return { blocks: [], links: [] };
  return { blocks, links: lines.flatMap((l) => l.links) };
}

/** Blocks of a field's content (see `readContent`). */
export function contentBlocks(content: string): Block[] {
  return readContent(content).blocks;
}

/**
 * Caption words that only a field caption can mean. These are checked after `sectionTypeOf`
 * and only here: in running text ("Sammendrag", "Kommunikation") the same words could be
 * ordinary sub-headings, so the shared heading table stays as it is.
 */
const CAPTION_TYPES: ReadonlyArray<[RegExp, SectionType]> = [
  [/^(sammendrag|resum[eé]|kort resum[eé]|præsentation)$/, 'summary'],
  [/^(tidligere behandling|punktet behandlet tidligere|tidligere beslutning|beslutningshistorik)/, 'history'],
  [/^(baggrund)\b/, 'background'],
  [/\bindstilling(er)?\b|\bforeslår\b|^forslag\b/, 'recommendation'],
  [/sagsfremstilling|sagsbeskrivelse/, 'presentation'],
  [/^økonomi|^økonomiske\b/, 'economy'],
  [/\bbeslutning(er)?\b|^referat\b/, 'decision'],
];

/** The section type of a field caption: the shared heading table first, then caption words. */
export function captionType(caption: string): SectionType {
  const known = sectionTypeOf(caption);
  if (known) return known;
  const key = caption.trim().replace(/:$/, '').toLowerCase();
  for (const [pattern, type] of CAPTION_TYPES) if (pattern.test(key)) return type;
  return 'other';
}

/**
 * A section from a field, with its links; null when the field is empty. `decision` is the
 * system's own flag (SBSYS IsFeedback, eDoc 4 IsDecision): true makes it a decision, false
 * keeps the caption's type but never a decision, null leaves the caption to decide.
 */
export function fieldSection(caption: string, content: string, decision: boolean | null): { section: Section; links: Link[] } | null {
  const { blocks, links } = readContent(content);
  if (blocks.length === 0) return null;
  const heading = caption.trim().replace(/\s*:$/, '') || null;
  let type: SectionType = heading ? captionType(heading) : 'other';
  if (decision === true) type = 'decision';
  else if (decision === false && type === 'decision') type = 'other';
  return { section: { heading, type, blocks }, links };
}
