import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { plainLine } from '../line.js';
import { joinSpacedLetters, pageRun, pageTexts, runningFooter, runningHeader } from './page-lines.js';
import { readText } from './text.js';

/** A viewer's transcript: a title, its controls, then one line per PDF page, each opening with its number. */
const TRANSCRIPT = [
  'Byrådet. Referat',
  '',
  'Transkript',
  '',
  '1 Testrup Kommune Byrådet Referat Dato: Tirsdag den 3. marts 2020 Mødested: Rådhuset, lokale 2 Fraværende: Ingen. Deltagere: Anna Holm, Bo Lind, Carl Vest, Dorte Dahl, Erik Bak, Frida Mørk, Gustav Sand, Hanne Klit, Ib Eng, Jens Kure, Karen Lund, Lone Munk, Mads Ravn, Nina Tofte åben',
  '',
  '2 Indholdsfortegnelse 1. Godkendelse af dagsorden...1 2. Budget for vejene og for stierne i den nordlige del af kommunen...2 3. Eventuelt...3 4. Meddelelser fra borgmesteren om de kommende møder i udvalgene...4 åben',
  '',
  '3 1. Godkendelse af dagsorden Beslutning Dagsordenen blev godkendt. 2. Budget for vejene og for stierne i den nordlige del af kommunen Sagsfremstilling Forvaltningen har lavet et udkast til budgettet for vejene og stierne, som nu forelægges. Beslutning Godkendt. Side 3 af 4',
  '',
  '4 3. Eventuelt Intet. 4. Meddelelser fra borgmesteren om de kommende møder i udvalgene Beslutning Taget til efterretning. åben 4',
].join('\n');

describe('page-per-line transcripts', () => {
  it('finds the run of page lines by their numbers 1, 2, 3 … and needs long pages', () => {
    const lines = readTextRaw(TRANSCRIPT);
    expect(pageRun(lines).map((i) => lines[i]!.text.slice(0, 2))).toEqual(['1 ', '2 ', '3 ', '4 ']);
    // Numbered short lines are items, not pages.
    expect(pageRun(['1 Godkendelse', '2 Budget', '3 Eventuelt'].map((t) => plainLine(t)))).toEqual([]);
  });

  it('drops page numbers, "Side N af M", the page number run into the end, and a footer most pages end with', () => {
    const texts = pageTexts(['1 Forside med lidt tekst åben', '2 Indhold og mere tekst her åben', '3 Sagen fortsætter her og slutter Side 3 af 4', '4 Sidste side med tekst åben 4']);
    expect(texts).toEqual(['Forside med lidt tekst', 'Indhold og mere tekst her', 'Sagen fortsætter her og slutter', 'Sidste side med tekst']);
    expect(runningFooter(['a b c d e f åben', 'g h i j k l åben', 'm n o p q r'])).toBe('åben');
    expect(runningFooter(['a b c d e f slut', 'g h i j k l ende'])).toBeNull();
    expect(runningFooter(['a b c d e f Godkendt.', 'g h i j k l Godkendt.'])).toBeNull();
  });

  it('puts back the lines: header, labels, contents entries, item headings, section words', () => {
    const texts = readText(TRANSCRIPT).map((l) => l.text);
    expect(texts).toEqual([
      'Byrådet. Referat',
      'Testrup Kommune',
      'Byrådet',
      'Referat',
      'Dato:',
      'Tirsdag den 3. marts 2020',
      'Mødested: Rådhuset, lokale 2',
      'Fraværende: Ingen.',
      'Deltagere: Anna Holm, Bo Lind, Carl Vest, Dorte Dahl, Erik Bak, Frida Mørk, Gustav Sand, Hanne Klit, Ib Eng, Jens Kure, Karen Lund, Lone Munk, Mads Ravn, Nina Tofte',
      'Indholdsfortegnelse',
      '1. Godkendelse af dagsorden...1',
      '2. Budget for vejene og for stierne i den nordlige del af kommunen...2',
      '3. Eventuelt...3',
      '4. Meddelelser fra borgmesteren om de kommende møder i udvalgene...4',
      '1. Godkendelse af dagsorden',
      'Beslutning',
      'Dagsordenen blev godkendt.',
      '2. Budget for vejene og for stierne i den nordlige del af kommunen',
      'Sagsfremstilling',
      'Forvaltningen har lavet et udkast til budgettet for vejene og stierne, som nu forelægges.',
      'Beslutning',
      'Godkendt.',
      '3. Eventuelt',
      'Intet.',
      '4. Meddelelser fra borgmesteren om de kommende møder i udvalgene',
      'Beslutning',
      'Taget til efterretning.',
    ]);
  });

  it('imports such a transcript: items from the headings, titles cut where the contents stop agreeing', () => {
    const doc = parseText(TRANSCRIPT);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Budget for vejene og for stierne i den nordlige del af kommunen'],
      ['3', 'Eventuelt'],
      ['4', 'Meddelelser fra borgmesteren om de kommende møder i udvalgene'],
    ]);
    expect(doc.items.map((i) => i.decision)).toEqual(['Dagsordenen blev godkendt.', 'Godkendt.', 'Intet.', 'Taget til efterretning.']);
    expect(doc.toc.map((e) => e.number)).toEqual(['1', '2', '3', '4']);
    expect([doc.body, doc.kind, doc.date, doc.location]).toEqual(['Byrådet', 'minutes', '2020-03-03', 'Rådhuset, lokale 2']);
    expect(doc.participants.map((p) => p.name)).toContain('Anna Holm');
    expect(doc.participants.map((p) => p.name)).not.toContain('Nina Tofte åben');
  });

  it('leaves text with long paragraph lines and no page numbers as it is', () => {
    const prose = `1. Godkendelse af dagsorden\n\n${'Udvalget drøftede sagen grundigt og besluttede at gå videre med den. '.repeat(8)}\n\n2. Eventuelt\n\n${'Intet at bemærke fra nogen af medlemmerne, som alle var til stede. '.repeat(8)}`;
    expect(readText(prose).map((l) => l.text)).toEqual(prose.split('\n\n').map((t) => t.trim()));
  });

  it('joins letters spaced out in a heading, the hyphen to its word', () => {
    expect(joinSpacedLetters('T E K N I K - OG M I L J Ø U D V A L G E T')).toBe('TEKNIK- OG MILJØUDVALGET');
    expect(joinSpacedLetters('Parti A B C')).toBe('Parti A B C');
  });
});

