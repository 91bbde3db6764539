/**
 * @module Blocks: the faithful text content of a section (and of the front matter).
 * Every word of a document lives in exactly one block; structured fields elsewhere
 * (decision, attachments, links) are views derived from these blocks.
 */
import { z } from 'zod';

export const ListItem = z.object({
  text: z.string(),
  /** Nesting depth, 0 for a top-level bullet. */
  depth: z.number().int().min(0),
});

export const Block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(ListItem).min(1) }),
  z.object({ kind: z.literal('table'), rows: z.array(z.array(z.string())).min(1) }),
  /** A bilag reference: the `./.` (or `./`) marker followed by its title. */
  z.object({ kind: z.literal('attachment'), title: z.string(), marker: z.string() }),
]);

export type ListItem = z.infer<typeof ListItem>;
export type Block = z.infer<typeof Block>;

/** The plain text of a block, as one string (table cells tab-separated, rows and list items on lines). */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map((i) => i.text).join('\n');
    case 'table':
      return block.rows.map((r) => r.join('\t')).join('\n');
    case 'attachment':
      return block.title;
  }
}
