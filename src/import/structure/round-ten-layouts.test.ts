/**
 * Layouts of the tenth unseen round (test/corpus entries 84–89), each in invented text: a
 * council's page of a year's minutes ("Referater af Xs møder i 2022", labels over their values, a
 * place over its address lines, "Fra <forvaltning>: A, B"); a council's page of items without
 * numbers ("Title" / "Indhold:" / … / "Referat"), "Name: role" entries and "Gæst:"; a case
 * system's page whose decisions run into the next item's heading ("Godkendt.11. Briefing …"); a
 * page system printing each item's title over "Sagsfremstilling" with an English month and
 * "Suppleant for X(D), Y."; and attendance in an item's decision ("I mødet deltog:" over groups,
 * "Y (for X)", "Følgende havde meldt afbud:").
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { pageTexts } from '../read/page-lines.js';
import { namedItems } from './item-absence.js';

describe('a year\'s minutes page: the body in the genitive, a place over its address lines, a group of officials', () => {
  const page = (heading: string, address: string[]) =>
    parseText(
      [
        heading,
        '',
        '12. marts 2023 – Ordinært møde',
        '',
        'Deltagere',
        '',
        'Anna Holm, Bo Berg og Carl Dahl',
        '',
        'Fra Socialforvaltningen: Dorte Lund, Erik Vang',
        '',
        'Sted',
        '',
        'Medborgerhuset',
        ...address,
        '',
        'Referat',
        '',
        '1. Godkendelse af dagsorden',
        '',
        'Godkendt.',
        '',
        '2. Eventuelt',
        '',
        'Intet.',
      ].join('\n'),
    );
  it('names the body whose meetings the page holds', () => {
    expect(page('Referater af Ungerådets møder i 2023', []).body).toBe('Ungerådet');
    expect(page('Referater af møder i 2023', []).body).not.toBe('Ungerådet');
  });
  it('takes the address lines under the place into it, and only those', () => {
    expect(page('Referater af Ungerådets møder i 2023', ['Skolevej 4', '9999 Fjordby']).location).toBe('Medborgerhuset, Skolevej 4, 9999 Fjordby');
    expect(page('Referater af Ungerådets møder i 2023', []).location).toBe('Medborgerhuset');
  });
  it('reads a group "Fra …:" in the list as its people', () => {
    const names = page('Referater af Ungerådets møder i 2023', []).participants.map((p) => p.name);
    expect(names).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl', 'Dorte Lund', 'Erik Vang']);
  });
});

describe('items without numbers, each "Title" over "Indhold:"; "Name: role" entries; guests', () => {
  const page = (opening: string) =>
    parseText(
      [
        'Der indkaldes hermed til ordinært møde i Ungerådet i Fjordby Kommune',
        '',
        'Dato: Mandag d. 4.4. 2022',
        '',
        'Deltagere:',
        '',
        ' • Anna Holm: Kommunalbestyrelsesmedlem for Venstre',
        ' • Bo Berg: Konsulent, Staben, SIOU',
        '',
        'Afbud:',
        '',
        ' • Carl Dahl KFUM',
        '',
        'Gæst:',
        '',
        ' • Dorte Lund, SIOU',
        '',
        'Godkendelse af dagsorden',
        '',
        opening,
        '',
        'Godkendelse af dagsorden',
        '',
        'Referat',
        '',
        'Godkendt',
        '',
        'Orientering fra formanden',
        '',
        opening,
        '',
        'Nyt om budgettet.',
        '',
        'Referat',
        '',
        'Taget til efterretning.',
      ].join('\n'),
    );
  it('reads each line over the opening section as an item, numbered in order', () => {
    const doc = page('Indhold:');
    expect(doc.items.map((i) => [i.number, i.title, i.decision])).toEqual([
      ['1', 'Godkendelse af dagsorden', 'Godkendt'],
      ['2', 'Orientering fra formanden', 'Taget til efterretning.'],
    ]);
  });
  it('finds no items where no section opens them', () => {
    expect(page('Her står teksten.').items).toEqual([]);
  });
  it('reads the date, the body, "Name: role" entries, an acronym after a name, and no guest as absent', () => {
    const doc = page('Indhold:');
    expect(doc.date).toBe('2022-04-04');
    expect(doc.body).toBe('Ungerådet');
    expect(doc.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg']);
    expect(doc.absent.map((a) => a.name)).toEqual(['Carl Dahl']);
  });
});

describe('decisions run into the next item\'s heading: "Godkendt.11. Briefing …"', () => {
  const page = (second: string) =>
    parseText(
      [
        'Referat',
        'til',
        'mødet i Ungerådet',
        'den 6. juni 2017 kl. 16:30',
        '',
        '10. Godkendelse af dagsorden',
        '',
        'Beslutning i Ungerådet den 6. juni 2017',
        '',
        `Godkendt.${second} Briefing fra borgerrådgiveren`,
        '',
        'Beslutning i Ungerådet den 6. juni 2017',
        '',
        'Taget til efterretning.',
      ].join('\n'),
    );
  it('parts the next item\'s heading off the decision', () => {
    const doc = page('11.');
    expect(doc.items.map((i) => [i.number, i.title, i.decision])).toEqual([
      ['10', 'Godkendelse af dagsorden', 'Godkendt.'],
      ['11', 'Briefing fra borgerrådgiveren', 'Taget til efterretning.'],
    ]);
  });
  it('leaves a number that does not follow the last heading\'s in the text', () => {
    expect(page('14.').items.map((i) => i.number)).toEqual(['10']);
  });
});

describe('a page system: "Forside" over the members, each title over "Sagsfremstilling"', () => {
  const page = (verdict: string) =>
    parseText(
      [
        'Udvalg',
        'Kommunalbestyrelsen',
        'Dato',
        '25. February 2020 -',
        'Titel',
        'Forside',
        '',
        'Sagsfremstilling',
        '',
        'Medlemmer',
        '',
        'Anna Holm (IA)',
        '',
        'Bo Berg (S)',
        '',
        'Carl Dahl (D)',
        '',
        'Suppleant for Carl Dahl(D), Dorte Lund.',
        '',
        'Afbud: Carl Dahl (D)',
        '',
        'Godkendelse af dagsorden',
        '',
        'Sagsfremstilling',
        '',
        verdict,
        '',
        'Meddelelser',
        '',
        'Sagsfremstilling',
        '',
        'Borgmesteren orienterede om budgettet.',
      ].join('\n'),
    );
  it('reads the English month, the substitute, and the items without the front page', () => {
    const doc = page('Dagsorden godkendt.');
    expect(doc.date).toBe('2020-02-25');
    expect(doc.absent).toEqual([expect.objectContaining({ name: 'Carl Dahl', substitute: 'Dorte Lund' })]);
    expect(doc.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Meddelelser']);
  });
  it('makes minutes of the agenda\'s verdict, and the one section of each item its record', () => {
    const doc = page('Dagsorden godkendt.');
    expect(doc.kind).toBe('minutes');
    expect(doc.items.map((i) => i.decision)).toEqual(['Dagsorden godkendt.', 'Borgmesteren orienterede om budgettet.']);
  });
  it('keeps an agenda\'s text as text', () => {
    const doc = page('Dagsordenen forelægges til godkendelse.');
    expect(doc.kind).toBe('agenda');
    expect(doc.items.map((i) => i.decision)).toEqual([null, null]);
  });
});

describe('attendance in an item\'s decision: "I mødet deltog:" over groups, "Y (for X)", "Følgende havde meldt afbud:"', () => {
  const page = parseText(
    [
      '1. Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'I mødet deltog:',
      '',
      'Borgerrepræsentanter:',
      '',
      'Anna Holm og Bo Berg.',
      '',
      'Fra det frivillige foreningsområde:',
      '',
      'Carl Dahl, Dorte Lund (for Erik Vang) og Finn Skov.',
      '',
      'Følgende havde meldt afbud:',
      '',
      'Erik Vang og Gitte Bak.',
      '',
      'Udvalgets beslutning på mødet den 5. april 2019:',
      '',
      'Dagsordenen blev godkendt.',
    ].join('\n'),
  );
  it('reads every group\'s people as present', () => {
    expect(page.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl', 'Dorte Lund', 'Finn Skov']);
  });
  it('reads the afbud, with who came for whom', () => {
    expect(page.absent.map((a) => [a.name, a.substitute])).toEqual([
      ['Erik Vang', 'Dorte Lund'],
      ['Gitte Bak', null],
    ]);
  });
});

describe('"X deltog ikke under punkterne 12-15", said under another item', () => {
  const page = parseText(
    [
      'Referat',
      '',
      'Deltagere: Anna Holm (A), Bo Berg (V)',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      'Bo Berg (V) deltog ikke under punkterne 2-3.',
      '',
      '2. Lokalplan',
      '',
      'Beslutning',
      '',
      'Vedtaget.',
      '',
      '3. Eventuelt',
      '',
      'Beslutning',
      '',
      'Intet.',
    ].join('\n'),
  );
  it('is an absence of the items it names, not of the item that says it', () => {
    expect(page.items.map((i) => i.absent.map((a) => a.name))).toEqual([[], ['Bo Berg'], ['Bo Berg']]);
  });
  it('reads the numbers a tail names', () => {
    expect(namedItems(' punkterne 12-15')).toEqual(['12', '13', '14', '15']);
    expect(namedItems(' behandlingen af punkt: 4, 5 og 7')).toEqual(['4', '5', '7']);
    expect(namedItems(' mødet')).toEqual([]);
  });
});

describe('a two-page transcript\'s furniture (Ballerup, 2005): the meeting\'s header on page 2, "Punkt 1:", a committee in capitals', () => {
  it('drops the body\'s meeting with the first page\'s date from a later page\'s start, and only that', () => {
    const first = 'Møde i Byrådet mandag den 28. november 2005 REFERAT Indholdsfortegnelse 1. Meddelelser';
    expect(pageTexts([`1 ${first}`, '2 Byrådets møde 28. november 2005 Punkt 1: Ingen.'])[1]).toBe('Punkt 1: Ingen.');
    expect(pageTexts([`1 ${first}`, '2 Byrådets møde 5. december 2005 Punkt 1: Ingen.'])[1]).toBe('Byrådets møde 5. december 2005 Punkt 1: Ingen.');
  });
  const minutes = (label: string, group: string) =>
    parseText(
      ['Referat', '', 'Byrådet', '', '1. Meddelelser', '', label, '', 'Der var ingen meddelelser.', '', group, '', '2. Budget', '', 'Beslutning', '', 'Vedtaget.'].join('\n'),
    );
  it('keeps neither the item\'s own label nor the committee heading before the next item in its text', () => {
    expect(minutes('Punkt 1:', 'ØKONOMIUDVALGET').items[0]!.decision).toBe('Der var ingen meddelelser.');
  });
  it('keeps another item\'s label and a line in capitals that is no body', () => {
    const decision = minutes('Punkt 4:', 'BEMÆRK').items[0]!.decision!;
    expect(decision).toContain('Punkt 4:');
    expect(decision).toContain('BEMÆRK');
  });
});
