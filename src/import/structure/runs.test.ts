import { describe, expect, it } from 'vitest';
import type { TocEntry } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { candidatesOf } from './candidates.js';
import { findItemHeadings } from './headings.js';
import { bestRun, follows, gapOf, listAgenda } from './runs.js';

const L = (text: string, style: Partial<Line> = {}) => plainLine(text, style);

const brk = (text: string, style: Partial<Line> = {}) => plainLine(text, { breakBefore: true, ...style });
const h2 = (text: string, style: Partial<Line> = {}) => brk(text, { heading: 2, ...style });
const row = (cells: string[], style: Partial<Line> = {}) => plainLine(cells.join('\t'), { cells, ...style });
const run = (lines: Line[], toc: TocEntry[] = []) => bestRun(candidatesOf(lines), lines, toc).map((c) => `${c.number} ${c.title}`);
const entry = (number: string, title: string): TocEntry => ({ number, title, page: null, hasAttachments: false });

describe('numbering', () => {
  it('goes forward, one level deeper at most', () => {
    expect(follows([3], [3, 1])).toBe(true);
    expect(follows([3, 1], [3, 2])).toBe(true);
    expect(follows([3, 2], [4])).toBe(true);
    expect(follows([715], [716])).toBe(true);
    expect(follows([3, 2], [1])).toBe(false);
    expect(follows([3], [3, 1, 1])).toBe(false);
    expect(gapOf([715], [718])).toBe(2);
    expect(gapOf([3, 2], [4])).toBe(0);
  });
});

describe('the run that forms the agenda', () => {
  it('skips a numbered line out of sequence', () => {
    const lines = [brk('1. Godkendelse af referat'), brk('Tekst.'), brk('2. Siden sidst'), brk('7. Ikke et punkt her'), brk('3. KKR')];
    expect(run(lines)).toEqual(['1 Godkendelse af referat', '2 Siden sidst', '3 KKR']);
  });
  it('passes over a numbered list inside an item that restarts at 1 without the headings\' style', () => {
    const lines = [
      h2('1. Godkendelse af dagsorden'),
      brk('Beslutning'),
      h2('2. Borgerforslag'),
      brk('Der er kommet fem forslag:'),
      plainLine('1. Cykelsti langs åen'),
      plainLine('2. Flere bænke i parken'),
      plainLine('3. Legeplads ved skolen'),
      plainLine('4. Hundeskov'),
      plainLine('5. Bedre belysning'),
      brk('Indstilling'),
      brk('Det indstilles, at:'),
      brk('1. Forslag 1 og 2 godkendes'),
      brk('2. Forslag 3 afvises'),
      h2('3. Eventuelt'),
    ];
    expect(run(lines)).toEqual(['1 Godkendelse af dagsorden', '2 Borgerforslag', '3 Eventuelt']);
  });
  it('takes numbers that run across the year, from 715, with gaps', () => {
    const lines = [
      brk('Referat', { bold: true }),
      h2('715. Kulturkommune 2017', { pageBreakBefore: true }),
      row(['Sagsnr.:', '12/27845']),
      brk('Resumé', { bold: true }),
      brk('Der er tre spor:'),
      plainLine('1. Kultur'),
      plainLine('2. Natur'),
      h2('716. Lokalplan for Havnen'),
      row(['Sagsnr.:', '13/1002']),
      h2('719. Eventuelt'),
      brk('Beslutning', { bold: true }),
    ];
    expect(run(lines)).toEqual(['715 Kulturkommune 2017', '716 Lokalplan for Havnen', '719 Eventuelt']);
  });
  it('reads numbers alone on a line and table-row headings', () => {
    const alone = [brk('183.', { bold: true }), plainLine('Budget 2025'), brk('Sagsfremstilling'), brk('Tekst.'), brk('184.', { bold: true }), plainLine('Eventuelt'), brk('Intet.')];
    expect(run(alone)).toEqual(['183 Budget 2025', '184 Eventuelt']);
    const rows = [brk('Åbne sager'), row(['2.', 'test'], { breakBefore: true }), row(['Sagsnr.:', 'Sagsbehandler: NN', 'Åben']), brk('Præsentation:'), row(['3.', 'test tabel'], { breakBefore: true }), row(['Sagsnr.: 200906126', 'Åben'])];
    expect(run(rows)).toEqual(['2 test', '3 test tabel']);
  });
  it('is not fooled by page numbers, dates or a running header that looks like a heading', () => {
    const lines: Line[] = [];
    for (let p = 1; p <= 3; p++) {
      lines.push(plainLine('1. Økonomiudvalget 12.03.2024', { pageBreakBefore: p > 1 }));
      lines.push(h2(`${p}. Punkt nummer ${p}`), brk('Beslutning'), brk('24. november 2019.'), brk(`Side ${p}`), plainLine(`${p}`));
    }
    expect(run(lines)).toEqual(['1 Punkt nummer 1', '2 Punkt nummer 2', '3 Punkt nummer 3']);
  });
  it('prefers the headings the table of contents names', () => {
    const lines = [brk('1. Godkendelse af dagsorden'), brk('2. Budget 2025'), brk('Forslaget har tre dele:'), brk('3. Anlæg på skoleområdet'), brk('Tekst.'), brk('3. Eventuelt'), brk('Intet.')];
    const toc = [entry('1', 'Godkendelse af dagsorden'), entry('2', 'Budget 2025'), entry('3', 'Eventuelt')];
    expect(run(lines, toc)).toEqual(['1 Godkendelse af dagsorden', '2 Budget 2025', '3 Eventuelt']);
  });
  it('finds no run in text without headings', () => {
    expect(run([brk('Kære alle'), brk('2021 blev et godt år.'), brk('Mange hilsner')])).toEqual([]);
  });
});

