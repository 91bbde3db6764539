import { describe, expect, it } from 'vitest';
import { sectionTypeOf } from '../../model/index.js';
import { plainLine, type Line } from '../line.js';
import { settleDecisions } from './decisions.js';
import { buildItem } from './item.js';

const plain = { wrapped: false, width: 300 };
const text = (t: string, style: Partial<Line> = {}) => plainLine(t, { breakBefore: true, ...style });
const item = (body: Line[], date: string | null = null) =>
  buildItem({ index: 0, number: '1', title: 'Punkt' } as never, plainLine('1. Punkt'), body, plain, { lines: [plainLine('1. Punkt'), ...body], headings: [{ index: 0 }], date });

describe('decision headings', () => {
  it.each([
    ['Beslutning', 'decision'],
    ['Beslutninger:', 'decision'],
    ['Beslutning i Økonomiudvalget den 1. oktober 2018:', 'decision'],
    ['Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013', 'decision'],
    ['Beslutning Teknik- og Miljøudvalget den 11-08-2021', 'decision'],
    ['Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2', 'decision'],
    ['Udvalgets beslutning', 'decision'],
    ['Referat:', 'decision'],
    ['Afgørelse', 'decision'],
    ['Økonomiudvalgets indstilling', 'recommendation'],
    ['Direktøren indstiller', 'recommendation'],
    ['Forvaltningen foreslår', 'recommendation'],
    ['Indstilling', 'recommendation'],
    ['Resumé', 'summary'],
    ['Beslutningstema', 'summary'],
    ['Præsentation:', 'summary'],
    ['Sagsfremstilling', 'presentation'],
    ['Sagsbeskrivelse', 'presentation'],
    ['Supplerende sagsfremstilling', 'presentation'],
    ['Økonomi', 'economy'],
    ['Økonomi og organisatoriske konsekvenser', 'economy'],
    ['Sagsforløb', 'history'],
    ['Tidligere behandling', 'history'],
    ['Historik', 'history'],
    ['Høring', 'other'],
    ['Lovgrundlag', 'other'],
    ['Bilag', 'other'],
  ])('%s → %s', (heading, type) => {
    expect(sectionTypeOf(heading)).toBe(type);
  });

  it('does not take sentences for headings', () => {
    expect(sectionTypeOf('Beslutningen træffes af byrådet')).toBeNull();
    expect(sectionTypeOf('Beslutning om genåbning af caféer den 4. juni 2020.')).toBeNull();
    expect(sectionTypeOf('Direktøren indstiller, at planen godkendes.')).toBeNull();
  });

  it('takes a bold heading line and a "Heading: text" line', () => {
    const built = item([text('Beslutning i Byrådet den 3. maj 2024', { bold: true }), text('Godkendt.'), text('Sagsforløb: ØU, BY')]);
    expect(built.sections.map((s) => [s.heading, s.type])).toEqual([['Beslutning i Byrådet den 3. maj 2024', 'decision'], ['Sagsforløb', 'history']]);
  });

  it('takes a line in lower case for text, not a heading', () => {
    expect(item([text('Sagsbeskrivelse:'), text('beskrivelse')]).sections.map((s) => s.heading)).toEqual(['Sagsbeskrivelse']);
  });
});

describe("this meeting's decision", () => {
  const history = [
    text('Sagsfremstilling'), text('Planen er revideret.'),
    text('Beslutning i Udvalget for teknik den 10-04-2013'), text('Udsat.'),
    text('Supplerende sagsfremstilling'), text('Planen er revideret igen.'),
    text('Beslutning i Udvalget for teknik den 24-04-2013'), text('Punktet genoptages.'),
    text('Beslutning i Udvalget for teknik den 20-06-2013'), text('Godkendt.'),
  ];

  it('keeps a decision printed before the case text in its item', () => {
    const built = item([
      text('Sagsnr.: 19/3143'), text('Indstilling'), text('Administrationen indstiller, at vejen lukkes.'),
      text('Beslutning i Udvalget for teknik den 4. juni 2020'), text('Godkendt.'),
      text('Beskrivelse af sagen'), text('Sagen handler om vejen.'), text('Økonomi'), text('Ingen.'),
    ], '2020-06-04');
    expect(built).toMatchObject({ caseNumber: '19/3143', decision: 'Godkendt.' });
    expect(built.sections.map((s) => s.type)).toEqual(['recommendation', 'decision', 'presentation', 'economy']);
  });

  it("chooses the decision dated the meeting's date; earlier ones become history with their headings", () => {
    const built = item(history, '2013-06-20');
    expect(built.decision).toBe('Godkendt.');
    expect(built.sections.map((s) => [s.heading, s.type])).toEqual([
      ['Sagsfremstilling', 'presentation'],
      ['Beslutning i Udvalget for teknik den 10-04-2013', 'history'],
      ['Supplerende sagsfremstilling', 'presentation'],
      ['Beslutning i Udvalget for teknik den 24-04-2013', 'history'],
      ['Beslutning i Udvalget for teknik den 20-06-2013', 'decision'],
    ]);
  });

  it('takes the last dated decision when the meeting date is unknown', () => {
    expect(item(history.slice(0, 8)).decision).toBe('Punktet genoptages.');
  });

  it("gives an agenda that prints only earlier meetings' decisions no decision", () => {
    expect(item(history.slice(0, 4), '2013-06-20').decision).toBeNull();
  });

  it('keeps undated decisions and a case history (Sagsforløb) as they are', () => {
    const sections = [
      { heading: 'Sagsforløb', type: 'history' as const, blocks: [{ kind: 'paragraph' as const, text: 'Økonomiudvalget 3. april 2024, punkt 5' }] },
      { heading: 'Beslutning', type: 'decision' as const, blocks: [{ kind: 'paragraph' as const, text: 'Godkendt.' }] },
    ];
    expect(settleDecisions(sections, '2024-04-11')).toEqual(sections);
    const built = item([text('Sagsforløb'), text('Økonomiudvalget den 3. april 2024, punkt 5.'), text('Beslutning'), text('Godkendt.')], '2024-04-11');
    expect(built.sections.map((s) => s.type)).toEqual(['history', 'decision']);
    expect(built.decision).toBe('Godkendt.');
  });
});
