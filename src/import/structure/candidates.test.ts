import { describe, expect, it } from 'vitest';
import { plainLine, type Line } from '../line.js';
import { candidateAt, candidatesOf, inlineCandidate, isPageLabel, looksLikeTitle, runningLines } from './candidates.js';

const brk = (text: string, style: Partial<Line> = {}) => plainLine(text, { breakBefore: true, ...style });
const row = (cells: string[], style: Partial<Line> = {}) => plainLine(cells.join('\t'), { cells, ...style });
const shapes = (lines: Line[]) => candidatesOf(lines).map((c) => [c.index, c.number, c.title, c.shape]);

describe('heading candidates of every shape', () => {
  it('reads number and title on one line, with sub-numbers, labels and access words', () => {
    expect(inlineCandidate('3. Budget 2025')).toEqual({ number: '3', title: 'Budget 2025', access: null });
    expect(inlineCandidate('3.1 Anlæg')).toMatchObject({ number: '3.1', title: 'Anlæg' });
    expect(inlineCandidate('Punkt 3: Eventuelt')).toMatchObject({ number: '3', title: 'Eventuelt' });
    expect(inlineCandidate('Pkt. 4 - Meddelelser')).toMatchObject({ number: '4', title: 'Meddelelser' });
    // "Nr.60 - Titel": the "nr." label of the lexicon's number labels, run onto its number.
    expect(inlineCandidate('Nr.60 - Godkendelse af dagsordenen')).toMatchObject({ number: '60', title: 'Godkendelse af dagsordenen' });
    expect(inlineCandidate('Nr. 7: Budget')).toMatchObject({ number: '7', title: 'Budget' });
    expect(inlineCandidate('3 (Åben) Godkendelse af dagsorden')).toEqual({ number: '3', title: 'Godkendelse af dagsorden', access: 'public' });
    expect(inlineCandidate('4 (Lukket) Køb af ejendom')).toEqual({ number: '4', title: 'Køb af ejendom', access: 'closed' });
    expect(inlineCandidate('1024. Lokalplan for Havnen')).toMatchObject({ number: '1024' });
    expect(inlineCandidate('SAG NR. 1 MØDEPLAN 2010 MV.')).toEqual({ number: '1', title: 'MØDEPLAN 2010 MV.', access: null });
    expect(inlineCandidate('Sag nr. 12: Budget')).toMatchObject({ number: '12', title: 'Budget' });
    expect(inlineCandidate('Sag nr. 129')).toBeNull();
  });
  it('leaves out dates, years, amounts, page labels and lower-case continuations', () => {
    expect(inlineCandidate('24. november 2019.')).toBeNull();
    expect(inlineCandidate('2021.')).toBeNull();
    expect(inlineCandidate('1. runde med opstart i dette efterår')).toBeNull();
    expect(inlineCandidate('3 1.800.000')).toBeNull();
    expect(looksLikeTitle('Side 3')).toBe(false);
    expect(isPageLabel('Side 3')).toBe(true);
    expect(isPageLabel('3 af 5')).toBe(true);
    expect(isPageLabel('Page 2 of 4')).toBe(true);
  });
  it('reads a number alone on its line with the title on the next line', () => {
    expect(shapes([brk('715.'), plainLine('Kulturkommune 2017'), brk('Tekst.')])).toEqual([[0, '715', 'Kulturkommune 2017', 'alone']]);
  });
  it('reads a table row whose first cell is a number, the title in the next cell (lower case too)', () => {
    expect(shapes([row(['2.', 'test']), row(['715', 'Åben', 'Kulturkommune 2017'])])).toEqual([
      [0, '2', 'test', 'row'],
      [1, '715', 'Kulturkommune 2017', 'row'],
    ]);
    expect(candidatesOf([row(['1', 'Åben', 'Notat'])])[0]!.access).toBe('public');
  });
  it('takes a bare number at a page break for a page number, not a heading', () => {
    const lines = [brk('1. Godkendelse'), plainLine('Tekst her.'), plainLine('2'), plainLine('Mere tekst', { pageBreakBefore: true }), brk('3', { pageBreakBefore: true }), plainLine('Tekst igen.')];
    expect(shapes(lines).map((c) => c[1])).toEqual(['1']);
  });
  it('leaves out list lines and a running header that looks like a heading', () => {
    const page = (n: number): Line[] => [plainLine('1. Økonomiudvalget 2024', { pageBreakBefore: n > 1 }), brk(['Første', 'Anden', 'Tredje'][n - 1]! + ' tekst.')];
    const lines = [...page(1), brk('2. Budget', { heading: 2 }), ...page(2), ...page(3), plainLine('Forslag', { list: { marker: '1.', depth: 0 } })];
    expect(runningLines(lines)).toEqual(new Set([0, 3, 5]));
    expect(shapes(lines).map((c) => c[1])).toEqual(['2']);
  });
});

describe('bulleted item headings', () => {
  it('takes "• 301. Titel" as a heading, and never a numbered list line', () => {
    const lines = [plainLine('301. Planstrategi 2020', { list: { marker: '•', depth: 0 } }), plainLine('Første punkt i indstillingen', { list: { marker: '1.', depth: 0 } })];
    expect(candidateAt(lines, 0)).toMatchObject({ number: '301', title: 'Planstrategi 2020', shape: 'bullet' });
    expect(candidateAt(lines, 1)).toBeNull();
  });
});

describe('a number under its title', () => {
  it('takes "Titel" + "Sag nr. 129" as a heading that starts at the title', () => {
    const lines = [plainLine('Spørgetid', { breakBefore: true }), plainLine('Sag nr. 129'), plainLine('Beslutning')];
    expect(candidateAt(lines, 1)).toMatchObject({ index: 0, number: '129', title: 'Spørgetid', titleLines: 1, shape: 'under' });
    expect(candidateAt([plainLine('Sag nr. 19/3143')], 0)).toBeNull();
  });
});

describe('a title run onto the number', () => {
  it('reads "1.Temamøde - Diger (B)" as item 1', () => {
    expect(inlineCandidate('1.Temamøde - Diger (B)')).toMatchObject({ number: '1', title: 'Temamøde - Diger (B)' });
    expect(inlineCandidate('1.maj blev det besluttet')).toBeNull();
  });
});
