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

import chrome from './chrome.json' with { type: 'json' };

/** Publishing-site chrome (controls, cookie banners, skip links, breadcrumbs): texts, whole-text patterns and id/class words. */
export const CHROME: {
  texts: ReadonlyMap<string, 'anywhere' | 'control'>;
  patterns: readonly RegExp[];
  classNames: readonly string[];
} = {
  texts: new Map(chrome.entries.flatMap((e) => ('text' in e && e.text ? [[e.text, e.scope === 'control' ? 'control' : 'anywhere'] as const] : []))),
  patterns: chrome.entries.flatMap((e) => ('pattern' in e && e.pattern ? [lexiconPattern(e.pattern)] : [])),
  classNames: chrome.entries.flatMap((e) => ('className' in e && e.className ? [e.className] : [])),
};
