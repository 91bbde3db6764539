/**
 * @module Document versions (Danish: versioner): every import of a changed file and every edit
 * makes a new version of a meeting's document; nothing is overwritten. The current version is
 * what the pages show; earlier ones stay readable and comparable.
 */
import { z } from 'zod';
import type { MeetingDocument } from './document.js';
import { blockText } from './block.js';
import { sectionText } from './section.js';

/** file: imported from a file · written: written in Referat. */
export const VersionSource = z.enum(['file', 'written']);
export type VersionSource = z.infer<typeof VersionSource>;

export const DocumentVersionInfo = z.object({
  id: z.number().int(),
  version: z.number().int().min(1),
  createdAt: z.string(),
  /** Who or what made it: "import (referat import)", "import (start)", later an account. */
  createdBy: z.string(),
  source: VersionSource,
  fileName: z.string().nullable(),
  current: z.boolean(),
});
export type DocumentVersionInfo = z.infer<typeof DocumentVersionInfo>;

/** What a new version changes against another: counts a summary line and a decision can use. */
export interface VersionChange {
  itemsAdded: string[];
  itemsRemoved: string[];
  itemsChanged: string[];
  decisionsBefore: number;
  decisionsAfter: number;
  wordsBefore: number;
  wordsAfter: number;
}

/** The words of a document: front matter and every item's title and sections. */
export function documentWords(doc: MeetingDocument): number {
  const text = [
    ...doc.frontMatter.map(blockText),
    ...doc.items.flatMap((i) => [i.title, ...i.sections.map(sectionText)]),
  ].join(' ');
  return text.split(/\s+/).filter(Boolean).length;
}

const itemKey = (i: MeetingDocument['items'][number]) => `${i.number} ${i.title}`;

/** Items added, removed and changed (by number and title), decisions and words before and after. */
export function compareVersions(before: MeetingDocument, after: MeetingDocument): VersionChange {
  const old = new Map(before.items.map((i) => [itemKey(i), JSON.stringify(i)]));
  const now = new Map(after.items.map((i) => [itemKey(i), JSON.stringify(i)]));
  return {
    itemsAdded: [...now.keys()].filter((k) => !old.has(k)),
    itemsRemoved: [...old.keys()].filter((k) => !now.has(k)),
    itemsChanged: [...now].filter(([k, v]) => old.has(k) && old.get(k) !== v).map(([k]) => k),
    decisionsBefore: before.items.filter((i) => i.decision).length,
    decisionsAfter: after.items.filter((i) => i.decision).length,
    wordsBefore: documentWords(before),
    wordsAfter: documentWords(after),
  };
}

/**
 * True when a new version reads less of the meeting than the current one: items or decisions
 * lost, or a tenth of the words. Such a version is stored but does not become current.
 */
export function isWorseRendering(change: VersionChange): boolean {
  return (
    change.itemsRemoved.length > change.itemsAdded.length ||
    change.decisionsAfter < change.decisionsBefore ||
    change.wordsAfter < change.wordsBefore * 0.9
  );
}

/** One line saying what changed, for the import summary. */
export function describeChange(change: VersionChange): string {
  const parts: string[] = [];
  if (change.itemsAdded.length) parts.push(`${change.itemsAdded.length} items added`);
  if (change.itemsRemoved.length) parts.push(`${change.itemsRemoved.length} items removed`);
  if (change.itemsChanged.length) parts.push(`${change.itemsChanged.length} items changed`);
  if (change.decisionsAfter !== change.decisionsBefore) parts.push(`decisions ${change.decisionsBefore} → ${change.decisionsAfter}`);
  if (change.wordsAfter !== change.wordsBefore) parts.push(`words ${change.wordsBefore} → ${change.wordsAfter}`);
  return parts.length ? parts.join(', ') : 'no change in the text';
}
