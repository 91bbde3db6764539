/**
 * Layouts of round 13, each in invented text: a directors' network's PDF transcript, its page run
 * into one line — "Referat fra møde i <netværk> i den <egn> region", "Tid og sted:" whose time and
 * place lost the comma between them, and item headings run into their own text ("1. Godkendelse
 * af dagsorden Dagsordenen blev godkendt …", "… v. A og B Orientering om …").
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { resegmentPage } from '../read/resegment.js';
import { cleanBodyName } from './body.js';
import { placeAfterTime } from './front.js';

const PAGE =
  '1 Referat fra møde i direktørnetværket i den sydjyske region Tid og sted: Torsdag 12. marts 2015, fra kl til (12.00) med efterfølgende frokost Kulturhuset i Vejle, Sal B, Havnegade 4, 7100 Vejle. ' +
  'Deltagere: Anna Holm, Bo Berg, Carl Dahl, Dorte Lund. ' +
  '1. Godkendelse af dagsorden Dagsordenen blev godkendt med den tilføjelse, at der under punkt 9 tilføjes et punkt om mødeplanen for efteråret. ' +
  '2. Godkendelse af referatet fra møde fredag 30. januar 2015 Bilag 1. Referat fra møde i netværket fredag 30. januar 2015 Referatet blev godkendt. ' +
  '3. Regional vækststrategi, RVS v. Anna Holm og Bo Berg Orientering om status på strategien, herunder den opdaterede tidsplan. Der er iværksat en proces, som tager sit udgangspunkt i tre udfordringer. ' +
  '4. Eventuelt';

describe('a transcript page run into one line: item headings run into their text', () => {
  it('ends each title where its text starts, after a lower-case word, a year or the presenters', () => {
    const lines = resegmentPage(PAGE);
    expect(lines).toContain('1. Godkendelse af dagsorden');
    expect(lines).toContain('2. Godkendelse af referatet fra møde fredag 30. januar 2015');
    expect(lines).toContain('3. Regional vækststrategi, RVS v. Anna Holm og Bo Berg');
    expect(lines).toContain('4. Eventuelt');
  });

  it('reads the items with their titles, the body without its region, and the place after the lost time', () => {
    const doc = parseText(`Transkript\n\n${PAGE}`);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Godkendelse af dagsorden'],
      ['2', 'Godkendelse af referatet fra møde fredag 30. januar 2015'],
      ['3', 'Regional vækststrategi, RVS'],
      ['4', 'Eventuelt'],
    ]);
    expect(doc.items[2]!.presenters).toEqual(['Anna Holm', 'Bo Berg']);
    expect(doc.body).toBe('direktørnetværket');
    expect(doc.location).toBe('Kulturhuset i Vejle, Sal B, Havnegade 4, 7100 Vejle.');
  });

  it('keeps a short contents run and a title naming a place whole', () => {
    expect(resegmentPage('1. Godkendelse af dagsorden 2. Tilskud til Odense Havn 3. Budget 2016 Vedtagelse 4. Eventuelt')).toEqual([
      '1. Godkendelse af dagsorden',
      '2. Tilskud til Odense Havn',
      '3. Budget 2016 Vedtagelse',
      '4. Eventuelt',
    ]);
  });

  it('ends a title complete by itself ("Evt.", "Eventuelt") where a sentence follows it, not where a name or number does', () => {
    const lines = resegmentPage('Dagsorden: 1. Godkendelse af dagsorden 2. Meddelelser fra formanden 3. Regnskab 4. Evt. Dagsorden blev godkendt 1');
    expect(lines.slice(-2)).toEqual(['4. Evt.', 'Dagsorden blev godkendt 1']);
    expect(resegmentPage('1. Godkendelse af dagsorden 2. Meddelelser Region Midtjylland 3. Regnskab 4. Eventuelt Bilag 1').slice(-3)).toEqual([
      '2. Meddelelser Region Midtjylland',
      '3. Regnskab',
      '4. Eventuelt Bilag 1',
    ]);
  });

  it('stays fast on a long line of lower-case words and capitals', () => {
    const long = `1. ${'budget Ny '.repeat(20_000)} 2. ${'x. Ab cd '.repeat(20_000)} 3. Eventuelt`;
    const started = performance.now();
    resegmentPage(long);
    placeAfterTime(`kl. ${'1.00 '.repeat(20_000)}`);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the region a body serves, and the place after a time', () => {
  it('drops "i den <egn> region" and "i Region <navn>" after a body’s name', () => {
    expect(cleanBodyName('kommunaldirektørnetværket i den midtjyske region')).toBe('kommunaldirektørnetværket');
    expect(cleanBodyName('Regionsrådet i Region Nordjylland')).toBe('Regionsrådet');
    expect(cleanBodyName('Udvalget for regional udvikling')).toBe('Udvalget for regional udvikling');
  });

  it('takes the capitalised place after the last time of a part, and leaves a part without a time', () => {
    expect(placeAfterTime('fra kl til (11.00) med efterfølgende frokost Medborgerhuset i Silkeborg')).toBe('Medborgerhuset i Silkeborg');
    expect(placeAfterTime('kl. 9.00 Rådhuset')).toBe('Rådhuset');
    expect(placeAfterTime('Sal C')).toBe('Sal C');
    expect(placeAfterTime('kl. 9.00')).toBe('kl. 9.00');
  });
});

describe('a board’s transcript header: "Mandag d. 16. december 2013 kl Mødet afholdtes i museets …"', () => {
  const header =
    '1 Referat af møde i Havnemuseets bestyrelse Tirsdag d. 3. december 2013 kl Mødet afholdtes i museets administrationsbygning, Havnevej 12, mødelokalet 1. sal. Tilstede: Anna Holm, Bo Berg';
  it('cuts before the weekday date with "d." and after its lost time', () => {
    expect(resegmentPage(header).slice(0, 3)).toEqual([
      '1 Referat af møde i Havnemuseets bestyrelse',
      'Tirsdag d. 3. december 2013 kl',
      'Mødet afholdtes i museets administrationsbygning, Havnevej 12, mødelokalet 1. sal.',
    ]);
  });

  it('reads the place the held-sentence names in the genitive, its "1. sal" kept', () => {
    const items = ' Dagsorden: 1. Godkendelse af dagsorden 2. Meddelelser fra formanden 3. Regnskab 4. Eventuelt';
    const doc = parseText(`Transkript\n\n${header}${items}\n\n2 Pkt. 2 Meddelelser fra formanden Formanden orienterede om status.`);
    expect([doc.date, doc.location]).toEqual(['2013-12-03', 'museets administrationsbygning, Havnevej 12, mødelokalet 1. sal']);
  });
});

describe('an agenda list, then the items’ pages whose headings lost their numbers', () => {
  const agenda = (page: string[]) =>
    parseText(
      [
        'Dagsorden for møde i bestyrelsen for Affaldsselskabet Nord I/S tirsdag 25. oktober 2011',
        '',
        'DAGSORDEN',
        '',
        '1. Ansættelse af ny direktør',
        '2. Godkendelse af budget 2012',
        '3. Økonomirapport pr. 30. september',
        '4. Eventuelt',
        '',
        ...page,
      ].join('\n'),
    );
  it('makes a title found again with its case number under it the heading of its item', () => {
    const doc = agenda(['Ansættelse af ny direktør', '', 'J.nr.: 81.02P27', '', 'Resumé', '', 'Ansættelsesproceduren er overstået.']);
    expect(doc.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      ['1', 'Ansættelse af ny direktør', '81.02P27'],
      ['2', 'Godkendelse af budget 2012', null],
      ['3', 'Økonomirapport pr. 30. september', null],
      ['4', 'Eventuelt', null],
    ]);
    expect(doc.items[0]!.sections.map((s) => s.heading)).toContain('Resumé');
  });

  it('leaves the list the items when its title is only mentioned in the text after it', () => {
    const doc = agenda(['Mødet sluttede med en drøftelse af punktet Ansættelse af ny direktør.']);
    expect(doc.items.at(-1)!.sections.length).toBeGreaterThan(0);
  });
});

describe('a members list whose last name carries its organisation and the minute-taker’s note', () => {
  it('reads "…, Ulla Kjær, KD-Net (ref.) Lemvig." as Ulla Kjær of KD-Net, no participant "KD-Net"', () => {
    const page = PAGE.replace('Deltagere: Anna Holm, Bo Berg, Carl Dahl, Dorte Lund.', 'Deltagere: Afbud: Anna Holm, Bo Berg, Lis Dahl, KKR, Ulla Kjær, KD-Net (ref.) Lemvig.');
    const doc = parseText(`Transkript\n\n${page}`);
    expect(doc.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Lis Dahl', 'Ulla Kjær']);
  });
});
