/**
 * @module Who a printed document is for, and what of the document they may see. The stripping
 * itself is the archive's (archive/view.ts, the one policy): an audience stands for the viewer
 * it prints for, and the items it may not read are kept as numbered "Lukket punkt" placeholders.
 */
import { canRead } from '../archive/policy.js';
import { itemLevels, viewDocument } from '../archive/view.js';
import type { AccessLevel, AgendaItem, MeetingDocument, Viewer } from '../model/index.js';

/** public: everyone · members: closed items too · secretariat: confidential items too (archive/policy.ts). */
export type Audience = 'public' | 'members' | 'secretariat';

/** One entry of the printed document: an item in full, or a withheld item's number only. */
export type PrintedItem = { kind: 'item'; item: AgendaItem; level: AccessLevel } | { kind: 'withheld'; number: string };

export interface PrintView {
  document: MeetingDocument;
  /** Every item of the stored document in order, withheld ones by number only. */
  entries: PrintedItem[];
  /** Whether anything restricted is printed in full (the copy must not be passed on). */
  containsRestricted: boolean;
}

/** A stand-in organisation id: the audience's viewer holds its role there, the document belongs to it. */
const ORG = 1;

const VIEWERS: Record<Audience, Viewer> = {
  public: { kind: 'anonymous' },
  members: { kind: 'account', accountId: 0, roles: [{ role: 'member', organizationId: ORG }] },
  secretariat: { kind: 'account', accountId: 0, roles: [{ role: 'secretary', organizationId: ORG }] },
};

/** The audience a viewer reads a meeting of organisation `organizationId` as. */
export function audienceOf(viewer: Viewer, organizationId: number | null): Audience {
  if (canRead(viewer, 'confidential', organizationId)) return 'secretariat';
  if (canRead(viewer, 'closed', organizationId)) return 'members';
  return 'public';
}

/**
 * The document as the audience may read it, or null when the whole document is withheld from
 * it. Items withheld keep their place and number; their titles and text are gone.
 */
export function printView(doc: MeetingDocument, audience: Audience): PrintView | null {
  const seen = viewDocument(doc, VIEWERS[audience], ORG);
  if (!seen) return null;
  const levels = itemLevels(doc);
  // viewDocument keeps the order and drops withheld items by number: walk both together.
  const shownNumbers = new Set(seen.items.map((i) => i.number));
  const entries: PrintedItem[] = [];
  const withheld = new Set<string>();
  let next = 0;
  for (const original of doc.items) {
    if (shownNumbers.has(original.number)) {
      entries.push({ kind: 'item', item: seen.items[next++]!, level: levels.get(original.number) ?? 'public' });
    } else if (!withheld.has(original.number)) {
      withheld.add(original.number);
      entries.push({ kind: 'withheld', number: original.number });
    }
  }
  const bilag = seen.items.some((i) => i.attachments.some((a) => a.access !== 'public'));
  return { document: seen, entries, containsRestricted: seen.access !== 'public' || bilag || entries.some((e) => e.kind === 'item' && e.level !== 'public') };
}
