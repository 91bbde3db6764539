/**
 * @module The publishing authority (OParl Body) of a document: what the header says ("Norddal
 * Kommune", "Region Midtjylland", "Aarhus Byråd"), or what the lexicon knows of the organisation
 * (KKR Midtjylland is KL's). Only the header counts: items mention other authorities freely.
 */
import { AUTHORITIES as KNOWN } from '../lexicon/index.js';

/** "Region Midtjylland": the name follows a literal, so the pattern is linear in the line. */
const REGION = /\bRegion (\p{Lu}[\p{L}-]+)\b/u;
/** The words a municipality's name comes before: "Norddal Kommune", "Aarhus Byråd". */
const MUNICIPALITY = / Kommune\b/gu;
const COUNCIL = / (?:Byråd|Kommunalbestyrelse)\b/gu;

const isWordChar = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isNameChar = (c: string) => /[\p{L}-]/u.test(c);

/**
 * The name before the first of `words` in a line that has one, as `\b(\p{Lu}[\p{L}-]+)<words>`
 * would match it — found from each of the words back instead: that pattern tries a name from every
 * word boundary followed by a capital and runs each to the end of its letters, which is quadratic
 * in a long run of letters (an unspaced "RESUMÉRESUMÉ…" has a boundary after every É; a 300 KB
 * line took a minute). Each backward scan stops at the space before the previous word found, so
 * the line is read about once.
 */
function nameBefore(line: string, words: RegExp): string | null {
  let floor = 0;
  for (const match of line.matchAll(words)) {
    const end = match.index;
    let start = end;
    while (start > floor && isNameChar(line[start - 1]!)) start--;
    // The leftmost capital on a word boundary, with a letter or more after it, starts the name.
    for (let p = start; p < end - 1; p++) {
      if (/\p{Lu}/u.test(line[p]!) && isWordChar(line[p - 1]) !== isWordChar(line[p])) return line.slice(p, end);
    }
    floor = end + 1;
  }
  return null;
}

/** The authority the organisation belongs to by the lexicon, or what the header lines name. */
export function authorityOf(body: string | null, header: readonly string[]): string | null {
  if (body) {
    const known = KNOWN.find((k) => k.pattern.test(body.trim()));
    if (known) return known.authority;
  }
  for (const line of header) {
    const municipality = nameBefore(line, MUNICIPALITY);
    if (municipality) return `${municipality} Kommune`;
    const region = REGION.exec(line);
    if (region) return `Region ${region[1]}`;
    const council = nameBefore(line, COUNCIL);
    if (council) return `${council} Kommune`;
  }
  return null;
}
