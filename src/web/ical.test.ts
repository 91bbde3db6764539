/** Line folding and text escaping of the iCalendar writer (RFC 5545 3.1, 3.3.11). */
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './ical.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('foldLine', () => {
  it.each([
    ['short', 'SUMMARY:Møde i KKR Midtjylland'],
    ['exactly 75 octets', 'X'.repeat(75)],
    ['long ASCII', `DESCRIPTION:${'a'.repeat(300)}`],
    ['two-octet letters', `LOCATION:${'æøå'.repeat(60)}`],
    ['emoji across a boundary', `SUMMARY:${'x'.repeat(72)}😀😀😀${'y'.repeat(80)}`],
  ])('%s: lines of at most 75 octets that unfold to the original', (_name, line) => {
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    if (octets(line) <= 75) expect(folded).toBe(line);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('Rådhuset, Mødesal 1')).toBe('Rådhuset\\, Mødesal 1');
  });
});
