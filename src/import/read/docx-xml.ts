/**
 * @module What mammoth loses from a DOCX, put back into word/document.xml before it converts:
 * - numbers from Word's automatic numbering: a numbered heading gets its number as text
 *   ("715. Titel", so the structure stage finds the item); a numbered list paragraph gets a
 *   list mark the HTML reader turns into the line's list marker ("2.1", depth 1);
 * - contents made by a TOC field: the tab before each entry's page number becomes a dot
 *   leader ("715. Titel ....... 2"), the other tabs spaces, as a printed contents line reads.
 */
import { Element, Text, type ChildNode, type Document } from 'domhandler';
import { append, appendChild, getOuterHTML, prependChild, replaceElement } from 'domutils';
import { parseBounded } from './depth.js';
import { NumberingCounter, kid, kidsNamed, readNumbering, valOf, type NumberingDefinitions } from './docx-numbering.js';

/** The list mark: OPEN depth SEP label CLOSE at the start of a paragraph's text (private-use characters). */
export const LIST_MARK = { open: '\uE000', sep: '\uE001', close: '\uE002' } as const;
/** Matches a list mark at the start of a text: depth and label. */
export const LIST_MARK_RE = /^\uE000(\d{1,2})\uE001([^\uE002]{0,40})\uE002\s*/;

/** The dot leader a contents line gets for the tab before its page number. */
const LEADER = ' ....... ';

interface StyleInfo {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: boolean;
}

function parseXmlDom(xml: string): Document {
  return parseBounded(xml, { xmlMode: true, decodeEntities: true });
}

function rootElement(doc: Document): Element | null {
  return (doc.children.find((c) => c.type === 'tag') as Element | undefined) ?? null;
}

/** Paragraph styles from styles.xml: name, parent, numbering and outline level. */
function readStyles(root: Element | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const s of kidsNamed(root, 'w:style')) {
    const pPr = kid(s, 'w:pPr');
    const numPr = kid(pPr, 'w:numPr');
    const ilvl = valOf(numPr, 'w:ilvl');
    styles.set(s.attribs['w:styleId'] ?? '', {
      name: valOf(s, 'w:name') ?? '',
      basedOn: valOf(s, 'w:basedOn'),
      numId: valOf(numPr, 'w:numId'),
      ilvl: ilvl === null ? null : Number(ilvl),
      outline: valOf(pPr, 'w:outlineLvl') !== null && Number(valOf(pPr, 'w:outlineLvl')) < 9,
    });
  }
  return styles;
}

/** The style and the styles it is based on, nearest first (a cycle or a long chain is cut). */
function styleChain(styles: Map<string, StyleInfo>, id: string | null): Array<StyleInfo & { id: string }> {
  const chain: Array<StyleInfo & { id: string }> = [];
  for (let s = id, n = 0; s && n < 20; n++) {
    const info = styles.get(s);
    if (!info || chain.some((c) => c.id === s)) break;
    chain.push({ ...info, id: s });
    s = info.basedOn;
  }
  return chain;
}

const HEADING_STYLE = /^(?:heading|overskrift)\s*\d$/i;
const TOC_STYLE = /^(?:toc|indholdsfortegnelse)\s*\d$/i;

/** The paragraphs of a document in order, found without recursion. */
function paragraphsOf(root: Element): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name === 'w:p') out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return out;
}

function textRun(text: string, rPr: Element | null): Element {
  const run = new Element('w:r', {}, []);
  if (rPr) appendChild(run, rPr.cloneNode(true));
  appendChild(run, textElement(text));
  return run;
}

function textElement(text: string): Element {
  const t = new Element('w:t', { 'xml:space': 'preserve' }, []);
  appendChild(t, new Text(text));
  return t;
}

/** Puts a run at the start of a paragraph's content (after its properties). */
function prependRun(p: Element, run: Element): void {
  const pPr = kid(p, 'w:pPr');
  if (pPr) append(pPr, run);
  else prependChild(p, run);
}

/** Switches a paragraph's numbering off for mammoth (numId 0), its number now being in the text. */
function numberingOff(p: Element): void {
  let pPr = kid(p, 'w:pPr');
  if (!pPr) {
    pPr = new Element('w:pPr', {}, []);
    prependChild(p, pPr);
  }
  const existing = kid(pPr, 'w:numPr');
  const off = new Element('w:numPr', {}, []);
  appendChild(off, new Element('w:ilvl', { 'w:val': '0' }));
  appendChild(off, new Element('w:numId', { 'w:val': '0' }));
  if (existing) replaceElement(existing, off);
  else prependChild(pPr, off);
}

