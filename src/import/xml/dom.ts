/**
 * @module A small, tolerant XML reader for case-system exports: decoding (BOM, declared
 * encoding), parsing with htmlparser2's XML mode (which keeps document order and accepts the
 * invalid `&#xC;` references eDoc writes, where strict parsers give up), and namespace-blind
 * navigation by local element names.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { textContent } from 'domutils';
import { assertMarkupNesting, assertNesting, parseBounded } from '../read/depth.js';

export type { Element } from 'domhandler';

/** Control characters XML 1.0 forbids; eDoc writes a form feed (`&#xC;`) as a page break. */
const INVALID_REFERENCE = /&#(?:x0*([0-8bcef]|1[0-9a-f])|0*([0-8]|1[1-24-9]|2\d|3[01]));/gi;

/** Decodes XML bytes: a BOM or the declared encoding decides, UTF-8 otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const prolog = new TextDecoder('latin1').decode(bytes.subarray(start, start + 200));
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.-]+)["']/i.exec(prolog)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes.subarray(start));
    } catch {
      // An encoding label TextDecoder does not know: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    // Exports saved by hand in Notepad keep the UTF-8 declaration but are Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes.subarray(start));
  }
}

/**
 * Parses XML text into a DOM; invalid control-character references become line breaks. XML
 * nested deeper than MAX_NESTING levels is refused ("nested deeper than 400 levels"): the readers
 * walk the tree recursively.
 */
export function parseXml(text: string): Document {
  const cleaned = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(INVALID_REFERENCE, '\n');
  assertMarkupNesting(cleaned);
  const doc = parseBounded(cleaned, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  assertNesting(doc);
  return doc;
}

/** The element name without its namespace prefix ("edoc:Root" → "Root"). */
export function localName(el: Element): string {
  const i = el.name.indexOf(':');
  return i < 0 ? el.name : el.name.slice(i + 1);
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The document's root element, or null for an empty document. */
export function rootOf(doc: Document): Element | null {
  return doc.children.find(isElement) ?? null;
}

/** Direct child elements, optionally only those with the given local name. */
export function kids(el: Element | null | undefined, name?: string): Element[] {
  if (!el) return [];
  return el.children.filter(isElement).filter((c) => name === undefined || localName(c) === name);
}

/** The element at a slash-separated path of local names below `el`, or null. */
export function at(el: Element | null | undefined, path: string): Element | null {
  let current: Element | null = el ?? null;
  for (const name of path.split('/')) current = kids(current, name)[0] ?? null;
  return current;
}

/** Every element at a path; the last step may match many ("Items/Item"). */
export function all(el: Element | null | undefined, path: string): Element[] {
  const steps = path.split('/');
  const last = steps.pop()!;
  return kids(steps.length > 0 ? at(el, steps.join('/')) : el, last);
}

/** The element's text (CDATA included), trimmed; "" when absent. */
export function text(el: Element | null | undefined): string {
  return el ? textContent(el).trim() : '';
}

/** The trimmed text at a path below `el`; "" when absent. */
export function textAt(el: Element | null | undefined, path: string): string {
  return text(at(el, path));
}

/** Elements anywhere below `el` (document order) with the given local name. */
export function descendants(el: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Element) => {
    for (const child of kids(node)) {
      if (localName(child) === name) found.push(child);
      walk(child);
    }
  };
  walk(el);
  return found;
}
