/** The minutes as the workspace writes them: from the agenda, the roster, attendance, decisions, quick phrases. */
import { describe, expect, it } from 'vitest';
import { item, meetingDocument, section } from '../db/fixtures.js';
import { decisionOf, MeetingDocument, type Participant } from '../model/index.js';
import {
  applyAttendance,
  attendanceOf,
  DECISION_PHRASES,
  decisionItems,
  minutesFromAgenda,
  MinutesInputError,
  phraseText,
  rosterOf,
  setDecision,
  startMinutes,
  withPhrase,
} from './minutes.js';

const member = (name: string, municipality: string | null = null, role: string | null = null): Participant => ({ name, party: null, municipality, role });

const agenda = meetingDocument({
  kind: 'agenda',
  title: 'Dagsorden for møde i KKR Midtjylland',
  date: '2031-03-04',
  items: [
    item('1', 'Godkendelse af referat', { sections: [] }),
    item('1.1', 'Godkendelse af referat fra mødet den 4. februar 2031', { sections: [section('recommendation', 'Det indstilles, at referatet godkendes.'), section('decision', '', 'Beslutning')] }),
    item('2', 'Eventuelt', { sections: [] }),
  ],
});

describe('a minutes draft from the agenda', () => {
  it('keeps the items and header, becomes minutes and carries no decision', () => {
    const minutes = minutesFromAgenda(agenda);
    expect(minutes.kind).toBe('minutes');
    expect(minutes.title).toBe('Referat af møde i KKR Midtjylland');
    expect(minutesFromAgenda({ ...agenda, title: 'Dagsorden' }).title).toBe('Referat');
    expect(minutes.date).toBe('2031-03-04');
    expect(minutes.items.map((i) => i.number)).toEqual(['1', '1.1', '2']);
    expect(minutes.items[1]!.sections.map((s) => s.type)).toEqual(['recommendation']);
    expect(minutes.items.every((i) => i.decision === null)).toBe(true);
    expect(() => MeetingDocument.parse(minutes)).not.toThrow();
  });

  it('asks for decisions on cases, not on the headings of groups', () => {
    expect(decisionItems(minutesFromAgenda(agenda)).map((i) => i.number)).toEqual(['1.1', '2']);
  });
});

describe('the roster', () => {
  const latest = meetingDocument({
    participants: [member('Anna Andersen', 'Favrskov'), member('Bo Berg', 'Skive'), member('Cai Suppleantsen', 'Skive', 'suppleant')],
    absent: [{ ...member('Dorte Dahl', 'Viborg'), substitute: 'Cai Suppleantsen' }],
  });

  it('takes the members of the latest minutes, afbud included and substitutes left out', () => {
    expect(rosterOf(agenda, latest).map((p) => p.name)).toEqual(['Anna Andersen', 'Bo Berg', 'Dorte Dahl']);
  });

  it("prefers the agenda's own participants", () => {
    const withPeople = { ...agenda, participants: [member('Eva Eriksen')] };
    expect(rosterOf(withPeople, latest).map((p) => p.name)).toEqual(['Eva Eriksen']);
  });

  it('is empty without either', () => {
    expect(rosterOf(agenda, null)).toEqual([]);
  });

  it('starts the minutes with every expected member present', () => {
    const minutes = startMinutes(agenda, latest);
    expect(minutes.participants.map((p) => p.name)).toEqual(['Anna Andersen', 'Bo Berg', 'Dorte Dahl']);
    expect(minutes.participants[2]!.municipality).toBe('Viborg');
    expect(minutes.absent).toEqual([]);
  });
});

