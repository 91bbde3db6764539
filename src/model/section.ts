/**
 * @module Sections of an agenda item: Baggrund, Indstilling, Sagsfremstilling, Beslutning …
 */
import { z } from 'zod';
import { Block, blockText } from './block.js';
import sectionHeadings from './lexicon/sections.json' with { type: 'json' };

/** What a section is for, whatever its local heading ("Referat:" and "Beslutning" are both decisions). */
export const SectionType = z.enum([
  'summary', // Resume, Beslutningstema
  'background', // Baggrund
  'recommendation', // Indstilling, Administrationen/Direktionen indstiller
  'presentation', // Sagsfremstilling
  'decision', // Beslutning, Referat
  'economy', // Økonomi
  'history', // Historik, Sagsforløb, Tidligere behandling; earlier meetings' dated decisions
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

/** Danish section headings and the type each stands for, as data (lexicon/sections.json), first match wins. */
export const SECTION_HEADINGS: ReadonlyArray<{ pattern: RegExp; type: SectionType; gloss: string }> = sectionHeadings.entries.map((e) => ({
  pattern: new RegExp(e.pattern, 'iu'),
  type: SectionType.parse(e.type),
  gloss: e.gloss,
}));

/** The section type of a known heading, or null when the heading is not a known section name. */
export function sectionTypeOf(heading: string): SectionType | null {
  // Every known heading is short ("Beslutning i <udvalg> den <dato>" the longest): longer lines are text.
  if (heading.length > 120) return null;
  const key = heading.trim().replace(/[:,]$/, '').trim().toLowerCase();
  for (const { pattern, type } of SECTION_HEADINGS) if (pattern.test(key)) return type;
  return null;
}

/** All text of a section's blocks, paragraphs separated by blank lines. */
export function sectionText(section: Section): string {
  return section.blocks.map(blockText).join('\n\n');
}
