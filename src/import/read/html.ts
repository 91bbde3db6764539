/**
 * @module HTML reader: pages saved from council websites and mammoth's DOCX output → Line[].
 * Walks the DOM of a real parser (htmlparser2), drops page chrome (scripts, navigation,
 * page header/footer, cookie banners, forms, and the publishing sites' controls named in
 * lexicon/chrome.json) and keeps headings, paragraphs, `<br>` lines, whole-line bold/italic,
 * nested lists, links, data-table rows as cells and layout tables as the lines they hold.
 */
import type { ChildNode, Element } from 'domhandler';
import type { Link } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { bulletOf } from './bullet.js';
import { isChromeName, isChromeText } from './chrome.js';
import { assertMarkupNesting, assertNesting, parseBounded } from './depth.js';
import { LIST_MARK_RE } from './docx-xml.js';
import { joinBrokenLinks } from './links.js';

/** Elements whose content is never document text (a button's is: fold-out headings are buttons; its chrome words go by the lexicon). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'nav', 'form', 'select', 'textarea',
  'input', 'label', 'iframe', 'svg', 'canvas', 'object', 'embed', 'img', 'picture', 'video', 'audio', 'aside', 'dialog',
]);
/** Roles of page chrome (ARIA landmarks that are not the content). */
const SKIP_ROLES = /^(navigation|banner|contentinfo|search|dialog|alertdialog|complementary)$/i;
/** Elements whose lone text is a control's label, where one-word chrome ("Print", "Del") is meant. */
const CONTROLS = new Set(['a', 'button', 'summary']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'html', 'blockquote', 'pre', 'address', 'figure',
  'figcaption', 'dl', 'dt', 'dd', 'center', 'fieldset', 'details', 'summary', 'caption', 'header', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

interface InlineStyle {
  bold: boolean;
  italic: boolean;
  link: Link | null;
  /** Inside a link, button or summary. */
  control?: boolean;
}

/** One table cell as the lines it holds, read on its own. */
interface Cell {
  lines: Line[];
  text: string;
}

/** Reads an HTML document (or fragment) into styled lines. */
export function readHtml(text: string, fileName: string): Line[] {
  let doc: ReturnType<typeof parseBounded>;
  // HTML always parses; only a nesting too deep for the parser and the walk below is refused.
  try {
    assertMarkupNesting(text);
    doc = parseBounded(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    assertNesting(doc);
  } catch (error) {
    throw new Error(`${fileName}: ${(error as Error).message}`);
  }
  const walker = new Walker();
  walker.children(doc.children, { bold: false, italic: false, link: null });
  walker.flush();
  return joinBrokenLinks(walker.lines);
}

/** Accumulates inline runs into the current line and emits lines at block boundaries. */
class Walker {
  lines: Line[] = [];
  private runs: Run[] = [];
  private links: Link[] = [];
  private pendingBreak = true;
  private pendingPage = false;
  private heading = 0;
  private list: { marker: string; depth: number } | null = null;
  private listDepth = -1;

  children(nodes: ChildNode[], style: InlineStyle): void {
    for (const node of nodes) this.node(node, style);
  }

  private node(node: ChildNode, style: InlineStyle): void {
    if (node.type === 'text') {
      // A control's label standing alone ("Klik her for at folde ud", "Hent som PDF") is chrome.
      if (isChromeText(node.data, style.control === true)) return;
      this.runs.push({ text: node.data, bold: style.bold, italic: style.italic });
      if (style.link) style.link.text = (style.link.text ?? '') + node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name;
    if (isChrome(el)) return;
    if (pageBreakBefore(el)) {
      this.flush();
      this.pendingPage = true;
    }
    if (name === 'br') return this.flush(false);
    if (name === 'hr') {
      this.flush();
      if (/page-?break/i.test(el.attribs.class ?? '')) this.pendingPage = true;
      return;
    }
    if (name === 'table') return this.table(el, style);
    if (name === 'ul' || name === 'ol') return this.listElement(el, style);
    if (name === 'li') return this.listItem(el, style, '•');
    if (/^h[1-6]$/.test(name)) {
      this.flush();
      this.heading = Number(name[1]);
      this.children(el.children, style);
      this.flush();
      this.heading = 0;
      return;
    }
    if (name === 'pre') return this.pre(el);
    if (name === 'a' && el.attribs.href !== undefined) {
      const href = el.attribs.href.trim();
      const link: Link = { text: '', url: href === '' || href === '#' || /^javascript:/i.test(href) ? null : href };
      this.addLink(link);
      this.children(el.children, { ...inlineStyle(el, style), link, control: true });
      return;
    }
    if (BLOCKS.has(name)) {
      this.flush();
      this.children(el.children, name === 'summary' ? { ...style, control: true } : style);
      this.flush();
      return;
    }
    this.children(el.children, CONTROLS.has(name) ? { ...inlineStyle(el, style), control: true } : inlineStyle(el, style));
  }

  private listElement(el: Element, style: InlineStyle): void {
    this.flush();
    const ordered = el.name === 'ol';
    let n = Number(el.attribs.start ?? '1') || 1;
    this.listDepth++;
    for (const child of el.children) {
      if (child.type === 'tag' && (child as Element).name === 'li') {
        this.listItem(child as Element, style, ordered ? `${n++}.` : '•');
      } else this.node(child, style);
    }
    this.listDepth--;
    this.flush();
  }

  private listItem(el: Element, style: InlineStyle, marker: string): void {
    this.flush();
    this.list = { marker, depth: Math.max(0, this.listDepth) };
    this.children(el.children, style);
    this.flush();
    this.list = null;
  }

  /**
   * A table is read as data (one line of cells per row) or as layout (the lines its cells hold,
   * in reading order). Pages and Word documents use tables to place text: a table holding a
   * table, or with a single column, is layout throughout; a row is layout when it is one cell
   * wide (a caption across the table) or a cell holds a heading, a list or several paragraphs
   * (Word's members cell: "Medlemmer" and a name per paragraph). Other rows keep their cells:
   * "2. ¦ Titel" is how eDoc sets an item heading, and the structure stage reads number cells.
   */
  private table(el: Element, style: InlineStyle): void {
    this.flush();
    for (const child of el.children) {
      if (child.type === 'tag' && (child as Element).name === 'caption') this.node(child, style);
    }
    const rows = rowsOf(el).map((row) => cellsOf(row).map((cell) => readCell(cell, style)));
    const layout = rows.some((r) => r.some((c) => c.lines.some((l) => l.cells))) || !rows.some((r) => r.filter((c) => c.text !== '').length >= 2);
    for (const row of rows) {
      if (layout || isLayoutRow(row)) {
        for (const cell of row) cell.lines.forEach((line, i) => this.emit(line, i === 0));
      } else this.dataRow(row);
    }
    this.pendingBreak = true;
  }

  /** One data row: the cells' texts joined by tabs; bold/italic when every cell's text is. */
  private dataRow(row: Cell[]): void {
    const cells = row.map((c) => c.text);
    if (cells.every((c) => c === '')) return;
    const lines = row.flatMap((c) => c.lines);
    this.emit(
      plainLine(cells.join('\t'), {
        cells,
        bold: lines.every((l) => l.bold),
        italic: lines.every((l) => l.italic),
        links: lines.flatMap((l) => l.links),
      }),
      false,
    );
  }

  /** Adds a finished line, with the pending paragraph/page break; `paragraph` forces a paragraph break. */
  private emit(line: Line, paragraph: boolean): void {
    line.breakBefore = line.breakBefore || paragraph || this.pendingBreak;
    line.pageBreakBefore = line.pageBreakBefore || this.pendingPage;
    this.lines.push(line);
    this.pendingBreak = false;
    this.pendingPage = false;
  }

  /** Preformatted text keeps its own line breaks. */
  private pre(el: Element): void {
    this.flush();
    const text = textOf(el);
    for (const part of text.split('\n')) {
      this.runs.push({ text: part, bold: false, italic: false });
      this.flush(false);
    }
    this.pendingBreak = true;
  }

  /** Ends the current line; `paragraph` says whether the next line starts a new paragraph. */
  flush(paragraph = true): void {
    const text = this.runs.map((r) => r.text).join('').replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();
    // A whole line that is a control's label ("Print", "Til toppen") is chrome too.
    if (text !== '' && !isChromeText(text, true)) {
      // Word's automatic number, written by the DOCX reader as a list mark (docx-xml.ts).
      const mark = text.startsWith('\uE000') ? LIST_MARK_RE.exec(text) : null;
      const visible = this.runs.filter((r) => (mark ? r.text.replace(mark[0].trim(), '') : r.text).trim() !== '');
      let list = mark ? { marker: mark[2]!, depth: Number(mark[1]) } : this.list;
      let body = mark ? text.slice(mark[0].length) : text;
      const bullet = list ? null : bulletOf(text);
      if (bullet) {
        // A typed bullet ("• Punkt") is a list line in every reader, as in PDF text.
        list = { marker: bullet.marker, depth: 0 };
        body = bullet.text;
      }
      this.lines.push(
        plainLine(body, {
          heading: this.heading,
          bold: visible.every((r) => r.bold),
          italic: visible.every((r) => r.italic),
          list,
          breakBefore: this.pendingBreak,
          pageBreakBefore: this.pendingPage,
          links: this.links.map((l) => ({ text: l.text?.replace(/\s+/g, ' ').trim() || null, url: l.url })),
        }),
      );
      // Later lines of the same list item are continuations, not new items.
      this.list = null;
      this.pendingBreak = false;
      this.pendingPage = false;
      this.links = [];
    }
    this.runs = [];
    if (paragraph) this.pendingBreak = true;
  }

  /** Registers a link of the current line; its text fills in as the walker reads it. */
  addLink(link: Link): void {
    this.links.push(link);
  }
}

/** Inline style of an element: bold/italic tags and CSS, and links. */
function inlineStyle(el: Element, style: InlineStyle): InlineStyle {
  const css = (el.attribs.style ?? '').toLowerCase();
  const bold = style.bold || ['b', 'strong'].includes(el.name) || /font-weight\s*:\s*(bold|[6-9]00)/.test(css);
  const italic = style.italic || ['i', 'em', 'cite'].includes(el.name) || /font-style\s*:\s*(italic|oblique)/.test(css);
  return { bold, italic, link: style.link, control: style.control };
}

/** True for elements that are page chrome or hidden. */
function isChrome(el: Element): boolean {
  if (SKIP.has(el.name)) return true;
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '')) return true;
  if (SKIP_ROLES.test(a.role ?? '')) return true;
  if (isChromeName(a.id ?? '', a.class ?? '', a['aria-label'] ?? '')) return true;
  // A page's own header and footer are chrome; inside an article or main they hold content.
  if ((el.name === 'header' || el.name === 'footer') && !hasAncestor(el, ['article', 'main'])) return true;
  return false;
}

function pageBreakBefore(el: Element): boolean {
  return /(page-break-before|break-before)\s*:\s*(always|page)/i.test(el.attribs.style ?? '');
}

function hasAncestor(el: Element, names: string[]): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && names.includes((p as Element).name)) return true;
  return false;
}

/** The rows of a table in order, looking through thead/tbody/tfoot but not into nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const el = child as Element;
    if (el.name === 'tr') rows.push(el);
    else if (['thead', 'tbody', 'tfoot'].includes(el.name)) rows.push(...rowsOf(el));
  }
  return rows;
}

/** The cells of a row, in order. */
function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'tag' && ['td', 'th'].includes((c as Element).name));
}

/** Reads one cell on its own; a header cell is bold. */
function readCell(cell: Element, style: InlineStyle): Cell {
  const inner = new Walker();
  inner.children(cell.children, { ...style, bold: style.bold || cell.name === 'th' });
  inner.flush();
  return { lines: inner.lines, text: inner.lines.map((l) => l.text).join(' ').trim() };
}

/** A row to read as layout: one cell wide, or a cell holding a heading, a list or more than one paragraph. */
function isLayoutRow(row: Cell[]): boolean {
  if (row.length === 1) return true;
  return row.some((c) => c.lines.some((l) => l.heading > 0 || l.list) || c.lines.filter((l) => l.breakBefore).length > 1);
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}
