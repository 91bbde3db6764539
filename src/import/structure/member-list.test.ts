import { describe, expect, it } from 'vitest';
import { plainLine } from '../line.js';
import { readFrontMatter } from './front.js';
import { readAbsent, readMembers, splitAtLabels, type Attendance } from './member-list.js';

const empty = (): Attendance => ({ participants: [], absent: [], attendanceNote: null });
const front = (...texts: string[]) => readFrontMatter(texts.map((t) => plainLine(t)), { wrapped: false, width: 80 });

describe('members and afbud lists', () => {
  it('cuts a value at the list labels inside it ("… og C. Afbud: D", a transcript\'s "Medlemmer: … Fraværende: …")', () => {
    expect(splitAtLabels('Anna Holm, Bo Berg og Carl Dahl. Afbud: Dorte Eng', 'participants')).toEqual([
      { field: 'participants', text: 'Anna Holm, Bo Berg og Carl Dahl' }, { field: 'absent', text: 'Dorte Eng' },
    ]);
    const a = empty();
    readMembers(a, ['Anna Holm (A) Bo Berg (V) Fraværende: Carl Dahl (Ø)']);
    expect([a.participants.map((p) => p.name), a.absent.map((p) => p.name)]).toEqual([['Anna Holm', 'Bo Berg'], ['Carl Dahl']]);
  });
  it('reads "Til stede var: A, B og C." as members, not a note; "Alle" is a note', () => {
    expect(front('Til stede var: Anna Holm, Bo Berg og Carl Dahl.').participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(front('Deltagere: Alle').attendanceNote).toBe('Alle');
  });
  it('reads a role before each name as a member of its own, "1. viceborgmester" too', () => {
    const a = empty();
    readMembers(a, ['Borgmester Anna Holm', 'Rådmand Bo Berg', '1. viceborgmester Carl Dahl', 'Formand']);
    expect(a.participants.map((p) => [p.name, p.role])).toEqual([['Anna Holm', 'borgmester'], ['Bo Berg', 'rådmand'], ['Carl Dahl', '1. viceborgmester, Formand']]);
  });
  it('reads "Y (V) mødte for X (V)" in the members list as X absent with Y instead, but not "deltog for første gang"', () => {
    const a = empty();
    readMembers(a, ['Bo Berg (V) mødte for Dorte Eng (V)', 'Carl Dahl (A) deltog for første gang']);
    expect(a.participants.map((p) => [p.name, p.role])).toEqual([['Bo Berg', 'stedfortræder for Dorte Eng'], ['Carl Dahl', 'deltog for første gang']]);
    expect(a.absent.map((x) => [x.name, x.substitute])).toEqual([['Dorte Eng', 'Bo Berg']]);
  });
  it('keeps an empty Afbud section and "Ingen" empty, and reads an afbud with its stand-in in a sentence', () => {
    const f = front('Til stede:', 'Anna Holm (A), formand', 'Afbud:', 'Ingen', 'Fra administrationen:', 'Direktør Karen Lund');
    expect([f.participants.length, f.absent, f.blocks]).toEqual([1, [], []]);
    const g = front('Deltagere:', 'Anna Holm (A)', 'Afbud:', 'Dorte Eng (C). Stedfortræder Erik Falk (C) deltog.');
    expect(g.absent.map((x) => [x.name, x.party, x.substitute])).toEqual([['Dorte Eng', 'C', 'Erik Falk']]);
    const h = empty();
    readAbsent(h, ['Ingen.', 'Fraværende: Ingen']);
    expect(h.absent).toEqual([]);
  });
});

describe('a transcript that lost the line breaks of its lists', () => {
  it('parts a run of names at the first name after a full name, keeping double first names and notes', async () => {
    const { segmentNames, splitPeople } = await import('./participants.js');
    expect(segmentNames('Vibeke Stær Ravnsholt Lise Lindahl Hans Jørgen Okkels Niels Bo Lindberg')).toEqual(['Vibeke Stær Ravnsholt', 'Lise Lindahl', 'Hans Jørgen Okkels', 'Niels Bo Lindberg']);
    expect(splitPeople('Charlotte Friis ved sag nr. 6 Hans Abildgaard ved sag nr. 6 Per Wiborg-Jessen')).toEqual(['Charlotte Friis, ved sag nr. 6', 'Hans Abildgaard, ved sag nr. 6', 'Per Wiborg-Jessen']);
    expect(segmentNames('Anne Marie Dahl Jensen')).toBeNull();
    expect(segmentNames('Godkendt med bemærkning fra Anna Holm')).toBeNull();
  });
  it('reads "Medlemmer: … Fraværende: …" run into the header line, and drops a date run into an afbud label', () => {
    const f = front(
      'REGION HOVEDSTADEN FORRETNINGSUDVALGET Mandag den 4. januar 2010 Møde nr. 1 Medlemmer: Vibeke Stær Ravnsholt Lise Lindahl Bent Lassen Fraværende: Lise Lindahl ved sag nr. 6',
      'Kommunalbestyrelsen Referat Afbud fra: Onsdag den 15-maj-2002 Kommunalbestyrelsens mødelokaler Mødedeltagere: Arne Eskildsen, Bjarne Juhl åben',
    );
    expect(f.participants.map((p) => p.name)).toEqual(['Vibeke Stær Ravnsholt', 'Lise Lindahl', 'Bent Lassen', 'Arne Eskildsen', 'Bjarne Juhl']);
    expect(f.absent.map((a) => [a.name, a.role])).toEqual([['Lise Lindahl', 'ved sag nr. 6']]);
  });
});

describe('a participant list under "Deltagerfortegnelse"', () => {
  it('skips the body\'s name over its members, reads roles and job titles before names, and the afbud after', () => {
    const f = front(
      'Deltagerfortegnelse', 'Teknik- og Miljøudvalget', 'Borgmester Mette Toft, Lejre Kommune', 'Rådmand Tommy Eriksen, Aalborg Kommune',
      'Formand Plan Miljø og Klima Hans Jørgen Okkels, Silkeborg Kommune', 'Afbud', 'Afdelingschef Erling Frost Damgaard',
    );
    expect(f.participants.map((p) => [p.name, p.role, p.municipality])).toEqual([
      ['Mette Toft', 'borgmester', 'Lejre'], ['Tommy Eriksen', 'rådmand', 'Aalborg'], ['Hans Jørgen Okkels', 'formand Plan Miljø og Klima', 'Silkeborg'],
    ]);
    expect(f.absent.map((a) => [a.name, a.role])).toEqual([['Erling Frost Damgaard', 'afdelingschef']]);
  });
  it('keeps a party with a note after it with its member ("Carl Dahl, Enhedslisten (afbud)")', () => {
    expect(front('Fraværende:', 'Carl Dahl, Enhedslisten (afbud)').absent.map((a) => [a.name, a.party])).toEqual([['Carl Dahl', 'Ø']]);
  });
});

describe('stand-ins in afbud and members lists', () => {
  it('reads "Stedfortræder:" over a name, or with it, as the afbud\'s substitute', () => {
    expect(front('Fraværende:', 'Bo Berg (V)', 'Stedfortræder:', 'Carl Dahl (V)').absent.map((a) => [a.name, a.substitute])).toEqual([['Bo Berg', 'Carl Dahl']]);
    expect(front('Fraværende: Bo Berg (V) Stedfortræder: Carl Dahl (V)').absent.map((a) => [a.name, a.substitute])).toEqual([['Bo Berg', 'Carl Dahl']]);
  });
  it('reads "Y (V) for X (V)" among members as X absent with Y instead', () => {
    const f = front('Deltagere:', 'Anna Holm (A), Bo Berg (V), Carl Dahl (V) for Dorte Eng (V)');
    expect(f.participants.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(f.absent.map((a) => [a.name, a.substitute])).toEqual([['Dorte Eng', 'Carl Dahl']]);
  });
});

describe('the participant list\'s own title', () => {
  it('"Deltagerfortegnelse" opens the members list (labels.json lists it under members)', async () => {
    const { matchLabel } = await import('./labels.js');
    expect(matchLabel('Deltagerfortegnelse')).toMatchObject({ field: 'participants', list: true });
  });
  it('takes the body named on the label\'s line ("Deltagerfortegnelse Teknik- og Miljøudvalget") as the list\'s heading', () => {
    expect(front('Deltagerfortegnelse Teknik- og Miljøudvalget', 'Borgmester Mette Toft, Lejre Kommune').participants.map((p) => p.name)).toEqual(['Mette Toft']);
  });
});

describe('officials listed with the members', () => {
  it('makes a job title before a name others present, also after the organisation\'s acronym and a municipality run into the line', () => {
    const f = readFrontMatter(
      ['Deltagere', '1. Viceborgmester Bo Axelsen, Faaborg-Midtfyn Kommune KL Direktør Jane Winther', 'Kontorchef Esben Grove', 'Formand Anna Holm'].map((t) => plainLine(t)),
      { wrapped: false, width: 80 },
    );
    expect(f.participants.map((p) => [p.name, p.municipality])).toEqual([['Bo Axelsen', 'Faaborg-Midtfyn'], ['Anna Holm', null]]);
    expect(f.others.map((o) => [o.name, o.title, o.organisation])).toEqual([['Jane Winther', 'Direktør', 'KL'], ['Esben Grove', 'Kontorchef', null]]);
  });
});

describe('more members-list shapes', () => {
  it('reads "Name (C), Næstformand- afbud" as an afbud, and "I stedet for X deltog Y." under Afbud as X\'s substitute', () => {
    const f = front('Deltagere:', 'Tina Bak (A), Formand', 'Christoffer Wedel-Nørby (C), Næstformand- afbud', 'Afbud fra:', 'Vera Kjeldsen', 'I stedet for Vera Kjeldsen deltog Peder Poulsen.');
    expect(f.participants.map((p) => p.name)).toEqual(['Tina Bak']);
    expect(f.absent.map((a) => [a.name, a.substitute])).toEqual([['Christoffer Wedel-Nørby', null], ['Vera Kjeldsen', 'Peder Poulsen']]);
  });
  it('parts "Name, Municipality Role Name, Municipality" run together on one line', () => {
    const f = front('Deltagere: Formand Mogens Albrecht, Nordfyn Næstformand Palle Asmussen, Region Syddanmark Bo Lindqvist, Svendborg');
    expect(f.participants.map((p) => [p.name, p.role, p.municipality])).toEqual([
      ['Mogens Albrecht', 'formand', 'Nordfyns'], ['Palle Asmussen', 'næstformand', 'Region Syddanmark'], ['Bo Lindqvist', null, 'Svendborg'],
    ]);
  });
});
