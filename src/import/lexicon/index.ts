/**
 * @module The Danish lexicon as data: the words councils' documents use for labels, section
 * headings, decisions, substitutes, publishing-site chrome and the like, one JSON file per topic,
 * each entry with an English gloss. Every importer (text, web, PDF, Word, XML) reads the same
 * words from here instead of carrying its own regular expressions.
 *
 * Conventions for the JSON files: `{ "$comment": "what the topic is", "entries": [{ "gloss":
 * "English meaning", …topic fields }] }`; Danish words are written lower-case unless case matters;
 * patterns are JavaScript regular expression sources, matched case-insensitively with the `u` flag.
 */
import authorities from './authorities.json' with { type: 'json' };

/** Organisations whose name does not say whose they are, and their publishing authority. */
export const AUTHORITIES: ReadonlyArray<{ pattern: RegExp; authority: string | null }> = authorities.organisations.map((o) => ({
  pattern: new RegExp(o.pattern, 'iu'),
  authority: o.authority,
}));

/** A case-insensitive Unicode regular expression from a lexicon pattern source. */
export function lexiconPattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

import caseNumbers from './case-numbers.json' with { type: 'json' };

/** Danish section headings and their section types (the data lives beside sectionTypeOf in src/model). */
export { SECTION_HEADINGS } from '../../model/section.js';

/** What an item-head slot holds: its case number, a document or bilag number, or its case officer. */
export type SlotRole = 'case' | 'document' | 'officer';

/** Labels of item-head slots ("Sagsnr.", "J.nr.", "Dok.nr.", "Sagsbehandler") and what each holds. */
export const CASE_SLOT_LABELS: ReadonlyArray<{ pattern: string; role: SlotRole; gloss: string }> = caseNumbers.entries.map((e) => ({
  pattern: e.pattern,
  role: e.role as SlotRole,
  gloss: e.gloss,
}));

import headings from './headings.json' with { type: 'json' };

/** The words around item headings: number labels, access hints, page labels, contents and case labels. */
export const HEADING_WORDS = {
  numberLabels: headings.numberLabels.map((e) => lexiconPattern(e.pattern)),
  access: headings.access.map((e) => ({ pattern: lexiconPattern(e.pattern), access: e.access as 'public' | 'closed' | 'confidential' })),
  pageLabels: headings.pageLabels.map((e) => lexiconPattern(e.pattern)),
  tocLabels: headings.tocLabels.map((e) => lexiconPattern(e.pattern)),
  caseLabels: headings.caseLabels.map((e) => lexiconPattern(e.pattern)),
};
