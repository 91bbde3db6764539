import { describe, expect, it } from 'vitest';
import type { Section } from '../../model/index.js';
import { itemAbsences } from './item-absence.js';

const decision = (...texts: string[]): Section[] => [{ heading: 'Beslutning', type: 'decision', blocks: texts.map((text) => ({ kind: 'paragraph' as const, text })) }];

describe('absences an item states', () => {
  it.each([
    ['Anna Holm (A) deltog ikke i behandlingen af punktet.', 'Anna Holm', 'deltog ikke i behandlingen'],
    ['Godkendt. Bo Berg var forhindret.', 'Bo Berg', 'forhindret'],
    ['Carl Dahl forlod mødet kl. 18.30 under behandlingen af dette punkt.', 'Carl Dahl', 'forlod mødet'],
    ['Borgmester Dorte Eng var inhabil og deltog ikke i behandlingen.', 'Dorte Eng', 'inhabil'],
    ['Erik Falk erklærede sig inhabil.', 'Erik Falk', 'inhabil'],
  ])('%s', (text, name, reason) => {
    expect(itemAbsences(decision(text)).absent).toEqual([{ name, reason }]);
  });
  it('reads "Fraværende: X, Y" under a decision, several names in one sentence, and no one for a word that is no name', () => {
    expect(itemAbsences(decision('Godkendt.', 'Fraværende: Anna Holm (A), Bo Berg (V)')).absent).toEqual([{ name: 'Anna Holm', reason: null }, { name: 'Bo Berg', reason: null }]);
    expect(itemAbsences(decision('Anna Holm, Bo Berg og Carl Dahl var fraværende.')).absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(itemAbsences(decision('Udvalget deltog ikke i behandlingen.', 'Fraværende: Ingen')).absent).toEqual([]);
  });
  it('puts absences from the whole meeting on the meeting too, with a substitute when stated', () => {
    const { absent, meeting } = itemAbsences(decision('Anna Holm deltog ikke i mødet.', 'Bo Berg havde meldt afbud, og Carl Dahl deltog i stedet.'));
    expect(absent.map((a) => a.name)).toEqual(['Anna Holm', 'Bo Berg']);
    expect(meeting.map((a) => [a.name, a.substitute])).toEqual([['Anna Holm', null], ['Bo Berg', 'Carl Dahl']]);
  });
});

describe('absences named after the phrase', () => {
  it('reads "Der var afbud fra X, Y og Z" at a sentence start as the meeting\'s afbud, not "Da der var afbud fra X, …"', () => {
    const at = (text: string) => itemAbsences([{ heading: 'Referat', type: 'decision', blocks: [{ kind: 'paragraph', text }] }]);
    const r = at('1. Afbud. Der var afbud fra Jens Holm, Eva Lund og Arne Bak.');
    expect(r.absent.map((a) => a.name)).toEqual(['Jens Holm', 'Eva Lund', 'Arne Bak']);
    expect(r.meeting.map((a) => a.name)).toEqual(['Jens Holm', 'Eva Lund', 'Arne Bak']);
    expect(at('Da der var afbud fra Jens Holm, orienterede direktøren.').absent).toEqual([]);
  });
});

describe('an absence lead whose sentence lost its full stop', () => {
  it('reads a capitalised lead mid-line ("… 8800 Viborg Medlemmerne var mødt, bortset fra X og Y") as a sentence start', () => {
    const at = (text: string) => itemAbsences([{ heading: null, type: 'other', blocks: [{ kind: 'paragraph', text }] }]);
    const r = at('Mødet i Rådhuset, Torvet 1, 8800 Viborg Medlemmerne var mødt, bortset fra Jens Holm og Eva Lund, der havde meldt afbud.');
    expect(r.meeting.map((a) => a.name)).toEqual(['Jens Holm', 'Eva Lund']);
    expect(at('Sagen blev udsat da der var afbud fra Jens Holm.').meeting).toEqual([]);
  });
});

describe('a stand-in named with the absence', () => {
  it('makes "Fraværende: X (V) - Y (V) mødte som stedfortræder." the meeting\'s afbud with Y as substitute', () => {
    const r = itemAbsences([{ heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Fraværende: Erik Holm (V) - Maria Berg (V) mødte som stedfortræder.' }] }]);
    expect(r.absent.map((a) => a.name)).toEqual(['Erik Holm']);
    expect(r.meeting.map((a) => [a.name, a.substitute])).toEqual([['Erik Holm', 'Maria Berg']]);
  });
});

describe('an absence reported in a sentence', () => {
  it('reads "… orienterede om, at X (O) havde meldt afbud og at Y (O) deltog som stedfortræder."', () => {
    const r = itemAbsences([{ heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Borgmesteren orienterede om, at Christian Holm (O) havde meldt afbud og at Finn Bak (O) deltog som stedfortræder.' }] }]);
    expect(r.meeting.map((a) => [a.name, a.substitute])).toEqual([['Christian Holm', 'Finn Bak']]);
  });
});

describe('attendance written in an item', () => {
  const item = (heading: string, ...texts: string[]): Section[] => [{ heading, type: 'decision', blocks: texts.map((text) => ({ kind: 'paragraph' as const, text })) }];
  it('reads a "Fraværende" heading over a name as an absence, and in an item about attendance as the meeting\'s', () => {
    const r = itemAbsences(item('Beslutning', 'Fraværende', 'Lone Kronborg Pedersen', 'Bemærkninger til dagsordenen'), 'Fraværende og bemærkninger til dagsordenen');
    expect(r.absent).toEqual([{ name: 'Lone Kronborg Pedersen', reason: null }]);
    expect(r.meeting.map((a) => a.name)).toEqual(['Lone Kronborg Pedersen']);
    expect(itemAbsences(item('Beslutning', 'Godkendt.', 'Fraværende', 'Bo Berg'), 'Budget 2025').meeting).toEqual([]);
  });
  it('reads the members a decision lists ("Deltagerne var:") and an empty "Fraværende med afbud"', () => {
    const r = itemAbsences(item('Beslutning', 'Fraværende med afbud:', 'Ingen.', 'Deltagerne var:', '1. Overborgmester Anna Holm (A)', '2. Bo Berg (V)', 'Dagsordenen blev godkendt.'));
    expect(r.present.map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg']);
    expect(r.absent).toEqual([]);
  });
  it('reads a stand-in called in for an absent member as the meeting\'s afbud with its substitute', () => {
    const r = itemAbsences(item('Resume', '1. stedfortræder på liste V, Kaj Øster, indkaldes til Byrådets møde som følge af afbud fra Mads Brandt pga. ferie.', 'Eva Lund (A) deltog i stedet for Per Holm (A).'));
    expect(r.meeting.map((a) => [a.name, a.substitute])).toEqual([['Mads Brandt', 'Kaj Øster'], ['Per Holm', 'Eva Lund']]);
    expect(itemAbsences(item('Beslutning', 'Godkendt for Byrådet.')).meeting).toEqual([]);
  });
  it('gives the meeting the members an item lists when the header lists none, and fills in a substitute', async () => {
    const { recordItemAbsences } = await import('./item-absence.js');
    const items = [{ title: 'Godkendelse af dagsorden', sections: item('Beslutning', 'Til stede: Anna Holm, Bo Berg og Carl Dahl'), absent: [] }, { title: 'Stedfortræder', sections: item('Beslutning', 'Eva Lund deltog i stedet for Dorte Eng.'), absent: [] }];
    const participants: never[] = [];
    const absent = [{ name: 'Dorte Eng', party: null, municipality: null, role: null, substitute: null }];
    recordItemAbsences(items as never, absent, participants);
    expect((participants as { name: string }[]).map((p) => p.name)).toEqual(['Anna Holm', 'Bo Berg', 'Carl Dahl']);
    expect(absent.map((a) => [a.name, a.substitute])).toEqual([['Dorte Eng', 'Eva Lund']]);
  });
});

describe('the ways an item says a member did not take part', () => {
  it.each([
    ['Anna Holm (A) deltog ikke i sagens behandling.', 'deltog ikke i behandlingen'],
    ['Anna Holm (A) deltog ikke under behandlingen af punktet.', 'deltog ikke i behandlingen'],
    ['Anna Holm (A) tog ikke del i behandlingen.', 'deltog ikke i behandlingen'],
    ['Godkendt. Anna Holm (A) deltog ikke.', 'deltog ikke i behandlingen'],
    ['Anna Holm (A) var ikke til stede under behandlingen af punktet.', 'ikke til stede'],
    ['Udvalgsmedlem Anna Holm (A) er fraværende.', 'fraværende'],
    ['Godkendt. Fraværende: Anna Holm (A).', null],
  ])('%s', (text, reason) => {
    expect(itemAbsences(decision(text)).absent).toEqual([{ name: 'Anna Holm', reason }]);
  });
  it('makes "X havde meldt forfald" the meeting\'s too, and never a party named as the subject', () => {
    expect(itemAbsences(decision('Anna Holm (A) havde meldt forfald.')).meeting.map((a) => a.name)).toEqual(['Anna Holm']);
    expect(itemAbsences(decision('Socialdemokratiet (A) deltog ikke i afstemningen.')).absent).toEqual([]);
  });
});

describe('a phrase about other items', () => {
  it('leaves "X deltog ikke under behandlingen af dagsordenspunkt 2" said under another item alone', () => {
    expect(itemAbsences(decision('Tommy Holm (B) deltog ikke under behandlingen af dagsordenpunkt 2.')).absent).toEqual([]);
  });
});

describe('the front matter\'s sentences about attendance', () => {
  it('reads "Medlemmerne var mødt, bortset fra X, Y og Z, der havde meldt afbud" and "I stedet for X deltog Y" for the meeting, not "X forlod mødet"', async () => {
    const { recordItemAbsences } = await import('./item-absence.js');
    const absent = [{ name: 'Vera Holm', party: null, municipality: null, role: null, substitute: null }];
    const front = [
      { kind: 'paragraph' as const, text: 'Medlemmerne var mødt, bortset fra Anna V. Krogh, Alice Eng og Tove Vinther, der havde meldt afbud. Jonas Due forlod mødet efter punkt 23.' },
      { kind: 'paragraph' as const, text: 'I stedet for Vera Holm deltog Peder Poulsen.' },
    ];
    recordItemAbsences([], absent, [], front);
    expect(absent.map((a) => [a.name, a.substitute])).toEqual([['Vera Holm', 'Peder Poulsen'], ['Anna V. Krogh', null], ['Alice Eng', null], ['Tove Vinther', null]]);
  });
});
