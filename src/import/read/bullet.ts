/**
 * @module Typed bullets: a line that starts with a bullet glyph and a space is a list line in
 * every reader (PDF text layers and Word paragraphs type the glyph instead of marking a list),
 * with the same glyphs as the text reader.
 */

const BULLET_RE = /^([-*•–○▪◦·●■□➢►])\s+(\S.*)$/;

/** The bullet glyph and the text after it, or null when the line does not start with a bullet. */
export function bulletOf(text: string): { marker: string; text: string } | null {
  const m = BULLET_RE.exec(text);
  return m ? { marker: m[1]!, text: m[2]! } : null;
}

/** True when a whole text run is just a bullet glyph (PDF draws the glyph as its own run). */
export function isBulletGlyph(text: string): boolean {
  return /^[-*•–○▪◦·●■□➢►o\uf0b7\uf0a7\uf076\uf0d8]$/.test(text.trim());
}
