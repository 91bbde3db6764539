/**
 * @module Reader for text exports: Markdown-like text, plain text with tab tables, and
 * text extracted from PDF (every line followed by an empty line, paragraphs separated by
 * whitespace-only lines, pages starting with a space, link addresses printed at page ends).
 */
import { isChromeText, isTranscriptLabel, withoutChromeSuffix } from './chrome.js';
import { plainLine, type Line } from '../line.js';
import { isUrl, parseInline } from './inline.js';
import { repairPageLines } from './page-lines.js';

/** Decodes a text file: UTF-16 with its BOM, UTF-8 (with or without BOM), else Windows-1252; line ends normalised. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  // Notepad's "Unicode" is UTF-16 with a BOM (format detection reads it so): as Windows-1252 it was a
  // NUL between every letter.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return repairMojibake(new TextDecoder(utf16).decode(bytes.subarray(2)).replace(/\r\n?/g, '\n'));
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return repairMojibake(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

/**
 * UTF-8 Danish letters once read as code page 852 or 437 and saved again ("Regionsr├ądet"): the
 * pairs those code pages make of æ, ø, å, Æ, Ø, Å are put back. Only text holding such a pair is touched.
 */
const MOJIBAKE: ReadonlyArray<[RegExp, string]> = [
  [/├ą|├Ñ/g, 'å'],
  [/├Ž|├ª/g, 'æ'],
  [/├╕/g, 'ø'],
  [/├ů|├à/g, 'Å'],
  [/├ć|├å/g, 'Æ'],
  [/├Ś|├ÿ/g, 'Ø'],
];

/** Text with code-page mojibake of Danish letters repaired. */
export function repairMojibake(text: string): string {
  if (!text.includes('├')) return text;
  return MOJIBAKE.reduce((t, [pattern, letter]) => t.replace(pattern, letter), text);
}

/**
 * True for the PDF-extraction shape: nearly every text line is followed by an empty line and
 * paragraphs are separated by whitespace-only lines. (Markdown also puts empty lines between
 * paragraphs, but never whitespace-only ones.)
 */
export function isDoubleSpaced(raw: string[]): boolean {
  let text = 0;
  let spaced = 0;
  let whitespaceOnly = 0;
  let wide = 0;
  raw.forEach((line, i) => {
    if (line === '') return;
    if (line.trim() === '') {
      whitespaceOnly++;
      return;
    }
    text++;
    if (raw[i + 1] === '') spaced++;
    if (line.trim().length > PAGE_WIDTH) wide++;
  });
  // A PDF's lines are visual lines, no wider than its page; a web page's copy spaced the same way
  // (a blank line after each paragraph, "&nbsp;" lines between) holds whole paragraphs.
  return text > 10 && spaced / text > 0.7 && whitespaceOnly / text > 0.05 && wide / text <= 0.1;
}

/** More characters than a PDF page's visual line holds (about 100 at 10 pt on A4). */
const PAGE_WIDTH = 120;

/** Reads a text document into styled lines. */
export function readText(text: string): Line[] {
  // A form feed is a page break: three blank lines, as plain-text exports mark pages.
  const normal = text.includes('\r') || text.includes('\f') ? text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n\n\n') : text;
  const raw = normal.split('\n');
  // A transcript that lost its line breaks (one line per page) gets them back; a viewer's
  // "Transkript" label over it says its numbered lines are pages, however few.
  const transcript = raw.some((line) => isTranscriptLabel(line.trim()));
  return repairPageLines(isDoubleSpaced(raw) ? readDoubleSpaced(raw) : readPlain(raw), { transcript });
}

/** Markdown-like or plain text: blank lines break paragraphs, three or more break pages. */
function readPlain(raw: string[]): Line[] {
  const lines: Line[] = [];
  let blanks = 0;
  for (const source of raw) {
    if (source.trim() === '') {
      blanks++;
      continue;
    }
    const styled = styledLine(source);
    // A fold-out control's label run onto a heading is chrome too (see withoutChromeSuffix).
    const unlabelled = styled ? withoutChromeSuffix(styled.text) : '';
    const line = styled && unlabelled !== styled.text ? { ...styled, text: unlabelled } : styled;
    // Text copied from a council's web page keeps its controls ("Til toppen", "Udskriv") as lines.
    if (line && isChromeText(line.text, true)) {
      blanks = Math.max(blanks, 1);
      continue;
    }
    if (line) {
      line.breakBefore = blanks > 0 || lines.length === 0;
      line.pageBreakBefore = blanks >= 3;
      lines.push(line);
    }
    blanks = 0;
  }
  return lines;
}

