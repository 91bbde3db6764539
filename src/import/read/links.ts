/**
 * @module Links that a line break cut in two, made whole again for every reader.
 */
import type { Link } from '../../model/index.js';
import type { Line } from '../line.js';

/**
 * Joins a link broken over lines (two PDF link boxes, two anchors around a `<br>`): when a
 * line ends with a link and the next line, in the same paragraph, starts with the same
 * address, the whole link is kept on the first line. Web addresses join without a space.
 */
export function joinBrokenLinks(lines: Line[]): Line[] {
  // The link that ends the previous line (perhaps carried on from lines before it).
  let open: Link | null = null;
  lines.forEach((line, i) => {
    const first = line.links[0];
    let carried: Link | null = null;
    if (open?.text && first?.text && open.url === first.url && !line.breakBefore && !line.cells && !lines[i - 1]!.cells && line.text.startsWith(first.text)) {
      const address = /^(https?:\/\/|www\.)\S*$/i.test(open.text);
      open.text = address ? open.text + first.text : `${open.text} ${first.text}`;
      line.links.shift();
      carried = open;
    }
    const last = line.links[line.links.length - 1];
    if (last?.text && line.text.endsWith(last.text)) open = last;
    else open = carried && line.links.length === 0 && line.text === first!.text ? carried : null;
  });
  return lines;
}

