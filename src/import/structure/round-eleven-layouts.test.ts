/**
 * Layouts of the eleventh unseen round (test/corpus entries 90–95), each in invented text: a large
 * city's committee page of items without numbers, each title over "Beslutning"; a fire-and-rescue
 * commission's decisions under "<Kommission>, 10-11-2020, pkt. 1"; a school board's Aula table
 * (time slot, "Beslut" / "Orient.", minutes) copied with a blank line between every line; a parish
 * council's minutes ("1. Fraværende: X, Y og Z", group headings between items, the body only in
 * "menighedsrådsmøde"); a youth school board's notice signed off above "Punkt 107."; and a PDF
 * transcript whose contents lost their numbers under "Indholdsfortegnelse", each item page run into
 * one line ("Side 2 2. Title … Beslutning den : …").
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';

describe('items without numbers, each title over its decision; a motion under its own heading', () => {
  const page = (tail: string) =>
    parseText(
      [
        'Referat Ungeudvalget 02-09-2020',
        '',
        '  Referat fra mødet den 19. august 2020',
        '',
        '  Beslutning',
        '  Referatet blev godkendt.',
        '  Sagens forløb',
        '  02-09-2020 Ungeudvalget',
        '',
        '  Forslag fra Ungerådet om en skatepark',
        '',
        '  Beslutning',
        '  Udvalget anbefalede forslaget.',
        `  Anna Holm, Bo Berg og Carl Dahl, ${tail} i at deltage i udvalgets behandling af sagen.`,
        '  Beslutningsforslag fra Ungerådet',
        '  Vi ønsker en skatepark ved havnen.',
      ].join('\n'),
    );
  it('reads each line over "Beslutning" as an item, numbered in order', () => {
    expect(page('var forhindrede').items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Referat fra mødet den 19. august 2020'],
      ['2', 'Forslag fra Ungerådet om en skatepark'],
    ]);
  });
  it('ends the decision at the motion\'s own heading', () => {
    expect(page('var forhindrede').items[1]!.decision).toBe(
      'Udvalget anbefalede forslaget.\n\nAnna Holm, Bo Berg og Carl Dahl, var forhindrede i at deltage i udvalgets behandling af sagen.',
    );
  });
  it('reads "X, Y og Z, var forhindrede i at deltage" as the item\'s absences', () => {
    expect(page('var forhindrede').items[1]!.absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(page('talte').items[1]!.absent).toEqual([]);
  });
});

describe('a commission\'s decisions under "<Kommission>, dd-mm-yyyy, pkt. N"', () => {
  const doc = parseText(
    [
      'Referat',
      '',
      'Dato: Tirsdag, November 10, 2020 - 08:00',
      'Sted: Brandstationen, Salen',
      '',
      'Pkt. 1 Beredskabsplan 2021',
      '',
      'Sagsnr. 123456 Fredningskommissionen Åbent punkt',
      '',
      'Indstilling',
      '',
      'Forvaltningen indstiller, at planen godkendes.',
      '',
      'Fredningskommissionen, 10-11-2020, pkt. 1',
      '',
      'Godkendt.',
      '',
      'Pkt. 2 Mødeplan 2021',
      '',
      'Indstilling',
      '',
      'Forvaltningen indstiller, at mødeplanen godkendes.',
      '',
      'Fredningskommissionen, 10-11-2020, pkt. 2',
      '',
      'Godkendt med ændringer.',
    ].join('\n'),
  );
  it('reads the heading as the decision and its commission as the body', () => {
    expect(doc.items.map((i) => i.decision)).toEqual(['Godkendt.', 'Godkendt med ændringer.']);
    expect(doc.body).toBe('Fredningskommissionen');
  });
});

describe('an Aula table copied one cell a paragraph, a blank line between every line', () => {
  const page = (kind: string) =>
    parseText(
      [
        'Gå til hovedindholdet',
        'MENU',
        'Aula_close Layer 1',
        'Referat 27. januar 2021',
        'Skolebestyrelsesmøde den 27. januar kl. 18.30-19.30 virtuelt',
        'Deltagere:',
        'Anna Holm, Bo Berg, Carl Dahl',
        'Pkt. 1',
        'Godkendelse af dagsorden',
        'Kl.18.30-18.35',
        kind,
        'Dagsorden godkendt',
        'Pkt. 2',
        'Skolebod',
        'Kl.18.45-18.55',
        kind,
        'Boden genåbnes i marts.',
        ' ',
      ].join('\n\n'),
    );
  it('drops the site\'s controls, dates the meeting by its title and times it by the sentence under it', () => {
    const doc = page('Beslut');
    expect([doc.body, doc.date, doc.startTime, doc.location]).toEqual(['Skolebestyrelsen', '2021-01-27', '18:30', null]);
  });
  it('takes no time slot for a case number', () => {
    expect(page('Beslut').items.map((i) => i.caseNumber)).toEqual([null, null]);
  });
  it('records what follows the slot and the item\'s kind ("Beslut", "Orient.") as the decision', () => {
    expect(page('Beslut').items.map((i) => i.decision)).toEqual(['Dagsorden godkendt', 'Boden genåbnes i marts.']);
    expect(page('Orient.').items[1]!.decision).toBe('Boden genåbnes i marts.');
  });
});

describe('a parish council\'s minutes: absence as item 1, group headings between items', () => {
  const doc = parseText(
    [
      'Referat menighedsrådsmøde nr. 1 den 22.2.2022',
      '',
      '1. Fraværende: Anna Holm, Bo Berg og Carl Dahl',
      '',
      '2. Godkendelse af dagsorden',
      '',
      'Beslutning:',
      'Godkendt.',
      '',
      'Punkter til drøftelse',
      '',
      '3. Kirkens aktiviteter',
      '',
      'Beslutning:',
      'Drøftet.',
    ].join('\n'),
  );
  it('titles the item by its label and reads its names as the meeting\'s absences', () => {
    expect(doc.items[0]!.title).toBe('Fraværende');
    expect(doc.absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
  });
  it('leaves the group heading out of the item before it', () => {
    expect(doc.items[1]!.decision).toBe('Godkendt.');
  });
  it('names the body by the meeting\'s compound noun, and dates the meeting', () => {
    expect([doc.body, doc.date]).toEqual(['Menighedsrådet', '2022-02-22']);
  });
});

describe('a notice signed off above the first "Punkt 107." heading', () => {
  const doc = parseText(
    [
      'UNGDOMSSKOLEBESTYRELSEN',
      '',
      'Mødedato: Mandag d. 10. september 2009.',
      '',
      'Med venlig hilsen for formand Bent Holm',
      '',
      'Sanne Berg',
      '',
      '',
      'Punkt 107.',
      '',
      'Drøftelse af klubberne.',
      '',
      'Beslutning:',
      '',
      'Drøftet.',
      '',
      '',
      'Punkt 108. Budget',
      '',
      'Beslutning:',
      '',
      'Godkendt.',
    ].join('\n'),
  );
  it('titles the item by the line under its number, not by the name above it', () => {
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['107', 'Drøftelse af klubberne'],
      ['108', 'Budget'],
    ]);
  });
});

describe('a transcript whose contents lost their numbers, each item page in one line', () => {
  const doc = parseText(
    [
      'Download "Referat Fredningskommissionen tirsdag den 11. november 2014. Kl. 8:30 i Rådhuset, Byen"',
      '',
      'Transkript',
      '',
      '1 Referat tirsdag den 11. november 2014 Kl. 8:30 i Rådhuset, Byen',
      '',
      '2 Indholdsfortegnelse 1. Godkendelse af dagsorden Til orientering ABC rapport 3. kvartal Eventuelt... 4',
      '',
      '3 Byen Kommune Side 1 1. Godkendelse af dagsorden Sagsnr.: Resumé: Beslutning den : Dagsorden godkendt. Sagsfremstilling:',
      '',
      // A page is long: a transcript's page holds several paragraphs run together.
      `4 Byen Kommune Side 2 2. Til orientering Sagsnr.: 14/3898 Resumé: ${'Kommissionen orienteres om status for arbejdet. '.repeat(6)}Beslutning den : Taget til efterretning.`,
    ].join('\n'),
  );
  it('reads the body and the place from the viewer\'s download line', () => {
    expect([doc.body, doc.location]).toEqual(['Fredningskommissionen', 'Rådhuset, Byen']);
  });
  it('tells the contents\' titles apart, an acronym starting one', () => {
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Til orientering'],
      ['3', 'ABC rapport 3. kvartal'],
      ['4', 'Eventuelt'],
    ]);
  });
  it('finds item 2\'s heading after its page number, and the decisions whose dates were lost', () => {
    expect(doc.items.map((i) => i.decision)).toEqual(['Dagsorden godkendt.', 'Taget til efterretning.', null, null]);
    expect(doc.items[1]!.caseNumber).toBe('14/3898');
  });
});

describe('contents that lost their numbers: a title ending in a name, the next opening with a noun and its preposition', () => {
  const doc = parseText(
    [
      'Transkript',
      '',
      '1 Referat Ungerådet Mødedato: Mandag den 23. november 2015 Mødetidspunkt: Kl. 8:00',
      '',
      '2 Sagsoversigt Side 01. Godkendelse af dagsorden Uddeling af Ungeprisen Høring af planen for skoler Valg af næstformand Eventuelt...16',
      '',
      `3 Ungerådet Side 1 ${'Ungerådet mødes fire gange om året og drøfter sager om børn og unge i kommunen. '.repeat(4)}`,
    ].join('\n'),
  );
  it('starts a title at the noun after the name', () => {
    expect(doc.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Uddeling af Ungeprisen', 'Høring af planen for skoler', 'Valg af næstformand', 'Eventuelt']);
  });
});
