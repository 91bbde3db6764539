import { describe, expect, it } from 'vitest';
import { plainLine, type Line } from '../line.js';
import { readFrontMatter } from './front.js';
import { matchLabel } from './labels.js';

const hints = { wrapped: false, width: 80 };
const L = (text: string, style: Partial<Line> = {}) => plainLine(text, style);
const row = (...cells: string[]) => plainLine(cells.join('\t'), { cells });
const read = (lines: Line[]) => readFrontMatter(lines, hints);

describe('labels', () => {
  it('knows a label alone, with a colon, and its value; never the start of another word', () => {
    expect(matchLabel('Mødested: Rådhuset')).toMatchObject({ field: 'place', value: 'Rådhuset', colon: true });
    expect(matchLabel('STARTTIDSPUNKT')).toMatchObject({ field: 'start', value: null });
    expect(matchLabel('Tid og sted: x')).toMatchObject({ field: 'timeAndPlace' });
    expect(matchLabel('Stedet er skønt')).toBeNull();
    expect(matchLabel('Tidligere beslutninger')).toBeNull();
  });
});

describe('front matter in any arrangement', () => {
  it('value on the same line', () => {
    expect(read([L('Dato: 1. februar 2023'), L('Tidspunkt: kl. 16.00-18.30'), L('Lokale: Mødelokale 2')])).toMatchObject({
      date: '2023-02-01', startTime: '16:00', endTime: '18:30', location: 'Mødelokale 2',
    });
  });
  it('value on the next line, capitalised labels on their own lines', () => {
    const f = read([L('UDVALG'), L('Teknisk Udvalg'), L('MØDE'), L('Ordinært møde'), L('STED'), L('Rådhuset, mødelokale 1'), L('STARTTIDSPUNKT'), L('08-03-2021 16:00'), L('SLUTTIDSPUNKT'), L('08-03-2021 18:00')]);
    expect(f).toMatchObject({ body: 'Teknisk Udvalg', title: 'Ordinært møde', location: 'Rådhuset, mødelokale 1', date: '2021-03-08', startTime: '16:00', endTime: '18:00' });
    expect(f.blocks).toEqual([]);
  });
  it('values in table cells, several pairs in a row, and a row of labels over a row of values', () => {
    expect(read([row('Mødested:', 'Rådhuset'), row('Dato:', '27.10.2020', 'Start:', '17:00')])).toMatchObject({ location: 'Rådhuset', date: '2020-10-27', startTime: '17:00' });
    expect(read([row('Dato', 'Tidspunkt', 'Sted'), row('1. februar 2023', 'kl. 9.00', 'Byrådssalen')])).toMatchObject({ date: '2023-02-01', startTime: '09:00', location: 'Byrådssalen' });
  });
  it('a header spread over several lines', () => {
    const f = read([L('Dagsorden'), L('til', { breakBefore: true }), L('mødet i Teknisk Udvalg', { breakBefore: true }), L('den 1. februar 2023 kl. 09:00', { breakBefore: true }), L('i Mødelokale 2', { breakBefore: true })]);
    expect(f).toMatchObject({ kindHint: 'agenda', body: 'Teknisk Udvalg', date: '2023-02-01', startTime: '09:00', location: 'Mødelokale 2' });
  });
  it('banners: "Body – Referat – date" and "Dagsorden Body date kl. Mødested: …"', () => {
    expect(read([L('Byrådet – Referat – 14. marts 2024')])).toMatchObject({ body: 'Byrådet', kindHint: 'minutes', date: '2024-03-14' });
    expect(read([row('Dagsorden Hennys testudvalg 2. maj 2017 kl. 10:00 Mødested: Mødelokale 1, Midtpunkt', '')])).toMatchObject({
      kindHint: 'agenda', body: 'Hennys testudvalg', date: '2017-05-02', startTime: '10:00', location: 'Mødelokale 1, Midtpunkt', title: null,
    });
  });
  it('unlabelled date, time and address lines under the body, and the meeting name before them', () => {
    const f = read([L('Referat'), L('Udvalget for plan og kultur (PUK)'), L('Ekstraordinært PUK'), L('Torsdag den 20. juni 2013'), L('Kl. 10:30'), L('Kursuscenteret'), L('Strandvej 4'), L('8000 Aarhus C'), L('Medlemmer')]);
    expect(f).toMatchObject({ body: 'Udvalget for plan og kultur (PUK)', title: 'Ekstraordinært PUK', date: '2013-06-20', startTime: '10:30', location: 'Kursuscenteret, Strandvej 4, 8000 Aarhus C' });
  });
  it('date forms', () => {
    expect(read([L('Den 27.10.2020 kl. 17:00')])).toMatchObject({ date: '2020-10-27', startTime: '17:00' });
    expect(read([L('Mødedato: 08-03-2021 16:00')])).toMatchObject({ date: '2021-03-08', startTime: '16:00' });
    expect(read([L('Mødetidspunkt: kl. 16-18')])).toMatchObject({ startTime: '16:00', endTime: '18:00' });
  });
});