/** The reader's lines before any repair: readText of a text without page numbers gives them unchanged. */
function readTextRaw(text: string) {
  return text.split('\n\n').filter((t) => t.trim() !== '').map((t) => plainLine(t.trim(), { breakBefore: true }));
}

describe('pages told by their closing labels, and running headers', () => {
  it('finds pages numbered only in their "Side N" label and drops a header most pages open with', () => {
    const long = 'Udvalget behandlede sagen og drøftede den længe, og der var mange indlæg om både økonomien og om tidsplanen for projektet. '.repeat(3);
    const lines = [
      `Teknisk Udvalg Referat ${long} Side 1`,
      `Teknisk Udvalg 3. maj 2021 Sagen om vejene: ${long} Side 2`,
      `Teknisk Udvalg 3. maj 2021 Budgettet: ${long} Side 3`,
      `Teknisk Udvalg 3. maj 2021 Eventuelt: ${long} Side 4`,
    ].map((t) => plainLine(t, { breakBefore: true }));
    expect(pageRun(lines)).toEqual([0, 1, 2, 3]);
    const texts = pageTexts(lines.map((l) => l.text));
    expect(texts[0]!.startsWith('Teknisk Udvalg Referat')).toBe(true);
    expect(texts.slice(1).map((t) => t.split(':')[0])).toEqual(['Sagen om vejene', 'Budgettet', 'Eventuelt']);
    expect(texts.some((t) => /Side \d$/.test(t))).toBe(false);
    expect(runningHeader(['Forside og indhold med mere tekst her', 'A B C d e f g', 'A B C h i j k', 'A B C l m n o'])).toBe('A B C');
    expect(runningHeader(['a b c d e f', 'A B C d e f g', 'X Y Z h i j k'])).toBeNull();
  });
});

describe('a heading squashed with its labels and sections, outside page-per-line text', () => {
  it('cuts a long line with several certain layout breaks, and leaves long running text alone', () => {
    const squashed = `3. Budget for vejene Sagsnr.: 20/1234 SAGSFREMSTILLING ${'Forvaltningen har udarbejdet et forslag til budget for vejene i kommunen. '.repeat(3)}INDSTILLING Forvaltningen indstiller, at budgettet godkendes. BESLUTNING Godkendt.`;
    const texts = readText(`Referat\n\n${squashed}\n\n${'Udvalget drøftede sagen og besluttede at vente med en afgørelse. '.repeat(6)}`).map((l) => l.text);
    expect(texts.slice(0, 4)).toEqual(['Referat', '3. Budget for vejene', 'Sagsnr.: 20/1234', 'SAGSFREMSTILLING']);
    expect(texts).toContain('BESLUTNING');
    expect(texts.at(-1)).toMatch(/^Udvalget drøftede sagen .* afgørelse\.$/);
    // Cut, never changed: the line's words in order.
    expect(texts.slice(1, -1).join(' ')).toBe(squashed.replace(/\s+/g, ' ').trim());
  });
});

describe('numbered paragraphs are no pages', () => {
  it('keeps the numbers of long numbered paragraphs that show no page label', () => {
    const para = (n: number) => plainLine(`${n} Punkt ${n} om vejene og stierne, som udvalget drøftede længe og grundigt, før det besluttede at sende sagen videre til byrådet med en anbefaling om at godkende planen, og med en bemærkning om tidsplanen for arbejdet, som skal være færdigt inden udgangen af næste år.`, { breakBefore: true });
    expect(para(1).text.length).toBeGreaterThan(250);
    expect(pageRun([para(1), para(2), para(3)])).toEqual([]);
    // The same with a page label on one of them is a transcript.
    expect(pageRun([para(1), { ...para(2), text: `${para(2).text} Side 2` }, para(3)])).toEqual([0, 1, 2]);
  });
});
