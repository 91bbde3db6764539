/**
 * @module Agenda items (dagsordenspunkter): numbered, with case number, sections and bilag.
 */
import { z } from 'zod';
import { AccessLevel, mostRestrictive } from './access.js';
import { Section, sectionText } from './section.js';

export const Attachment = z.object({
  title: z.string(),
  /** Closed and confidential bilag are kept from the public archive. */
  access: AccessLevel.default('public'),
  fileName: z.string().nullable().default(null),
  /** SHA-256 of the bilag's bytes when the archive holds them (an upload in the workspace). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Link = z.object({
  text: z.string().nullable(),
  /** Null when the source kept the link text but lost the address (`[her](#)`). */
  url: z.string().nullable(),
});
export type Link = z.infer<typeof Link>;

/** Someone who did not take part in an item ("deltog ikke i behandlingen", "var forhindret"). */
export const ItemAbsence = z.object({
  name: z.string(),
  /** The document's words for it ("inhabil", "forlod mødet"), when it gives any. */
  reason: z.string().nullable(),
});
export type ItemAbsence = z.infer<typeof ItemAbsence>;

export const AgendaItem = z.object({
  /** "3", "3.1" — no trailing dot. */
  number: z.string().regex(/^\d+(\.\d+)*$/),
  title: z.string(),
  /** Case number as written: SAG-2020-01697, 1-51-71-3321-08, 24.10.00-G01-1-19 … */
  caseNumber: z.string().nullable(),
  /** Case officers' initials ("chbo", "jhp"). */
  caseOfficers: z.array(z.string()),
  /** Who presents the item ("v. Jesper Kaas Schmidt"). */
  presenters: z.array(z.string()),
  sections: z.array(Section),
  attachments: z.array(Attachment),
  links: z.array(Link),
  /** Text of the decision section(s), or null when the item has none. */
  decision: z.string().nullable(),
  /** Members who did not take part in this item, as the item itself says (the meeting's afbud are on the document). */
  absent: z.array(ItemAbsence).default([]),
  /** Åbent, lukket or fortroligt punkt; sub-items inherit a stricter level (see effectiveAccess). */
  access: AccessLevel.default('public'),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Text reduced to its lower-case letters and digits, for comparing titles however punctuated. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The number of the parent item ("3" for "3.1"), or null for a top-level item. */
export function parentNumber(number: string): string | null {
  const i = number.lastIndexOf('.');
  return i < 0 ? null : number.slice(0, i);
}

/** Links without repeats, in first-seen order. */
export function uniqueLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.text}\u0000${l.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An item's decision: the text of its decision sections separated by blank lines, or null. */
export function decisionOf(sections: readonly Section[]): string | null {
  const decisions = sections.filter((s) => s.type === 'decision');
  return decisions.length > 0 ? decisions.map(sectionText).join('\n\n') : null;
}

/**
 * Each item's access level with its parents' taken into account ("3.1" under closed "3" is
 * closed). Items that share a number (an export's mistake) share the strictest of their levels:
 * pages and search know an item by its number, so a closed item may not hide behind an open twin.
 */
export function effectiveAccess(items: readonly AgendaItem[]): Map<string, AccessLevel> {
  const own = new Map<string, AccessLevel>();
  for (const i of items) own.set(i.number, mostRestrictive(own.get(i.number) ?? 'public', i.access));
  const result = new Map<string, AccessLevel>();
  for (const item of items) {
    const levels: AccessLevel[] = [];
    for (let n: string | null = item.number; n !== null; n = parentNumber(n)) levels.push(own.get(n) ?? 'public');
    result.set(item.number, mostRestrictive(...levels));
  }
  return result;
}

/** Numbers of items the public may not see: restricted themselves or under a restricted item. */
export function closedNumbers(items: readonly AgendaItem[]): Set<string> {
  return new Set([...effectiveAccess(items)].filter(([, level]) => level !== 'public').map(([n]) => n));
}

/** A bilag's name without the sentence around it: "Udkast til X er vedlagt som bilag." → "Udkast til X". */
export function attachmentTitle(text: string): string {
  return text
    .replace(/\s+(?:er|bliver)\s+vedlagt(?:\s+som\s+bilag)?\.?$/i, '')
    .replace(/\s+vedlægges(?:\s+som\s+bilag)?\.?$/i, '')
    .replace(/\.$/, '')
    .trim();
}