describe('attendance', () => {
  const doc = minutesFromAgenda({ ...agenda, others: [{ name: 'Fie Fisker', title: 'Chefkonsulent', organisation: 'KL', group: 'Fra KL', minuteTaker: true }] });

  it('puts members present in participants and afbud, with their substitute, in absent; keeps others', () => {
    const result = applyAttendance(doc, [
      { ...member('Anna Andersen', 'Favrskov'), status: 'present', substitute: null },
      { ...member('Bo Berg', 'Skive'), status: 'afbud', substitute: ' Cai Suppleantsen ' },
      { ...member('Dorte Dahl'), status: 'afbud', substitute: '' },
    ]);
    expect(result.participants).toEqual([member('Anna Andersen', 'Favrskov')]);
    expect(result.absent).toEqual([
      { ...member('Bo Berg', 'Skive'), substitute: 'Cai Suppleantsen' },
      { ...member('Dorte Dahl'), substitute: null },
    ]);
    expect(result.others.map((a) => a.name)).toEqual(['Fie Fisker']);
    expect(attendanceOf(result).map((e) => [e.name, e.status, e.substitute])).toEqual([
      ['Anna Andersen', 'present', null],
      ['Bo Berg', 'afbud', 'Cai Suppleantsen'],
      ['Dorte Dahl', 'afbud', null],
    ]);
  });

  it('replaces the others when given', () => {
    const result = applyAttendance(doc, [], [{ name: 'Gæst Gæstesen', title: null, organisation: 'Region Midtjylland', group: null, minuteTaker: false }]);
    expect(result.others.map((a) => a.name)).toEqual(['Gæst Gæstesen']);
  });

  it('refuses a substitute for a member present, a member twice and a nameless row', () => {
    expect(() => applyAttendance(doc, [{ ...member('Anna'), status: 'present', substitute: 'Bo' }])).toThrow(/til stede, men har en stedfortræder/);
    expect(() => applyAttendance(doc, [
      { ...member('Anna Andersen'), status: 'present', substitute: null },
      { ...member('anna andersen'), status: 'afbud', substitute: null },
    ])).toThrow(MinutesInputError);
    expect(() => applyAttendance(doc, [{ ...member('  '), status: 'present', substitute: null }])).toThrow(/mangler sit navn/);
  });
});

describe('decisions', () => {
  const doc = minutesFromAgenda(agenda);

  it('adds a Beslutning section last and keeps decision equal to decisionOf', () => {
    const result = setDecision(doc, '1.1', 'Godkendt.\n\nMed en bemærkning.');
    const target = result.items[1]!;
    expect(target.sections.at(-1)).toEqual({ heading: 'Beslutning', type: 'decision', blocks: [{ kind: 'paragraph', text: 'Godkendt.' }, { kind: 'paragraph', text: 'Med en bemærkning.' }] });
    expect(target.decision).toBe('Godkendt.\n\nMed en bemærkning.');
    expect(target.decision).toBe(decisionOf(target.sections));
    expect(doc.items[1]!.decision).toBeNull(); // pure
  });

  it('replaces a decision in place with its heading, and removes it when emptied', () => {
    const kdnet = meetingDocument({ items: [item('1', 'Godkendelse af dagsorden', { sections: [section('decision', 'Udsat.', 'Referat'), section('presentation', 'Tekst.'), section('decision', 'Mere.', 'Referat')] })] });
    const replaced = setDecision(kdnet, '1', 'Godkendt.');
    expect(replaced.items[0]!.sections.map((s) => `${s.type}:${s.heading}`)).toEqual(['decision:Referat', 'presentation:Sagsfremstilling']);
    expect(replaced.items[0]!.decision).toBe('Godkendt.');
    const emptied = setDecision(replaced, '1', '  \n ');
    expect(emptied.items[0]!.sections.map((s) => s.type)).toEqual(['presentation']);
    expect(emptied.items[0]!.decision).toBeNull();
  });

  it('refuses an item the minutes do not have', () => {
    expect(() => setDecision(doc, '9', 'Godkendt.')).toThrow(/Punkt 9 findes ikke/);
  });
});

describe('quick phrases', () => {
  it('are data with glosses, the most common first, the three of the issue among them', () => {
    expect(DECISION_PHRASES[0]!.text).toBe('Godkendt.');
    for (const text of ['Godkendt.', 'Taget til efterretning.', 'Indstillingen blev tiltrådt.']) expect(DECISION_PHRASES.map((p) => p.text)).toContain(text);
    expect(DECISION_PHRASES.every((p) => p.gloss.length > 0)).toBe(true);
  });

  it("fill in the organisation's name", () => {
    const phrase = DECISION_PHRASES.find((p) => p.text.includes('{organisation}'))!;
    expect(phraseText(phrase, 'KKR Midtjylland')).toMatch(/^KKR Midtjylland /);
  });

  it('are added after what is written, once', () => {
    expect(withPhrase('', 'Godkendt.')).toBe('Godkendt.');
    expect(withPhrase('Drøftet.  ', 'Taget til efterretning.')).toBe('Drøftet. Taget til efterretning.');
    expect(withPhrase('Godkendt.', 'Godkendt.')).toBe('Godkendt.');
  });
});
