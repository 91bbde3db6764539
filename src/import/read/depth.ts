/**
 * @module Nesting limits: a DOM nested deeper than the readers' recursion can follow is refused
 * with a reason ("nested deeper than 400 levels") instead of overflowing the call stack.
 */
import type { ChildNode, Document } from 'domhandler';

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
