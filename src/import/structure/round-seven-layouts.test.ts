/**
 * Layouts of the seventh unseen round (test/corpus entries 70–74), each in invented text: a
 * contents table run into one line, a transcript's run of names without separators, absence
 * sentences that lost their full stops, contents that kept only their first number, an agenda's
 * empty end-time label before its members, a dated page title with comma lists, and item headings
 * that lost their numbers.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { plainLine } from '../line.js';
import { resegmentPage } from '../read/resegment.js';
import { extractToc } from './toc.js';

describe('a contents table run into one line ("Pkt. Tekst Side 1 … 4 2 … 6")', () => {
  it('reads number, title and page of each entry, a wrapped title put back together', () => {
    const line = 'Pkt. Tekst Side 1 Budgetopfølgning 2024 (Beslutning) 4 2 Ny skolestruktur (Orientering) 9 3 Lokalplan 12 for Havnen (Beslutning) 15 Fælles udtalelse om trafikplanen for hovedstadsområdet 4 21 (Beslutning) 5 Eventuelt 30';
    const toc = extractToc([plainLine('Indholdsfortegnelse'), plainLine(line)]);
    expect(toc.entries.map((e) => [e.number, e.title, e.page])).toEqual([
      ['1', 'Budgetopfølgning 2024 (Beslutning)', 4],
      ['2', 'Ny skolestruktur (Orientering)', 9],
      ['3', 'Lokalplan 12 for Havnen (Beslutning)', 15],
      ['4', 'Fælles udtalelse om trafikplanen for hovedstadsområdet (Beslutning)', 21],
      ['5', 'Eventuelt', 30],
    ]);
  });
  it('reads nothing where the numbers do not count on with pages between them', () => {
    const toc = extractToc([plainLine('Pkt. Tekst Side 1 Budget Regnskab Lokalplan Eventuelt')]);
    expect(toc.entries).toEqual([]);
  });
});

describe('a transcript\'s cover page', () => {
  const doc = parseText(
    [
      'Kommunalbestyrelsen',
      '',
      'Referat',
      '',
      '3. marts 2022 kl. 17:00',
      '',
      'Indkaldelse',
      '',
      'Hanne Bech Jens Ravn Mette Lund Holm Peter Kjær Anne Dal Søren Vang',
      '',
      'Jens Ravn (A) var fraværende. I stedet deltog Karen Tved (A) Peter Kjær (V) var fraværende.',
      '',
      '2',
      '',
      'Indholdsfortegnelse',
      '',
      'Pkt. Tekst Side 1 Godkendelse af dagsorden (Beslutning) 3 2 Budget 2023 (Beslutning) 4 3 Meddelelser (Orientering) 6',
    ].join('\n'),
  );
  it('reads a run of names without separators as the members', () => {
    expect(doc.participants.map((p) => p.name)).toEqual(['Hanne Bech', 'Jens Ravn', 'Mette Lund Holm', 'Peter Kjær', 'Anne Dal', 'Søren Vang']);
  });
  it('reads "X var fraværende. I stedet deltog Y" and a sentence after a party letter as afbud', () => {
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Jens Ravn', 'Karen Tved'],
      ['Peter Kjær', null],
    ]);
  });
  it('takes the items from the contents, not a page number over the contents label', () => {
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden (Beslutning)'],
      ['2', 'Budget 2023 (Beslutning)'],
      ['3', 'Meddelelser (Orientering)'],
    ]);
  });
});

describe('a transcript of an agenda whose contents lost every number but the first', () => {
  const page = [
    'ÅBEN DAGSORDEN TEKNISK UDVALG Mødedato: 4. maj 2015 Mødested: Rådhuset, lokale 2 Mødetidspunkt: 15:00 Mødet hævet: Deltagere: Poul Chr. Vind, Lis Holm, Bo Dam, Eva Krog Fraværende:',
    'INDHOLDSFORTEGNELSE Sag nr.: Emne 1. Trafikplan Renovering af veje Udbud af vintertjeneste Ansøgning om tilskud til stier Samlet bilagsliste... 1 SIDE 1',
    '1. TRAFIKPLAN 2016 Sagsnr Dok.nr ÅBENT INDSTILLING Direktionen indstiller, at planen godkendes. SAGSFREMSTILLING Vejplanen beskriver de veje, som kommunen skal renovere i de kommende år, og de midler, der er afsat til det i budgettet. Udvalget behandlede et udkast til planen på sit møde i marts, og planen har siden været i høring hos borgerne.',
  ];
  // A viewer's transcript: its label, then one line per page.
  const doc = parseText(['Transkript', ...page.map((p, i) => `${i + 1} ${p}`)].join('\n\n'));
  it('reads the banner\'s body, the members after the empty end-time label, and the contents titles', () => {
    expect(doc.body).toBe('Teknisk Udvalg');
    expect(doc.kind).toBe('agenda');
    expect(doc.participants.map((p) => p.name)).toEqual(['Poul Chr. Vind', 'Lis Holm', 'Bo Dam', 'Eva Krog']);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'TRAFIKPLAN 2016'],
      ['2', 'Renovering af veje'],
      ['3', 'Udbud af vintertjeneste'],
      ['4', 'Ansøgning om tilskud til stier'],
    ]);
  });
  it('keeps a year after a heading\'s words the contents lost', () => {
    const lines = resegmentPage('1. TRAFIKPLAN 2016 Sagsnr Dok.nr', ['1. Trafikplan Renovering af veje', '1. TRAFIKPLAN 2016 Sagsnr Dok.nr']);
    expect(lines[0]).toBe('1. TRAFIKPLAN 2016');
  });
});

describe('a contents title the page wrapped in the middle of a word', () => {
  it('joins the lower-case line back onto its entry', () => {
    const lines = ['Indholdsfortegnelse:', '12 Budget 2014', '13 Analyser fra Dansk Industri o', 'g lokal undersøgelse', '14 Eventuelt', 'Medlemmer:', '12. Budget 2014', 'Tekst.'].map((t) => plainLine(t));
    expect(extractToc(lines).entries.map((e) => e.title)).toEqual(['Budget 2014', 'Analyser fra Dansk Industri og lokal undersøgelse', 'Eventuelt']);
  });
});

describe('a page titled "<Body> - referat <date>" with comma lists and a "Dagsorden" list', () => {
  const doc = parseText(
    [
      'Teknisk Udvalg - referat 04-03-2008',
      '',
      'Mødested:',
      'Rådhuset, lokale 3.',
      '',
      'Medlemmer:',
      'Anne Holm, Bo Vang, Carl Dam, Dorte Lind, Erik Krog, Finn Bech, Grete Moos, Hans Lund.',
      '',
      'Afbud:',
      'Bo Vang, Erik Krog.',
      '',
      'Dagsorden',
      '',
      ' 1. Vejplan for bymidten',
      ' 2. Budgetopfølgning 2008',
      '',
      '1.      Vejplan for bymidten',
      '',
      'Tekst om planen.',
    ].join('\n'),
  );
  it('reads body, date and kind from the title, and the long comma lists', () => {
    expect([doc.body, doc.date, doc.kind]).toEqual(['Teknisk Udvalg', '2008-03-04', 'minutes']);
    expect(doc.participants).toHaveLength(8);
    expect(doc.absent.map((a) => a.name)).toEqual(['Bo Vang', 'Erik Krog']);
  });
});

describe('item headings that lost their numbers', () => {
  it('are found again by the contents titles, in order, on short lines after the contents', () => {
    const page = (n: number, text: string) => `${n} ${text}`;
    const doc = parseText(
      [
        'Transkript',
        '',
        page(1, 'Referat Ældrerådet Mødedato: Mandag den 2. marts 2015 Mødetidspunkt: Kl. 9:00 Medlemmer: Anne Holm (A) Bo Vang (V) Sagsoversigt Side 01. Godkendelse af dagsorden Orientering om budgettet Valg af formand Eventuelt...6 Bilagsliste...7 og mere tekst om mødet, som rådet holdt i rådhusets store sal med gæster fra kommunen og fra foreningerne i byen'),
        '',
        page(2, 'Ældrerådet Mødedato Side Godkendelse af dagsorden Åben sag Sagsnr.: Bilag: Rådet godkendte dagsordenen uden bemærkninger, og formanden bød velkommen til de nye medlemmer af rådet, som var valgt på det seneste møde i foreningen, og som nu deltog for første gang i rådets arbejde. Indstilling Formanden indstiller: At dagsordenen godkendes Beslutninger Ældrerådet den Dagsordenen godkendt.'),
        '',
        page(3, 'Ældrerådet Mødedato Side Orientering om budgettet Åben sag Sagsnr.: Bilag: Forvaltningen orienterede om budgettet for det kommende år og om de ændringer, som byrådet havde vedtaget for ældreområdet, herunder tilskuddet til aktivitetscentrene og til den frivillige besøgstjeneste i kommunen.'),
      ].join('\n'),
    );
    const [first, second] = doc.items;
    expect([first?.title, second?.title]).toEqual(['Godkendelse af dagsorden', 'Orientering om budgettet']);
    expect(JSON.stringify(first?.sections)).toContain('godkendte dagsordenen');
    expect(JSON.stringify(second?.sections)).toContain('orienterede om budgettet');
    // The decision heading whose date the transcript lost ("Beslutninger Ældrerådet den"), run on after the recommendation.
    expect(first?.decision).toBe('Dagsordenen godkendt.');
  });
});