/** Which list and level number a paragraph, directly or through its style. */
function numberingOf(p: Element, styles: Map<string, StyleInfo>, defs: NumberingDefinitions): { numId: string; ilvl: number } | null {
  const pPr = kid(p, 'w:pPr');
  const styleId = valOf(pPr, 'w:pStyle');
  const direct = kid(pPr, 'w:numPr');
  const chain = styleChain(styles, styleId);
  const fromStyle = chain.find((s) => s.numId !== null);
  const numId = valOf(direct, 'w:numId') ?? fromStyle?.numId ?? null;
  if (numId === null || numId === '0') return null;
  const ilvl = valOf(direct, 'w:ilvl') !== null ? Number(valOf(direct, 'w:ilvl')) : fromStyle?.ilvl ?? null;
  if (ilvl !== null) return { numId, ilvl };
  // A style's numbering without a level: the level that names the style.
  const num = defs.nums.get(numId);
  const levels = num ? defs.abstracts.get(num.abstractId) : undefined;
  return { numId, ilvl: [...(levels ?? new Map<number, { style: string | null }>()).entries()].find(([, l]) => l.style === styleId)?.[0] ?? 0 };
}

function isHeading(p: Element, styles: Map<string, StyleInfo>): boolean {
  const pPr = kid(p, 'w:pPr');
  const outline = valOf(pPr, 'w:outlineLvl');
  if (outline !== null && Number(outline) < 9) return true;
  return styleChain(styles, valOf(pPr, 'w:pStyle')).some((s) => s.outline || HEADING_STYLE.test(s.name) || HEADING_STYLE.test(s.id));
}

/** An open complex field: its instruction text so far. */
interface Field {
  instr: string;
}

/**
 * A paragraph's runs in order, for the field and tab pass: fldChar and instrText move the field
 * stack (which spans paragraphs), run tabs and texts are collected; nested paragraphs are left
 * to their own turn.
 */
function walkRuns(p: Element, fields: Field[]): { inToc: boolean; tokens: Array<{ tab: Element } | { text: string }> } {
  const tokens: Array<{ tab: Element } | { text: string }> = [];
  let inToc = false;
  const stack: ChildNode[] = [...p.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name === 'w:p' || el.name === 'w:pPr' || el.name === 'w:txbxContent') continue;
    if (el.name === 'w:fldChar') {
      const type = el.attribs['w:fldCharType'];
      if (type === 'begin') fields.push({ instr: '' });
      else if (type === 'end') fields.pop();
      continue;
    }
    if (el.name === 'w:instrText') {
      const top = fields.at(-1);
      if (top) top.instr += textOfNode(el);
      continue;
    }
    const visible = el.name === 'w:t' || (el.name === 'w:tab' && el.parent?.type === 'tag' && (el.parent as Element).name === 'w:r');
    if (visible) {
      if (fields.some((f) => /^\s*TOC\b/i.test(f.instr))) inToc = true;
      tokens.push(el.name === 'w:tab' ? { tab: el } : { text: textOfNode(el) });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return { inToc, tokens };
}

function textOfNode(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as Text).data : '')).join('');
}

/** A contents paragraph's tabs as text: the one before the page number a dot leader, the others spaces. */
function tocTabs(tokens: Array<{ tab: Element } | { text: string }>): void {
  const hasText = (list: typeof tokens) => list.some((t) => 'text' in t && t.text.trim() !== '');
  let leader = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if ('tab' in tokens[i]! && hasText(tokens.slice(0, i)) && hasText(tokens.slice(i + 1))) {
      leader = i;
      break;
    }
  }
  tokens.forEach((t, i) => {
    if (!('tab' in t)) return;
    replaceElement(t.tab, textElement(i === leader ? LEADER : ' '));
  });
}

/**
 * Rewrites document.xml (with numbering.xml and styles.xml when the file has them): numbers of
 * automatic numbering written into the text, contents lines given their dot leader.
 */
export function rewriteDocumentXml(documentXml: string, numberingXml: string | null, stylesXml: string | null): string {
  const doc = parseXmlDom(documentXml);
  const root = rootElement(doc);
  if (!root) return documentXml;
  const defs = readNumbering(numberingXml ? rootElement(parseXmlDom(numberingXml)) : null);
  const styles = readStyles(stylesXml ? rootElement(parseXmlDom(stylesXml)) : null);
  const counter = new NumberingCounter(defs);
  const fields: Field[] = [];
  for (const p of paragraphsOf(root)) {
    const { inToc, tokens } = walkRuns(p, fields);
    const styleId = valOf(kid(p, 'w:pPr'), 'w:pStyle');
    if (inToc || styleChain(styles, styleId).some((s) => TOC_STYLE.test(s.name) || TOC_STYLE.test(s.id))) tocTabs(tokens);
    const numbering = numberingOf(p, styles, defs);
    if (!numbering) continue;
    const number = counter.next(numbering.numId, numbering.ilvl);
    // Bullets stay mammoth's lists; a number Word computes is written out.
    if (!number || number.label === null) continue;
    numberingOff(p);
    if (number.label === '') continue;
    const firstRun = kidsNamed(p, 'w:r')[0];
    if (isHeading(p, styles)) prependRun(p, textRun(`${number.label} `, kid(firstRun, 'w:rPr')));
    else prependRun(p, textRun(`${LIST_MARK.open}${number.depth}${LIST_MARK.sep}${number.label}${LIST_MARK.close}`, null));
  }
  return getOuterHTML(doc, { xmlMode: true });
}