/**
 * PDF-extracted text: "" lines are extraction artefacts, whitespace-only lines are paragraph
 * breaks, a line not followed by "" ends a page, and URL-only lines there are link annotations.
 */
function readDoubleSpaced(raw: string[]): Line[] {
  const lines: Line[] = [];
  let pendingBreak = true;
  let afterAnnotation = false;
  raw.forEach((source, i) => {
    if (source === '') return;
    if (source.trim() === '') {
      pendingBreak = true;
      return;
    }
    // A URL-only line not followed by the usual empty line was printed at a page end:
    // it is the address of a link on that page, not body text.
    const tight = i + 1 < raw.length && raw[i + 1] !== '';
    const trimmed = source.trim();
    if (tight && isUrl(trimmed) && !/^\s/.test(source)) {
      lines.push(plainLine(trimmed, { annotation: true, links: [{ text: null, url: trimmed }] }));
      afterAnnotation = true;
      return;
    }
    // A page's first line starts with one space; drop it so it is not read as indentation.
    const pageStart = /^\s\S/.test(source) && lines.length > 0;
    const line = styledLine(pageStart ? source.slice(1) : source);
    if (!line) return;
    // A web page's copy spaced like a PDF's text still opens with the site's controls ("Gå til
    // hovedindholdet", "MENU"): before any text is kept, those lines are chrome, as readPlain drops them.
    if (lines.length === 0 && isChromeText(line.text, true)) return;
    line.pageBreakBefore = pageStart || afterAnnotation;
    line.breakBefore = pendingBreak || lines.length === 0;
    pendingBreak = false;
    afterAnnotation = false;
    lines.push(line);
  });
  return lines;
}

const BULLETS = '-*•–○▪◦·';
const LIST_RE = /^(\s*)([-*•–○▪◦·])\s+(.*)$/;
/** A Markdown heading's opening hashes; its closing ones are cut by headingText. */
const HEADING_OPEN = /^\s{0,3}(#{1,6})\s+/;

/**
 * A heading line's text after its opening: without the closing hashes and the spaces around them.
 * A loop, not /(.*?)\s*#*\s*$/: that pattern retries the spaces from every character, cubic in a
 * run of spaces inside the heading.
 */
function headingText(line: string, from: number): string {
  let end = line.length;
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  while (end > from && line[end - 1] === '#') end--;
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  return line.slice(from, end);
}

/** Drops trailing spaces and carriage returns but not tabs (a trailing tab is an empty cell). */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

/** One source line with its Markdown style; null when nothing visible remains. */
export function styledLine(source: string): Line | null {
  const noTrail = source.trimEnd();
  // A trailing tab still marks a table row ("Budget pr. år<TAB>" heads a two-column table).
  if (source.includes('\t')) {
    const row = trimSpacesEnd(source);
    const cells = row.split('\t').map((c) => parseInline(c));
    const texts = cells.map((c) => c.text);
    if (texts.every((t) => t === '')) return null;
    return plainLine(texts.join('\t'), {
      cells: texts,
      bold: cells.filter((c) => c.text).every((c) => c.bold),
      links: cells.flatMap((c) => c.links),
    });
  }
  // Only lines opening with '#' or a bullet character can be headings or list items.
  const first = noTrail.trimStart()[0] ?? '';
  const heading = first === '#' ? HEADING_OPEN.exec(noTrail) : null;
  if (heading) {
    const inline = parseInline(headingText(noTrail, heading[0].length));
    if (!inline.text) return null;
    return plainLine(inline.text, { heading: heading[1]!.length, bold: inline.bold, italic: inline.italic, links: inline.links });
  }
  const list = BULLETS.includes(first) ? LIST_RE.exec(noTrail) : null;
  if (list && list[3]!.trim() !== '') {
    const inline = parseInline(list[3]!);
    const depth = list[1]!.length > 0 ? 1 : 0;
    return plainLine(inline.text, {
      list: { marker: list[2]!, depth },
      bold: inline.bold,
      italic: inline.italic,
      links: inline.links,
    });
  }
  const inline = parseInline(noTrail);
  if (!inline.text) return null;
  return plainLine(inline.text, { bold: inline.bold, italic: inline.italic, links: inline.links });
}
