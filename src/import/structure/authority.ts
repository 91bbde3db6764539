/**
 * @module The publishing authority (OParl Body) of a document: what the header says ("Norddal
 * Kommune", "Region Midtjylland", "Aarhus Byråd"), or what the lexicon knows of the organisation
 * (KKR Midtjylland is KL's). Only the header counts: items mention other authorities freely.
 */
import { AUTHORITIES as KNOWN } from '../lexicon/index.js';

const NAMED = [
  /\b(\p{Lu}[\p{L}-]+(?:-\p{Lu}[\p{L}-]+)?) Kommune\b/u,
  /\bRegion (\p{Lu}[\p{L}-]+)\b/u,
  /\b(\p{Lu}[\p{L}-]+) (?:Byråd|Kommunalbestyrelse)\b/u,
];

/** The authority the organisation belongs to by the lexicon, or what the header lines name. */
export function authorityOf(body: string | null, header: readonly string[]): string | null {
  if (body) {
    const known = KNOWN.find((k) => k.pattern.test(body.trim()));
    if (known) return known.authority;
  }
  for (const line of header) {
    const municipality = NAMED[0]!.exec(line);
    if (municipality) return `${municipality[1]} Kommune`;
    const region = NAMED[1]!.exec(line);
    if (region) return `Region ${region[1]}`;
    const council = NAMED[2]!.exec(line);
    if (council) return `${council[1]} Kommune`;
  }
  return null;
}
