/**
 * Layouts of the twelfth unseen round (test/corpus entries 96–100), each in invented text: a city
 * council's page of one item (labels over an unnumbered title and its "Beslutning", the stand-in
 * named in a clause "Y (F) i henhold til § 15, stk. 1. nr. 1 … blev indkaldt som stedfortræder for
 * X (F)"); a municipal council's header "X og Y havde meldt forfald. I stedet mødte A og B."; and a
 * PDF transcript's participants run together with job titles between the names ("Ole Berg
 * Direktør Gurli Holm Direktør Lars Frost").
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { splitPeople } from './participants.js';

describe('a page of one item: labels, then an unnumbered title over its decision', () => {
  const page = (above: string[]) =>
    parseText(
      [
        ...above,
        '',
        'Godkendelse af dagsordenen',
        '',
        'Beslutning',
        '',
        'Byrådets beslutning i mødet den 17. november 2011',
        '',
        'Fraværende med afbud:',
        '',
        'Anna Holm, A, (ferie)',
        '',
        'Borgmester Bo Berg, F, (sygdom)',
        '',
        'Stedfortrædere:',
        '',
        'Der forelå anmodning fra Socialistisk Folkeparti om, at Carl Dahl (F) i henhold til § 15, stk. 1. nr. 1 i lov om kommunernes styrelse (sygdom) blev indkaldt som stedfortræder for Borgmester Bo Berg (F).',
      ].join('\n'),
    );
  const labelled = page(['Mødedato: 17.11.2011, kl. 17:30', 'Mødested: Byrådssalen']);
  it('reads the title as the page’s one item, and the page as minutes of the body its decision names', () => {
    expect(labelled.items.map((i) => [i.number, i.title])).toEqual([['1', 'Godkendelse af dagsordenen']]);
    expect([labelled.kind, labelled.body, labelled.date, labelled.startTime]).toEqual(['minutes', 'Byrådet', '2011-11-17', '17:30']);
  });
  it('gives the absent member the stand-in the clause names, its words in lower case between the names', () => {
    expect(labelled.absent.map((a) => [a.name, a.substitute])).toEqual([['Bo Berg', 'Carl Dahl']]);
    expect(labelled.items[0]!.absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg']);
  });
  it('reads no item where a sentence, not a label, stands above the one title', () => {
    expect(page(['Mødedato: 17.11.2011, kl. 17:30', 'Her er referatet af mødet, som blev holdt i går.']).items).toEqual([]);
  });
});

describe('absences and their stand-ins in two sentences', () => {
  const header = (standIns: string) =>
    parseText(
      [
        'Referat',
        'til',
        'mødet i Kommunalbestyrelsen',
        'den 28. september 2015 kl. 19:00',
        'i Kommunalbestyrelsens mødesal',
        '',
        `Anna Holm og Bo Berg havde meldt forfald. ${standIns}`,
        '',
        '227. Spørgsmål fra rådmand Carl Dahl om skolerne',
        '',
        'Sagsfremstilling',
        '',
        'Foretoges.',
        '',
        '228. Spørgsmål fra rådmand Carl Dahl om vejene',
        '',
        'Sagsfremstilling',
        '',
        'Foretoges.',
      ].join('\n'),
    );
  it('pairs the stand-ins with the absentees in their order', () => {
    expect(header('I stedet mødte Dorte Lund og Erik Moos.').absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Anna Holm', 'Dorte Lund'],
      ['Bo Berg', 'Erik Moos'],
    ]);
  });
  it('pairs none when the next sentence names fewer stand-ins than absentees', () => {
    expect(header('I stedet mødte Dorte Lund.').absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Anna Holm', null],
      ['Bo Berg', null],
    ]);
  });
});

describe('names run together with job titles between them', () => {
  it('starts a person at a capitalised role or job title after a full name', () => {
    expect(splitPeople('Ole Berg Direktør Gurli Holm Økonomichef Lars Frost Michael Lund')).toEqual([
      'Ole Berg',
      'Direktør Gurli Holm',
      'Økonomichef Lars Frost',
      'Michael Lund',
    ]);
  });
  it('keeps a title before the first name with it', () => {
    expect(splitPeople('Direktør Gurli Holm Ole Berg Lars Frost')).toEqual(['Direktør Gurli Holm', 'Ole Berg', 'Lars Frost']);
  });
});

describe('a member present but absent from some items, as the members list notes it', () => {
  const doc = parseText(
    [
      'Møde i Regionsrådet',
      '',
      'mandag den 6. januar 2020 kl. 16:00',
      '',
      'Deltagere:',
      '',
      'Anna Holm (A), Formand',
      '',
      'Bo Berg (V)- afbud',
      '',
      'Carl Dahl (Ø)- deltog ikke i behandlingen af punkt: 1, 2',
      '',
      'Dorte Lund (F)',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Godkendt.',
      '',
      '2. Budget',
      '',
      'Godkendt.',
      '',
      '3. Eventuelt',
      '',
      'Intet.',
    ].join('\n'),
  );
  it('keeps the member among those present and makes the absence the named items’ own', () => {
    expect(doc.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Carl Dahl', 'Dorte Lund']);
    expect(doc.items.map((i) => [i.number, i.absent.map((a) => a.name)])).toEqual([
      ['1', ['Carl Dahl']],
      ['2', ['Carl Dahl']],
      ['3', []],
    ]);
    expect(doc.participants.find((p) => p.name === 'Carl Dahl')!.role).toBeNull();
  });
});