describe('participants in their real shapes', () => {
  it('members in a two-column table, read column by column; an empty Fraværende is empty', () => {
    const f = read([L('Medlemmer', { bold: true }), row('Anna Holm (A)', 'Bo Berg (V)'), row('Carl Dahl (A)', 'Dorte Eng (C)'), L('Erik Falk (A)'), L('Fraværende', { bold: true }), L('Indholdsfortegnelse')]);
    expect(f.participants.map((p) => [p.name, p.party])).toEqual([['Anna Holm', 'A'], ['Carl Dahl', 'A'], ['Erik Falk', 'A'], ['Bo Berg', 'V'], ['Dorte Eng', 'C']]);
    expect(f.absent).toEqual([]);
    expect(f.blocks).toEqual([]);
  });
  it('names with party and role in their written forms', () => {
    const f = read([
      L('Til stede:'), L('Anna Holm (A) - formand'), L('Bo Berg (V), næstformand'), L('Carl Dahl, V'), L('Dorte Eng, (Ø)'), L('Erik Falk (Løsgænger)'),
      L('Frida Gram (C) (midlertidigt for Hans Iversen)'), L('Gitte Ahl, Løsgænger'),
    ]);
    expect(f.participants).toEqual([
      { name: 'Anna Holm', party: 'A', municipality: null, role: 'formand' },
      { name: 'Bo Berg', party: 'V', municipality: null, role: 'næstformand' },
      { name: 'Carl Dahl', party: 'V', municipality: null, role: null },
      { name: 'Dorte Eng', party: 'Ø', municipality: null, role: null },
      { name: 'Erik Falk', party: 'Løsgænger', municipality: null, role: null },
      { name: 'Frida Gram', party: 'C', municipality: null, role: 'midlertidigt for Hans Iversen' },
      { name: 'Gitte Ahl', party: 'Løsgænger', municipality: null, role: null },
    ]);
    expect(f.absent).toEqual([{ name: 'Hans Iversen', party: null, municipality: null, role: null, substitute: 'Frida Gram' }]);
  });
  it('name, role and party on lines of their own; bullets; municipalities from the list', () => {
    const f = read([L('Mødedeltagere'), L('Anna Holm'), L('Formand'), L('Socialdemokratiet'), L('Bo Berg'), L('(V)'), L('Carl Dahl, Ikast Brande', { list: { marker: '•', depth: 0 } })]);
    expect(f.participants).toEqual([
      { name: 'Anna Holm', party: 'A', municipality: null, role: 'Formand' },
      { name: 'Bo Berg', party: 'V', municipality: null, role: null },
      { name: 'Carl Dahl', party: null, municipality: 'Ikast-Brande', role: null },
    ]);
  });
  it('afbud after the members, with substitutes in their phrasings', () => {
    const f = read([
      L('Deltagere'), L('Anna Holm (A)'),
      L('Afbud'), L('Bo Berg (V), i stedet mødte Carl Dahl (V)'), L('Dorte Eng (C), stedfortræder: Erik Falk'), L('Gitte Ahl deltog som stedfortræder for Hans Iversen'),
      L('Ikke til stede: Jens Kro (Ø) - Lis Mo (Ø) mødte som stedfortræder.'),
    ]);
    expect(f.participants.map((p) => p.name)).toEqual(['Anna Holm']);
    expect(f.absent.map((a) => [a.name, a.party, a.substitute])).toEqual([
      ['Bo Berg', 'V', 'Carl Dahl'], ['Dorte Eng', 'C', 'Erik Falk'], ['Hans Iversen', null, 'Gitte Ahl'], ['Jens Kro', 'Ø', 'Lis Mo'],
    ]);
  });
  it('an empty afbud section ends at the next label', () => {
    const f = read([L('Afbud:'), L('Mødested:'), L('Rådhuset')]);
    expect(f).toMatchObject({ absent: [], location: 'Rådhuset' });
  });
});

describe('members named on the label line', () => {
  it('reads "Bestyrelsen: A, B og C" as members, and the afbud with the substitute who came', () => {
    const f = read([L('Bestyrelsen: Ida Kornblomst, Bo Hansen og Eva Lund'), L('Afbud: Bo Hansen, suppleant Lis Berg deltog')]);
    expect(f.participants.map((p) => p.name)).toEqual(['Ida Kornblomst', 'Bo Hansen', 'Eva Lund']);
    expect(f.attendanceNote).toBeNull();
    expect(f.absent.map((a) => [a.name, a.substitute])).toEqual([['Bo Hansen', 'Lis Berg']]);
  });
});

describe('notes after a member in the list', () => {
  it('keeps "Name (B)- deltog ikke i behandlingen af punkt: 4, 5, 6, 7, 8, 9" a member and makes "Name (A)- afbud" an afbud', () => {
    const f = read([
      L('Deltagere:'),
      L('Per Holm (O)', { breakBefore: true }),
      L('Lise Bak (B)- deltog ikke i behandlingen af punkt: 4, 5, 6, 7, 8, 9', { breakBefore: true }),
      L('Niels Ravn (A)- afbud', { breakBefore: true }),
      L('Eva Lund (V)', { breakBefore: true }),
    ]);
    expect(f.participants.map((p) => p.name)).toEqual(['Per Holm', 'Lise Bak', 'Eva Lund']);
    expect(f.absent.map((a) => [a.name, a.party])).toEqual([['Niels Ravn', 'A']]);
  });
});

describe('a substitute in the members list', () => {
  it('reads "Y (A), Suppleant for X (A)" as X absent with Y instead, merged with the afbud list', () => {
    const f = read([L('Medlemmer'), L('Per Holm (A)'), L('Birte Gram (A), Suppleant for Bo Mikkelsen (A)'), L('Fraværende', { breakBefore: true }), L('Bo Mikkelsen (A), sag 129-138')]);
    expect(f.absent.map((a) => [a.name, a.substitute])).toEqual([['Bo Mikkelsen', 'Birte Gram']]);
  });
});