describe('headings with the table of contents', () => {
  it('repairs a title cut by a page break and makes items the text lacks', () => {
    const lines = [h2('1. Godkendelse af'), plainLine('dagsorden', { pageBreakBefore: true }), brk('Godkendt.'), h2('3. Eventuelt'), brk('Intet.')];
    const toc = [entry('1', 'Godkendelse af dagsorden'), entry('2', 'Budget 2025'), entry('3', 'Eventuelt')];
    const headings = findItemHeadings(lines, new Set(), toc);
    expect(headings.map((h) => [h.number, h.title, h.titleLines, h.fromToc])).toEqual([
      ['1', 'Godkendelse af dagsorden', 1, false],
      ['2', 'Budget 2025', 0, true],
      ['3', 'Eventuelt', 0, false],
    ]);
  });
});

describe('a page that is only its agenda', () => {
  it('takes the tight list 1., 2., 3. as the items when no other run was found, and never a list inside an item', () => {
    const only = [L('Dagsorden til mødet'), L('1. Godkendelse af dagsorden', { breakBefore: true }), L('2. Referat fra sidste møde'), L('3. Eventuelt')];
    const cs = candidatesOf(only);
    expect(listAgenda(bestRun(cs, only, []), cs, only).map((c) => c.number)).toEqual(['1', '2', '3']);
    // One heading found, and a numbered list inside its item: the list does not replace it.
    const inside = [L('1. Budget', { breakBefore: true }), L('Sagsfremstilling', { breakBefore: true }), L('Forvaltningen indstiller, at'), L('1. Budgettet godkendes'), L('2. Rammen hæves'), L('3. Sagen sendes videre')];
    const ci = candidatesOf(inside);
    expect(listAgenda([ci[0]!], ci, inside).map((c) => c.number)).toEqual(['1']);
  });
});

describe('a long tight list', () => {
  it('is read line by line, never every other line to dodge the tight steps', () => {
    const lines = [L('Referat', { heading: 1 }), ...Array.from({ length: 40 }, (_, i) => L(`${i + 1}. Punkt nummer ${i + 1}`, { breakBefore: i === 0 }))];
    expect(findItemHeadings(lines, new Set(), []).map((h) => h.number)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    // Past 20, where numbers may run across the year, skipping a number that is there still costs:
    // a run 21, 23, 25 … would dodge the tight steps.
    const long = [L('Referat', { heading: 1 }), ...Array.from({ length: 80 }, (_, i) => L(`${i + 1}. Punkt nummer ${i + 1}`, { breakBefore: i === 0 }))];
    expect(findItemHeadings(long, new Set(), []).map((h) => h.number)).toEqual(Array.from({ length: 80 }, (_, i) => String(i + 1)));
  });
});

describe('a numbered list of members inside an item', () => {
  it('is no run of items: "2. Lars Winther (A)" does not follow "1. Godkendelse af dagsorden"', () => {
    const lines = [brk('1. Godkendelse af dagsorden'), brk('Beslutning'), brk('Deltagerne var:'), brk('1. Overborgmester Frede Holm (A)'), brk('2. Lars Winther (A)'), brk('3. Jonas Bak (A)')];
    expect(findItemHeadings(lines, new Set(), []).map((h) => h.number)).toEqual(['1']);
  });
});
