/**
 * @module Nesting limits: a DOM nested deeper than the readers' recursion can follow is refused
 * with a reason ("nested deeper than 400 levels") instead of overflowing the call stack.
 */
import { DomHandler, type ChildNode, type Document } from 'domhandler';
import { Parser, type Options } from 'htmlparser2';

/** How deep an HTML or XML document may nest; real agendas stay far below (Word tables in tables: ~20). */
export const MAX_NESTING = 400;

/** An input refused by a limit: the message is the reason, the reader's caller names the file. */
export class LimitError extends Error {
  override name = 'LimitError';
}

/** Throws a LimitError when any element of the document lies deeper than `limit` levels (checked without recursion). */
export function assertNesting(doc: Document, limit = MAX_NESTING): void {
  const stack: Array<{ nodes: ChildNode[]; depth: number }> = [{ nodes: doc.children, depth: 1 }];
  while (stack.length > 0) {
    const { nodes, depth } = stack.pop()!;
    for (const node of nodes) {
      if (!('children' in node) || node.children.length === 0) continue;
      if (depth + 1 > limit) throw new LimitError(`nested deeper than ${limit} levels`);
      stack.push({ nodes: node.children, depth: depth + 1 });
    }
  }
}

/** Elements that never hold others (void) or close by themselves (optional end tags): they do not deepen a page. */
const NON_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp',
]);

/**
 * The deepest nesting of start and end tags in markup, scanned in one linear pass before parsing:
 * htmlparser2 keeps its open elements in an array it shifts at the front, so parsing a page
 * nested 100 000 deep takes seconds. Comments, `/>` and elements that close themselves do not
 * count; the figure is an estimate, and only a figure far past MAX_NESTING refuses the input.
 */
export function markupNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length - 1) {
    let j = i + 1;
    const closing = text.charCodeAt(j) === 47; // '/'
    if (closing) j++;
    const nameStart = j;
    while (j < text.length && /[\w:-]/.test(text[j]!)) j++;
    const end = text.indexOf('>', j);
    if (end < 0) break; // no tag ends after this point
    if (j > nameStart) {
      const name = text.slice(nameStart, j).toLowerCase();
      const selfClosing = text.charCodeAt(end - 1) === 47;
      if (!NON_NESTING.has(name) && !selfClosing) {
        depth = closing ? Math.max(0, depth - 1) : depth + 1;
        if (depth > max) max = depth;
      }
    }
    i = text.indexOf('<', end + 1);
  }
  return max;
}

/** Throws a LimitError before parsing markup whose tags nest far past the limit (see markupNesting). */
export function assertMarkupNesting(text: string, limit = MAX_NESTING): void {
  if (markupNesting(text) > limit * 10) throw new LimitError(`nested deeper than ${limit} levels`);
}

/** A DOM builder that refuses, as the tag opens, an element deeper than assertNesting allows. */
class BoundedHandler extends DomHandler {
  constructor(
    options: Options,
    private readonly limit: number,
  ) {
    super(undefined, options);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The stack holds the document and the open elements: an element on level limit + 1 exists,
    // so its parent, on level limit, has children — what assertNesting refuses.
    if (this.tagStack.length > this.limit + 1) throw new LimitError(`nested deeper than ${this.limit} levels`);
  }
}

/**
 * htmlparser2's parseDocument that stops at the first element nested deeper than `limit` levels.
 * The parser keeps its open elements in an array it shifts and unshifts at the front and searches
 * on every end tag, so each tag costs as much as the depth it is opened at: a document nested
 * 100,000 deep (or one that never closes its tags) parses in time quadratic in its length. Bounded
 * here, each tag costs at most `limit`, whatever the markup; the document returned is the same.
 */
export function parseBounded(text: string, options: Options, limit = MAX_NESTING): Document {
  const handler = new BoundedHandler(options, limit);
  new Parser(handler, options).end(text);
  return handler.root;
}
