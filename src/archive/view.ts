/**
 * @module A stored document as one viewer may see it: items, bilag, table-of-contents lines,
 * front matter and import warnings the policy withholds are removed. Pure; used by the pages'
 * reads and by the projection (which text of an item is searchable at the item's level).
 */
import { attachmentTitle, blockText, effectiveAccess, mostRestrictive } from '../model/index.js';
import type { AccessLevel, AgendaItem, Attachment, Block, MeetingDocument, Section, Viewer } from '../model/index.js';
import { canRead } from './policy.js';

/** Each item's level: its own, its parents' and the whole document's. */
export function itemLevels(doc: MeetingDocument): Map<string, AccessLevel> {
  const levels = effectiveAccess(doc.items);
  for (const [n, level] of levels) levels.set(n, mostRestrictive(level, doc.access));
  return levels;
}

/** The most restrictive level of anything in the document (its original file is at least this). */
export function documentLevel(doc: MeetingDocument): AccessLevel {
  const levels = itemLevels(doc);
  const bilag = doc.items.flatMap((i) => i.attachments.map((a) => a.access));
  return mostRestrictive(doc.access, ...levels.values(), ...bilag);
}

/** The blocks of a section without the references to bilag that `keep` rejects. */
export function blocksWithout(blocks: Block[], attachments: Attachment[], keep: (a: Attachment) => boolean): Block[] {
  // Titles compared as the importer names bilag, so a reference and its list entry always meet.
  const hidden = new Set(attachments.filter((a) => !keep(a)).map((a) => attachmentTitle(a.title)));
  const shown = new Set(attachments.filter(keep).map((a) => attachmentTitle(a.title)));
  if (hidden.size === 0) return blocks;
  return blocks.filter((b) => b.kind !== 'attachment' || !hidden.has(attachmentTitle(b.title)) || shown.has(attachmentTitle(b.title)));
}

/** A section's plain text at a given item level: bilag stricter than the item left out. */
export function sectionTextAt(section: Section, attachments: Attachment[], level: AccessLevel): string {
  const keep = (a: Attachment) => mostRestrictive(a.access, level) === level;
  return blocksWithout(section.blocks, attachments, keep).map(blockText).join('\n\n');
}

/** The item with only the bilag the viewer may read (the item itself is readable). */
function itemFor(item: AgendaItem, level: AccessLevel, readable: (level: AccessLevel) => boolean): AgendaItem {
  const keep = (a: Attachment) => readable(mostRestrictive(a.access, level));
  if (item.attachments.every(keep)) return item;
  return {
    ...item,
    attachments: item.attachments.filter(keep),
    // A section that held only withheld bilag goes too: a heading over nothing says something is there.
    sections: item.sections
      .map((s) => ({ ...s, blocks: blocksWithout(s.blocks, item.attachments, keep), emptied: s.blocks.length > 0 }))
      .filter((s) => s.blocks.length > 0 || !s.emptied)
      .map(({ emptied: _, ...s }) => s),
  };
}

/** Whether a block's text names any of the withheld strings; lists and tables keep their other lines. */
function withoutSecrets(block: Block, names: (text: string) => boolean): Block | null {
  switch (block.kind) {
    case 'list': {
      const items = block.items.filter((i) => !names(i.text));
      return items.length > 0 ? { ...block, items } : null;
    }
    case 'table': {
      const rows = block.rows.filter((r) => !r.some(names));
      return rows.length > 0 ? { ...block, rows } : null;
    }
    default:
      return names(blockText(block)) ? null : block;
  }
}

/**
 * The document as the viewer may see it, or null when the viewer may not see the meeting's
 * document at all. `organizationId` is the meeting's organisation (whose members read its closed items).
 */
export function viewDocument(doc: MeetingDocument, viewer: Viewer, organizationId: number | null): MeetingDocument | null {
  const readable = (level: AccessLevel) => canRead(viewer, level, organizationId);
  if (!readable(doc.access)) return null;
  const levels = itemLevels(doc);
  const hiddenItems = doc.items.filter((i) => !readable(levels.get(i.number) ?? 'public'));
  const hiddenNumbers = new Set(hiddenItems.map((i) => i.number));
  const secrets = [
    ...hiddenItems.map((i) => i.title),
    ...doc.items.flatMap((i) => i.attachments.filter((a) => !readable(mostRestrictive(a.access, levels.get(i.number) ?? 'public'))).map((a) => a.title)),
  ].filter((t) => t.trim().length >= 4);
  if (secrets.length === 0 && hiddenNumbers.size === 0) return doc;
  const names = (text: string) => secrets.some((t) => text.includes(t));
  const namesNumber = (warning: string) => [...hiddenNumbers].some((n) => new RegExp(`\\bitem ${n.replace(/\./g, '\\.')}(?![.\\d])`, 'i').test(warning));
  const hiddenTitles = new Set(hiddenItems.map((i) => i.title));
  return {
    ...doc,
    items: doc.items.filter((i) => !hiddenNumbers.has(i.number)).map((i) => itemFor(i, levels.get(i.number) ?? 'public', readable)),
    toc: doc.toc.filter((e) => !(e.number !== null ? hiddenNumbers.has(e.number) : hiddenTitles.has(e.title)) && !names(e.title)),
    frontMatter: doc.frontMatter.map((b) => withoutSecrets(b, names)).filter((b): b is Block => b !== null),
    warnings: doc.warnings.filter((w) => !names(w) && !namesNumber(w)),
  };
}

/**
 * The numbers of the items the viewer may not read, outermost only (a closed item's sub-items go
 * with it): the meeting page shows each as "Lukket punkt", with nothing of its text.
 */
export function withheldNumbers(doc: MeetingDocument, viewer: Viewer, organizationId: number | null): string[] {
  const levels = itemLevels(doc);
  const hidden = new Set(doc.items.map((i) => i.number).filter((n) => !canRead(viewer, levels.get(n) ?? 'public', organizationId)));
  return [...hidden].filter((n) => {
    const parent = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : null;
    return parent === null || !hidden.has(parent);
  });
}

/** One item as the viewer may see it, or null when withheld. */
export function viewItem(doc: MeetingDocument, number: string, viewer: Viewer, organizationId: number | null): AgendaItem | null {
  const seen = viewDocument(doc, viewer, organizationId);
  return seen?.items.find((i) => i.number === number) ?? null;
}
