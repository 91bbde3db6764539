import { describe, expect, it } from 'vitest';
import { plainLine } from '../line.js';
import { structureDocument } from './index.js';
import { dottedEntry, extractToc, pageValue } from './toc.js';

describe('dottedEntry', () => {
  it('reads a dotted leader to a page number, and stays linear on a line of dots', () => {
    expect(dottedEntry('715. Kulturkommune 2017. Politiske fokusområder ........ 2')).toEqual(['715. Kulturkommune 2017. Politiske fokusområder', '2']);
    expect(dottedEntry('Godkendelse . . . . . 12')).toEqual(['Godkendelse', '12']);
    expect(dottedEntry('Budget 2021 ... 3')).toBeNull();
    const started = Date.now();
    expect(dottedEntry('.'.repeat(1_000_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('contents with roman page numbers and lost leaders', () => {
  it('reads "89. Titel...iv" and counts roman pages', () => {
    expect(dottedEntry('89. Til efterretning - Kvartalsrapport...iv')).toEqual(['89. Til efterretning - Kvartalsrapport', 'iv']);
    expect(dottedEntry('Det videre forløb ... i')).toBeNull();
    expect([pageValue('xiv'), pageValue('ix'), pageValue('12'), pageValue('abc')]).toEqual([14, 9, 12, null]);
  });
  it('takes a leaderless numbered line inside contents already begun, and the entry\'s access out of its item\'s title', () => {
    const lines = ['Indholdsfortegnelse', '89. Budget...i', '90. Regnskab og årsberetning v', '91. Lukket sag: Tandpleje...vi', '89. Budget', 'Tekst.'].map((t) => plainLine(t));
    const toc = extractToc(lines);
    expect(toc.entries.map((e) => [e.number, e.title, e.page])).toEqual([
      ['89', 'Budget', 1],
      ['90', 'Regnskab og årsberetning', 5],
      ['91', 'Lukket sag: Tandpleje', 6],
    ]);
    const doc = structureDocument(lines);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['89', 'Budget'],
      ['90', 'Regnskab og årsberetning'],
      ['91', 'Tandpleje'],
    ]);
  });
  it('takes one numbered line opening a page for contents when its item opens a later page', () => {
    const lines = [
      plainLine('1. Godkendelse af referat', { pageBreakBefore: true }),
      plainLine('Siden sidst Temadrøftelser Eventuelt'),
      plainLine('1. Godkendelse af referat', { pageBreakBefore: true }),
      plainLine('Godkendt.'),
    ];
    expect(extractToc(lines).entries.map((e) => e.title)).toEqual(['Godkendelse af referat']);
    expect(extractToc(lines.map((l) => ({ ...l, pageBreakBefore: false }))).entries).toEqual([]);
  });
});
