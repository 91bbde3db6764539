/**
 * Layouts of the eighth unseen round (test/corpus entries 75–78), each in invented text: a
 * fold-out list whose bullets hold the item's number alone with the title under it, a decision
 * heading whose body and date follow its colon, a council's blog post with its date, time and room
 * in one sentence under a dated title and a sign-off after the last item, and a page title dated in
 * words with the time and place unlabelled under it, a transcript's "Name, role" lines under
 * "Til stede:" and "Afbud:" with "Pkt. 1" right over its title.
 */
import { describe, expect, it } from 'vitest';
import { decisionOf } from '../../model/index.js';
import { parseText } from '../index.js';
import { describedLines } from './member-list.js';

describe('a fold-out list: "• 1" over the title, "BESLUTNING: <Udvalg> den <dato>"', () => {
  const doc = parseText(
    [
      'Referat',
      '',
      'Tirsdag den 2. marts 2021 kl. 16:00',
      '',
      'Udvalg: Teknik- og Miljøudvalget',
      'Medlemmer: Hanne Bech (A), Jens Ravn (V)',
      ' • 1',
      '  Renovering af Strandvejen',
      '  Sagsid.: 21/1234',
      '',
      '  INDSTILLING:',
      '',
      '  Administrationen indstiller, at udvalget godkender projektet.',
      '',
      '  BESLUTNING: Teknik- og Miljøudvalget den 02-03-2021',
      '',
      '  Godkendt.',
      ' • 2',
      '  Eventuelt',
      '',
      '  BESLUTNING: Teknik- og Miljøudvalget den 02-03-2021',
      '',
      '  Intet.',
    ].join('\n'),
  );
  it('reads each bullet number with the title on the line under it', () => {
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Renovering af Strandvejen'],
      ['2', 'Eventuelt'],
    ]);
    expect(doc.items[0]!.caseNumber).toBe('21/1234');
  });
  it('takes the body and date after the decision heading\'s colon for the heading, not the decision', () => {
    expect(doc.items.map((i) => decisionOf(i.sections))).toEqual(['Godkendt.', 'Intet.']);
  });
  it('still reads a decision written after the colon as the decision', () => {
    const plain = parseText(['Referat', '', '1. Budget', '', 'Beslutning: Godkendt den 2. marts 2021 uden bemærkninger.'].join('\n'));
    expect(decisionOf(plain.items[0]!.sections)).toBe('Godkendt den 2. marts 2021 uden bemærkninger.');
  });
});

describe('a council\'s blog post: dated title, the meeting\'s sentence, "Fremmødt:", a sign-off', () => {
  const doc = parseText(
    [
      'Referat af Handicaprådsmøde den 5. maj 2019',
      '',
      'Referat af Handicaprådsmøde Mandag den 05. maj 2019 Kl. 14.00 i mødelokale 3 på Rådhuset',
      'Fremmødt: Hanne Bech, Jens Ravn og Mette Lund.',
      '',
      '1. Godkendelse af dagsorden',
      'Godkendt.',
      '',
      '2. Eventuelt',
      'Næste møde holdes i juni.',
      '',
      'Referent:',
      'Jens Ravn',
      '05.05.2019',
    ].join('\n'),
  );
  it('names the body from the meeting noun and reads time and room from the sentence of the same date', () => {
    expect([doc.body, doc.date, doc.startTime, doc.location]).toEqual(['Handicaprådet', '2019-05-05', '14:00', 'mødelokale 3 på Rådhuset']);
  });
  it('reads the members after "Fremmødt:"', () => {
    expect(doc.participants.map((p) => p.name)).toEqual(['Hanne Bech', 'Jens Ravn', 'Mette Lund']);
  });
  it('leaves the sign-off out of the last item\'s text', () => {
    expect(decisionOf(doc.items[1]!.sections)).toBe('Næste møde holdes i juni.');
  });
  it('keeps a last item\'s text that only mentions the minute-taker', () => {
    const kept = parseText(
      ['Referat af Ældrerådsmøde den 5. maj 2019', '', '1. Eventuelt', 'Referent: Jens Ravn gennemgik de nye regler for møderne og svarede på spørgsmål.'].join('\n'),
    );
    expect(decisionOf(kept.items[0]!.sections)).toContain('gennemgik de nye regler');
  });
});

