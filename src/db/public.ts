/**
 * @module What the public may see of a document: closed items (lukkede punkter), their sub-items
 * and closed bilag are removed. Used when indexing (closed text is never searchable) and when
 * the archive hands a stored model out.
 */
import type { AgendaItem, Attachment, Block, MeetingDocument, Section } from '../model/index.js';
import { attachmentTitle, blockText, closedNumbers } from '../model/index.js';

/** True when the document has anything the public may not see. */
export function hasClosedContent(doc: MeetingDocument): boolean {
  return doc.items.some((i) => i.access !== 'public' || i.attachments.some((a) => a.access !== 'public'));
}

/** The blocks of a section without the references to closed bilag. */
export function publicBlocks(blocks: Block[], attachments: Attachment[]): Block[] {
  // Titles compared as the importer names bilag, so a reference and its list entry always meet.
  const closedTitles = new Set(attachments.filter((a) => a.access !== 'public').map((a) => attachmentTitle(a.title)));
  const openTitles = new Set(attachments.filter((a) => a.access === 'public').map((a) => attachmentTitle(a.title)));
  if (closedTitles.size === 0) return blocks;
  return blocks.filter((b) => b.kind !== 'attachment' || !closedTitles.has(attachmentTitle(b.title)) || openTitles.has(attachmentTitle(b.title)));
}

/** The public plain text of a section: blocks joined by blank lines, closed bilag left out. */
export function publicSectionText(section: Section, attachments: Attachment[]): string {
  return publicBlocks(section.blocks, attachments).map(blockText).join('\n\n');
}

/** An item as the public may see it: closed bilag removed from its list and its sections. */
export function publicItem(item: AgendaItem): AgendaItem {
  if (!item.attachments.some((a) => a.access !== 'public')) return item;
  return {
    ...item,
    attachments: item.attachments.filter((a) => a.access === 'public'),
    sections: item.sections.map((s) => ({ ...s, blocks: publicBlocks(s.blocks, item.attachments) })),
  };
}

/** The document without closed items, their table-of-contents lines, closed bilag, and import warnings that name them. */
export function publicDocument(doc: MeetingDocument): MeetingDocument {
  const closed = closedNumbers(doc.items);
  const closedTitles = new Set(doc.items.filter((i) => closed.has(i.number)).map((i) => i.title));
  const secrets = [
    ...closedTitles,
    ...doc.items.flatMap((i) => i.attachments.filter((a) => a.access !== 'public').map((a) => a.title)),
  ].filter((t) => t.trim() !== '');
  const namesClosed = (warning: string) =>
    secrets.some((t) => warning.includes(t)) ||
    [...closed].some((n) => new RegExp(`\\bitem ${n.replace(/\./g, '\\.')}(?![.\\d])`, 'i').test(warning));
  return {
    ...doc,
    items: doc.items.filter((i) => !closed.has(i.number)).map(publicItem),
    toc: doc.toc.filter((e) => !(e.number !== null ? closed.has(e.number) : closedTitles.has(e.title))),
    warnings: doc.warnings.filter((w) => !namesClosed(w)),
  };
}
