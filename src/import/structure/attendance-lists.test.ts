import { describe, expect, it } from 'vitest';
import { isPersonName } from './participants.js';
import { listLabel, readAttendanceLists } from './attendance-lists.js';

describe('attendance lists inside an item', () => {
  it('reads a label alone with the names under it, numbered, bulleted or bare, up to a line that names no one', () => {
    const [list] = readAttendanceLists(['Deltagerne var:', '1. Overborgmester Anna Holm (A)', '2. Bo Berg (V)', '• Carl Dahl, Venstre', 'Dagsordenen blev godkendt.', 'Dorte Eng']);
    expect(list!.present.map((p) => [p.name, p.party, p.role])).toEqual([['Anna Holm', 'A', 'overborgmester'], ['Bo Berg', 'V', null], ['Carl Dahl', 'V', null]]);
  });
  it('reads "Fraværende" as a heading over names, and "Fraværende: X, Y" on one line', () => {
    expect(readAttendanceLists(['Fraværende', 'Lone Kronborg Pedersen', 'Bemærkninger til dagsordenen'])[0]!.absent.map((a) => a.name)).toEqual(['Lone Kronborg Pedersen']);
    expect(readAttendanceLists(['Fraværende: Anna Holm (A), Bo Berg og H.P. Østergaard'])[0]!.absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg', 'H.P. Østergaard']);
  });
  it('keeps an empty Afbud section and "Fraværende: Ingen" empty, and never takes the text after them as names', () => {
    const lists = readAttendanceLists(['Afbud:', 'Godkendt med den ændring, at sagen udsættes.', 'Fraværende: Ingen', 'Fraværende med afbud:', 'Ingen.', 'Børne- og Skoleudvalget']);
    expect(lists.map((l) => [l.kind, l.reason, l.absent.length])).toEqual([['absent', 'afbud', 0], ['absent', null, 0], ['absent', 'afbud', 0]]);
  });
  it('knows its labels as whole words only', () => {
    expect(listLabel('Afbudslisten er lang')).toBeNull();
    expect(listLabel('Til stede var Anna Holm og Bo Berg')).toMatchObject({ kind: 'present', rest: 'Anna Holm og Bo Berg' });
    expect(listLabel('Til stede var alle medlemmer')).toBeNull();
  });
  it('tells a person\'s name from a body, a place or a sentence', () => {
    expect(['Anna Holm', 'H.P. Østergaard', 'Poul-Erik Sandberg', 'Anna de la Cour'].map(isPersonName)).toEqual([true, true, true, true]);
    expect(['Børne- og Skoleudvalget', 'Teknisk Forvaltning', 'Lejre Kommune', 'Anna', 'KL Direktør', 'Formand Holm'].map(isPersonName)).toEqual([false, false, false, false, false, false]);
  });
});

describe('a member under a role label', () => {
  it('reads "Formand: Anna Holm (A)" and "Næstformand: Bo Berg", not "Referent: …" or "Formand: Udvalget"', async () => {
    const { roleLabelled } = await import('./attendance-lists.js');
    expect(roleLabelled('Formand: Anna Holm (A)')).toEqual({ name: 'Anna Holm', party: 'A', municipality: null, role: 'formand' });
    expect(roleLabelled('Næstformand: Bo Berg')).toMatchObject({ name: 'Bo Berg', role: 'næstformand' });
    expect([roleLabelled('Referent: Carl Dahl'), roleLabelled('Formand: Teknisk Udvalg'), roleLabelled('Formand for udvalget: Anna Holm')]).toEqual([null, null, null]);
  });
});