describe('a page title dated in words over an unlabelled time and place', () => {
  const doc = parseText(
    [
      'Dagsordener og referater',
      '',
      'Kultur- og Fritidsudvalget - Referat 3. marts 2022',
      '',
      '16:30 Teams',
      'Punkter på dagsordenen:',
      '  1. Godkendelse af dagsorden',
      '',
      '1.     Godkendelse af dagsorden',
      '',
      'Beslutning i Kultur- og Fritidsudvalget den 3. marts 2022:',
      'Godkendt.',
    ].join('\n'),
  );
  it('reads body, kind and date from the title, and time and place from the line under it', () => {
    expect([doc.body, doc.kind, doc.date, doc.startTime, doc.location]).toEqual(['Kultur- og Fritidsudvalget', 'minutes', '2022-03-03', '16:30', 'Teams']);
  });
});

describe('a header that records the agenda\'s approval ("Godkendelse af dagsorden:" / "Godkendt.")', () => {
  const page = (verdict: string) =>
    parseText(
      ['Teknisk Udvalg', '', 'Onsdag den 25-09-2013 kl. 07:00', '', 'Godkendelse af dagsorden:', verdict, '', '57. Budget 2014', '', 'Sagsfremstilling', 'Budgettet fremlægges.'].join('\n'),
    );
  it('makes the document minutes, though its items are cut before their decisions', () => {
    expect(page('Godkendt.').kind).toBe('minutes');
  });
  it('leaves an empty approval label as an agenda\'s', () => {
    expect(page('').kind).toBe('agenda');
  });
});

describe('a transcript without blank lines: "Name, role" lists and "Pkt. 1" over its title', () => {
  const doc = parseText(
    [
      '05.03.2016 - Eksempel Kommune',
      'Referat fra møde i Seniorrådet',
      'Eksempel Kommune',
      'Torsdag d.05.03.16.',
      'Til stede:',
      'Hanne Bech, Formand, udpeget af Kommunalbestyrelsen',
      'Jens Ravn, Ældre Sagen',
      'Mette Lund, valgt ved ældrerådsvalget',
      'Peter Kjær, Chef for Center for Omsorg',
      'Afbud:',
      'Anne Dal, Kommunalbestyrelsen',
      'Søren Vang, De frivillige foreninger',
      'Eva Krog, valgt ved ældrerådsvalget',
      'Pkt. 1',
      'Valg af næstformand',
      'Rådet valgte Jens Ravn.',
    ].join('\n'),
  );
  it('takes the name before each line\'s first comma and the rest as the role', () => {
    expect(doc.participants.map((p) => [p.name, p.role])).toEqual([
      ['Hanne Bech', 'Formand, udpeget af Kommunalbestyrelsen'],
      ['Jens Ravn', 'Ældre Sagen'],
      ['Mette Lund', 'valgt ved ældrerådsvalget'],
      ['Peter Kjær', 'Chef for Center for Omsorg'],
    ]);
    expect(doc.absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Anne Dal', null],
      ['Søren Vang', null],
      ['Eva Krog', null],
    ]);
  });
  it('reads the title line as the title, not as an address or the list\'s last line', () => {
    expect([doc.body, doc.kind, doc.date, doc.location]).toEqual(['Seniorrådet', 'minutes', '2016-03-05', null]);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([['1', 'Valg af næstformand']]);
  });
  it('keeps "Titel" over "Sag nr. 129" with a blank after the number', () => {
    const page = parseText(['Referat', '', 'Spørgetid', 'Sag nr. 129', '', 'Beslutningskompetence: KB', '', 'Beslutning', '', 'Taget til efterretning.'].join('\n'));
    expect(page.items.map((i) => [i.number, i.title])).toEqual([['129', 'Spørgetid']]);
  });
});

describe('describedLines', () => {
  it('is no "Name, role" layout where a party letter follows the comma', () => {
    expect(describedLines(['Bo Dam, F - Eva Holm stedfortræder', 'Lis Vang, V - Per Krog stedfortræder', 'Ole Lund, A - Kim Bach stedfortræder'])).toBeNull();
  });
  it('is none where what follows the commas reads as more names', () => {
    expect(describedLines(['Bo Dam, Eva Holm', 'Lis Vang, Per Krog', 'Ole Lund, Kim Bach'])).toBeNull();
  });
});
