/**
 * @module The body that meets, where no label states it: a header line that is a body's name
 * ("Kommunalbestyrelsen"), or the body whose decisions the items record at this meeting
 * ("Klima- og Miljøudvalget, 05-12-2017 pkt. 188", "Beslutning i Udvalget for teknik og miljø den
 * 18-02-2019"). Names are cleaned of the words headers put around them ("Møde i …", "(2018-2021)").
 */
import type { AgendaItem, Section } from '../../model/index.js';
import { ORGANISATION_WORDS } from '../lexicon/index.js';
import { findDate } from './dates.js';

const NAME = new RegExp(String.raw`^(?:[\p{L}\-’'&]+ ){0,6}[\p{L}\-’'&]*(?:${ORGANISATION_WORDS.endings.join('|')})$`, 'iu');

/** Whether a short text is a body's name: a few words ending in udvalg(et), råd(et), bestyrelse(n) …. */
export function isBodyName(text: string): boolean {
  const t = text.trim();
  if (t.length > 90 || !/^\p{Lu}/u.test(t) || !NAME.test(t)) return false;
  // A name's words are capitalised but for its connectives ("Børne- og Skoleudvalget"); a sentence's are not.
  return t.split(/\s+/).every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(og|for|i|af|&|-)$/u.test(w));
}

/** A body's name without the header words around it: "Møde i X" → "X", "X (2018-2021)" → "X". */
export function cleanBodyName(name: string): string {
  // Whitespace collapsed first: the suffix patterns (`\s*…$`) are quadratic in a long run of it,
  // as a table row of thousands of empty cells (tabs) has.
  let t = name.replace(/\s+/g, ' ').trim();
  for (const p of ORGANISATION_WORDS.prefixes) t = t.replace(p, '');
  for (const p of ORGANISATION_WORDS.suffixes) t = t.replace(p, '');
  return t.trim() || name.trim();
}

/** The first header line that is, once cleaned, a body's name. */
export function bodyFromHeader(lines: readonly string[]): string | null {
  for (const line of lines) {
    const name = cleanBodyName(line);
    if (isBodyName(name)) return name;
  }
  return null;
}

/** The body a decision heading names, with the heading's date ("X den D", "X, D pkt. N", "Beslutning i X den D"). */
export function decidingBody(heading: string): { body: string; date: string | null } | null {
  const date = findDate(heading);
  const m =
    /^(?:beslutning(?:er)?|behandling)(?: i)?\s+(.+?)(?:\s*[,(]|\s+(?:den|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b|\s+\d{1,2}\.?\s|:?$)/iu.exec(heading) ??
    // "Økonomiudvalgets beslutning i mødet den 31. marts 2020": the body in the genitive.
    /^(.+?)s beslutning(?:er)?\b/u.exec(heading) ??
    /^(.+?)(?:,\s*\d{1,2}[-.]\d{1,2}[-.]\d{4}|\s+den\s+\d)/u.exec(heading);
  if (!m) return null;
  const body = cleanBodyName(m[1]!.replace(/\s*\([^)]*\)\s*$/, ''));
  return isBodyName(body) ? { body, date } : null;
}

/** A decision section's heading and the headings inside it. */
function decisionHeadings(section: Section): string[] {
  const inner = section.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
  return section.heading ? [section.heading, ...inner] : inner;
}

/** The body whose decisions the items record (at the meeting's date, when known), and that date. */
export function bodyFromDecisions(items: readonly AgendaItem[], date: string | null): { body: string; date: string | null } | null {
  const found = items
    // A decision's own heading, and decision headings printed inside it (see mergeNestedDecisions).
    .flatMap((i) => i.sections.filter((s) => s.type === 'decision').flatMap(decisionHeadings).map(decidingBody))
    .filter((d): d is { body: string; date: string | null } => d !== null && (date === null || d.date === null || d.date === date));
  if (found.length === 0) return null;
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.body, (counts.get(f.body) ?? 0) + 1);
  const body = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return { body, date: found.find((f) => f.body === body && f.date)?.date ?? null };
}
