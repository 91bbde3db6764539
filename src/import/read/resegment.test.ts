import { describe, expect, it } from 'vitest';
import { resegmentPage, titleEnds } from './resegment.js';

describe('resegmentPage', () => {
  it('cuts before front-matter labels, a weekday date, and after the date when a place follows', () => {
    expect(resegmentPage('Dato: Starttidspunkt: Kl Mødested: Udsendelsesdato: Afbud fra: Onsdag den 15-maj-2002 Byrådssalen Fraværende: Ingen.')).toEqual([
      'Dato:',
      'Starttidspunkt: Kl',
      'Mødested:',
      'Udsendelsesdato:',
      'Afbud fra:',
      'Onsdag den 15-maj-2002',
      'Byrådssalen',
      'Fraværende: Ingen.',
    ]);
    // A lost time ("Kl" and no hour) leaves the place on a line of its own; a kept one stays with its date.
    expect(resegmentPage('UDVALGET Mandag den 4. januar 2010 Kl Rådhuset, lokale 6 Møde nr. 1')).toEqual(['UDVALGET', 'Mandag den 4. januar 2010 Kl', 'Rådhuset, lokale 6', 'Møde nr. 1']);
    expect(resegmentPage('UDVALGET Mandag den 4. januar 2010 Kl. 10.00 Rådhuset')).toEqual(['UDVALGET', 'Mandag den 4. januar 2010 Kl. 10.00 Rådhuset']);
  });

  it('ends a place at its number when text follows it', () => {
    expect(resegmentPage('Tidspunkt: 10:00 Sted: S-04 Mission KL bidrager til et stærkt demokrati.')).toEqual(['Tidspunkt: 10:00', 'Sted: S-04', 'Mission KL bidrager til et stærkt demokrati.']);
  });

  it('cuts a contents page after each leader and before each number of a run', () => {
    expect(resegmentPage('Indholdsfortegnelse Til behandling...i 7. Budget...ii 8. Regnskab v 9. Eventuelt...iii')).toEqual([
      'Indholdsfortegnelse',
      'Til behandling...i',
      '7. Budget...ii',
      '8. Regnskab v',
      '9. Eventuelt...iii',
    ]);
    // A lone "1." in running text is no run.
    expect(resegmentPage('Rapporten viser på 1. Kommunens budget en lille stigning i udgifterne')).toHaveLength(1);
  });

  it('ends a heading where its title printed in the contents stops agreeing', () => {
    const contents = '1. Godkendelse af referat Siden sidst Temadrøftelser Eventuelt';
    const item = '1. Godkendelse af referat Udvalgets medlemmer godkendte referatet.';
    expect(resegmentPage(item, [contents, item])).toEqual(['1. Godkendelse af referat', 'Udvalgets medlemmer godkendte referatet.']);
    expect(resegmentPage(contents, [contents, item])).toEqual(['1. Godkendelse af referat', 'Siden sidst Temadrøftelser Eventuelt']);
    // In capitals, hyphenated across a line end, and numbered by a label: still the same title.
    const caps = 'SAG NR. 1 MØDEPLAN FOR REGIONSRÅ- DET MV. ADMINISTRATIONENS INDSTILLING 1. at planen godkendes. RESUME Regionsrådet vedtager planen.';
    expect(resegmentPage(caps, ['Indhold 1. Mødeplan for regionsrådet mv Nedsættelse af udvalg', caps])).toEqual([
      'SAG NR. 1 MØDEPLAN FOR REGIONSRÅ- DET MV.',
      'ADMINISTRATIONENS INDSTILLING',
      '1. at planen godkendes.',
      'RESUME',
      'Regionsrådet vedtager planen.',
    ]);
  });

  it('cuts a run of members before each role and official title, and after an item-limited absence', () => {
    expect(resegmentPage('Borgmester Anna Holm, Lejre Kommune Rådmand Bo Lind, Aalborg Kommune Afbud Borgmester Carl Vest, Kalundborg Kommune Afdelingschef Dorte Dahl')).toEqual([
      'Borgmester Anna Holm, Lejre Kommune',
      'Rådmand Bo Lind, Aalborg Kommune',
      'Afbud',
      'Borgmester Carl Vest, Kalundborg Kommune',
      'Afdelingschef Dorte Dahl',
    ]);
    expect(resegmentPage('Fraværende: Anna Holm ved sag nr. 6 Bo Lind')).toEqual(['Fraværende: Anna Holm ved sag nr. 6', 'Bo Lind']);
  });

  it('sets apart a section word in ordinary case after a sentence, and the banner and authority of a header', () => {
    expect(resegmentPage('Sagen forelægges. Beslutning Godkendt. Beslutningen om budgettet følger.')).toEqual(['Sagen forelægges.', 'Beslutning', 'Godkendt. Beslutningen om budgettet følger.']);
    expect(resegmentPage('REFERAT 2012 TEKNISK UDVALG Dato: 3. maj')).toEqual(['REFERAT 2012', 'TEKNISK UDVALG', 'Dato: 3. maj']);
    expect(resegmentPage('Testrup Kommune Byrådet Referat Dato: 3. maj')).toEqual(['Testrup Kommune', 'Byrådet', 'Referat', 'Dato: 3. maj']);
  });

  it('keeps every word, in order', () => {
    const page = 'Testrup Kommune Byrådet Referat Dato: Tirsdag den 3. marts 2020 Rådhuset 1. Budget...1 2. Regnskab...2 3. Eventuelt...3 Beslutning Godkendt.';
    expect(resegmentPage(page).join(' ')).toBe(page);
  });
});

describe('titleEnds', () => {
  it('finds where two printings of a title part, compared by their letters', () => {
    const a = '1. Mødeplan for regionsrådet mv Nedsættelse';
    const b = 'SAG NR. 1 MØDEPLAN FOR REGIONSRÅ- DET MV. ADMINISTRATIONENS';
    expect(titleEnds(a, 3, b, 10).map((end, k) => (end === null ? null : [a, b][k]!.slice(0, end)))).toEqual(['1. Mødeplan for regionsrådet mv', 'SAG NR. 1 MØDEPLAN FOR REGIONSRÅ- DET MV.']);
    // Too little in common, or parting inside a word: no end.
    expect(titleEnds('1. Budget 2021', 3, '1. Budget 2022', 3)).toEqual([null, null]);
  });
});

describe('section words after an item title', () => {
  it('cuts a section word that follows a numbered title in the same run of text', () => {
    expect(resegmentPage('2. Budget for vejene Sagsfremstilling Forvaltningen har lavet et udkast.')).toEqual(['2. Budget for vejene', 'Sagsfremstilling', 'Forvaltningen har lavet et udkast.']);
    // Inside a sentence of the text, far from any title, the word is text.
    expect(resegmentPage('Forvaltningen skriver om en Beslutning Ingen har set før nu')).toHaveLength(1);
  });
});

describe('labels that are part of a title', () => {
  it('does not cut a title with a colon off its item number', () => {
    // "Eventuelt" is a title complete by itself (the lexicon's standingTitles): the sentence after it is its text.
    expect(resegmentPage('Indhold 3. Tema: Kulturregion 4. Lukket: Køb af jord 5. Eventuelt Tekst om temaet.')).toEqual(['Indhold', '3. Tema: Kulturregion', '4. Lukket: Køb af jord', '5. Eventuelt', 'Tekst om temaet.']);
  });
});
