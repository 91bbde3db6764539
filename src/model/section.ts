/**
 * @module Sections of an agenda item: Baggrund, Indstilling, Sagsfremstilling, Beslutning …
 */
import { z } from 'zod';
import { Block, blockText } from './block.js';

/** What a section is for, whatever its local heading ("Referat:" and "Beslutning" are both decisions). */
export const SectionType = z.enum([
  'summary', // Resume, Beslutningstema
  'background', // Baggrund
  'recommendation', // Indstilling, Administrationen/Direktionen indstiller
  'presentation', // Sagsfremstilling
  'decision', // Beslutning, Referat
  'economy', // Økonomi
  'history', // Historik
  'other',
]);
export type SectionType = z.infer<typeof SectionType>;

export const Section = z.object({
  /** The heading as written (without a trailing colon), or null for text before any heading. */
  heading: z.string().nullable(),
  type: SectionType,
  blocks: z.array(Block),
});
export type Section = z.infer<typeof Section>;

/** Danish section headings (lower-cased, without colon) and the type each stands for. */
const HEADING_TYPES: ReadonlyArray<[RegExp, SectionType]> = [
  [/^(resume|resumé|beslutningstema|sagsresume)$/, 'summary'],
  [/^(baggrund|baggrund for sagen)$/, 'background'],
  [/^(indstilling|indstillinger|forslag til beslutning|(administrationen|direktionen|forvaltningen|borgmesteren|kommunaldirektøren) indstiller)$/, 'recommendation'],
  [/^(sagsfremstilling|sagsbeskrivelse|beskrivelse|sagens indhold)$/, 'presentation'],
  [/^(beslutning|beslutninger|referat|afgørelse|beslutning i .+)$/, 'decision'],
  [/^(økonomi|økonomiske konsekvenser|økonomi og finansiering|bevillingsmæssige konsekvenser)$/, 'economy'],
  [/^(historik|tidligere beslutninger|sagens forløb)$/, 'history'],
  [/^(bilag|bilagsliste|bilagsoversigt)$/, 'other'],
];

/** The section type of a known heading, or null when the heading is not a known section name. */
export function sectionTypeOf(heading: string): SectionType | null {
  // Every known heading is short: longer lines are text, without trying each pattern.
  if (heading.length > 50) return null;
  const key = heading.trim().replace(/[:,]$/, '').trim().toLowerCase();
  for (const [pattern, type] of HEADING_TYPES) if (pattern.test(key)) return type;
  return null;
}

/** All text of a section's blocks, paragraphs separated by blank lines. */
export function sectionText(section: Section): string {
  return section.blocks.map(blockText).join('\n\n');
}
