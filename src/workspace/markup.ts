/**
 * @module The builder's rich text: a small markup in a textarea that becomes the model's blocks
 * (src/model/block.ts), and back, so a section can be edited as text. Blocks are separated by an
 * empty line. Written down in the builder's help text and README ("The workspace"):
 *
 *   ## Overskrift              a heading
 *   - punkt                    a list; two spaces before the dash per level ("  - underpunkt")
 *   | celle | celle |          a table, one row per line (write \| for a bar inside a cell)
 *   ./. Bilagets titel         a bilag line (also "./ Titel")
 *   [tekst](https://…)         a link inside any text; a bare https://… address is a link too
 *   \- ikke en liste           a backslash first: the line is plain text, whatever it starts with
 *
 * Any other lines are a paragraph (its line breaks kept). Pure; both directions are tested to
 * give back the samples' sections unchanged.
 */
import type { Block, Link, ListItem } from '../model/index.js';

const HEADING = /^#{1,6}[ \t]+(.*)$/;
const LIST = /^([ \t]*)[-*][ \t]+(.*)$/;
const TABLE = /^[ \t]*\|(.*)\|[ \t]*$/;
const BILAG = /^(\.\/\.?)[ \t]+(.*)$/;
const LINK = /(?<!\\)\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const BARE_URL = /https?:\/\/[^\s<>()]+[^\s<>().,;:!?»"']/g;

/** Whether a line of text would be read as markup (and so needs the backslash to stay text). */
function isMarkupLine(line: string): boolean {
  return line.trim() === '' || line.startsWith('\\') || HEADING.test(line) || LIST.test(line) || TABLE.test(line) || BILAG.test(line);
}

/** Inline links out of a text: the text as read, and the links found. */
function inline(text: string, links: Link[]): string {
  const plain = text.replace(LINK, (_, label: string, url: string) => {
    links.push({ text: label, url });
    return label;
  });
  for (const m of plain.matchAll(BARE_URL)) links.push({ text: m[0], url: m[0] });
  return plain.replace(/\\\[/g, '[');
}

/** Markup → blocks, with the links its text holds. */
export function markupToBlocks(markup: string): { blocks: Block[]; links: Link[] } {
  const blocks: Block[] = [];
  const links: Link[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: inline(paragraph.join('\n'), links) });
    paragraph = [];
  };
  const last = () => blocks.at(-1);
  let open: 'list' | 'table' | null = null;
  for (const line of markup.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      open = null;
      continue;
    }
    if (line.startsWith('\\')) {
      if (open) open = null;
      paragraph.push(line.slice(1));
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = HEADING.exec(line))) {
      flush();
      open = null;
      blocks.push({ kind: 'heading', text: inline(m[1]!.trim(), links) });
    } else if ((m = LIST.exec(line))) {
      flush();
      const item: ListItem = { text: inline(m[2]!, links), depth: Math.floor(m[1]!.replace(/\t/g, '  ').length / 2) };
      const prev = last();
      if (open === 'list' && prev?.kind === 'list') prev.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
      open = 'list';
    } else if ((m = TABLE.exec(line))) {
      flush();
      const cells = m[1]!.split(/(?<!\\)\|/).map((c) => inline(c.trim().replace(/\\\|/g, '|'), links));
      if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue; // a Markdown header rule, not a row
      const prev = last();
      if (open === 'table' && prev?.kind === 'table') prev.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
      open = 'table';
    } else if ((m = BILAG.exec(line))) {
      flush();
      open = null;
      blocks.push({ kind: 'attachment', marker: m[1]!, title: m[2]!.trim() });
    } else {
      open = null;
      paragraph.push(line);
    }
  }
  flush();
  return { blocks, links: uniq(links) };
}

function uniq(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(`${l.text}\u0000${l.url}`) && !!seen.add(`${l.text}\u0000${l.url}`));
}

/** Text made safe for markup: a "[" that would open a link is escaped. */
const escapeInline = (text: string) => text.replace(/\[(?=[^\]\n]+\]\([^)\s]+\))/g, '\\[');

/** Blocks → markup; `links` with an address and their own text are written back as [tekst](adresse) at their first mention. */
export function blocksToMarkup(blocks: readonly Block[], links: readonly Link[] = []): string {
  const pending = links.filter((l) => l.text && l.url && l.text !== l.url) as Array<{ text: string; url: string }>;
  const linked = (text: string) => {
    let out = escapeInline(text);
    for (let i = 0; i < pending.length; i++) {
      const l = pending[i]!;
      const at = out.indexOf(l.text);
      if (at < 0) continue;
      out = `${out.slice(0, at)}[${l.text}](${l.url})${out.slice(at + l.text.length)}`;
      pending.splice(i--, 1);
    }
    return out;
  };
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return linked(block.text)
            .split('\n')
            .map((line) => (isMarkupLine(line) ? `\\${line}` : line))
            .join('\n');
        case 'heading':
          return `## ${linked(block.text)}`;
        case 'list':
          return block.items.map((i) => `${'  '.repeat(i.depth)}- ${linked(i.text)}`).join('\n');
        case 'table':
          return block.rows.map((r) => `| ${r.map((c) => linked(c).replace(/\|/g, '\\|')).join(' | ')} |`).join('\n');
        case 'attachment':
          return `${block.marker} ${block.title}`;
      }
    })
    .join('\n\n');
}
