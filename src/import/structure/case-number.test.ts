import { describe, expect, it } from 'vitest';
import { plainLine, type Line } from '../line.js';
import { buildItem } from './item.js';
import { caseShape, findCaseSlot, learnCaseShape, lineSlots, parseCaseLine } from './case-number.js';

const plain = { wrapped: false, width: 300 };
const row = (...cells: string[]) => plainLine(cells.join('\t'), { cells });
const text = (t: string, style: Partial<Line> = {}) => plainLine(t, { breakBefore: true, ...style });
const item = (body: Line[], doc?: { lines: Line[]; headings: { index: number }[]; date?: string | null }) =>
  buildItem({ index: 0, number: '1', title: 'Punkt' } as never, plainLine('1. Punkt'), body, plain, doc);

describe('case numbers by their slot', () => {
  it.each([
    ['Sagsnr.: 19/3143', '19/3143'],
    ['Sag nr. 330-2020-164', '330-2020-164'],
    ['Sagnr.: 2012-28504', '2012-28504'],
    ['Sagsnummer: EMN-2025-009242', 'EMN-2025-009242'],
    ['J.nr.: 200906126', '200906126'],
    ['Journalnr. 24.10.00-G01-1-19', '24.10.00-G01-1-19'],
  ])('takes any value of a labelled slot on its line: %s', (line, value) => {
    expect(findCaseSlot([text(line)])?.caseNumber).toBe(value);
    expect(parseCaseLine(line)?.caseNumber).toBe(value);
  });

  it('reads the value from the next cell', () => {
    expect(findCaseSlot([row('Sagsnr.:', '12/27845'), row('Sagen afgøres i:', 'Udvalget for teknik')])).toEqual({ caseNumber: '12/27845', officers: [], index: 0 });
  });

  it('reads the value from the next line when the label ends its line', () => {
    expect(findCaseSlot([text('Sagsnr.:'), plainLine('12/27845'), text('Resumé')])?.caseNumber).toBe('12/27845');
  });

  it('reads a table row of slots: number, case officer, access', () => {
    expect(findCaseSlot([row('Sagsnr.: 2013-003869', 'Sagsbehandler: Anne Holm', 'Åben')])).toEqual({ caseNumber: '2013-003869', officers: ['Anne Holm'], index: 0 });
  });

  it('reads several slots on one line and keeps the document number apart', () => {
    expect(lineSlots(plainLine('Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200 Åbent'))).toEqual([
      { role: 'case', value: '330-2020-164' },
      { role: 'document', value: '330-2020-488200 Åbent' },
    ]);
    expect(findCaseSlot([text('Sagsid.: 20/33839, Sagsinitialer: ABCD')])).toEqual({ caseNumber: '20/33839', officers: ['ABCD'], index: 0 });
  });

  it('takes an empty slot for no case number', () => {
    expect(findCaseSlot([row('Sagsnr.:', 'Sagsbehandler: Anne Holm')])).toEqual({ caseNumber: null, officers: ['Anne Holm'], index: 0 });
    expect(item([row('Sagsnr.:', 'Sagsbehandler: Anne Holm'), text('Beslutning'), text('Godkendt.')]).caseNumber).toBeNull();
  });

  it('never takes a document or bilag number for the case number', () => {
    expect(findCaseSlot([text('Dok.nr.: 2023-123456'), text('Bilagsnr.: 4711')])).toBeNull();
    expect(parseCaseLine('Dok.nr.: 2023-123456')).toBeNull();
    expect(findCaseSlot([text('Dok.nr.: 2023-123456'), plainLine('Sagsnr.: 2023-000017')])?.caseNumber).toBe('2023-000017');
  });

  it('does not read words that only begin like a label', () => {
    expect(lineSlots(plainLine('Sagen afgøres i: Byrådet'))).toEqual([]);
    expect(lineSlots(plainLine('Sag om skolestruktur'))).toEqual([]);
    expect(lineSlots(plainLine('SAG-2020-01697 chbo/jhp'))).toEqual([]);
  });

  it('keeps the slot line where it stands: a whole-line slot under the heading is the case line, a row stays text', () => {
    const consumed = item([text('Sagsnr.: 19/3143'), text('Beslutning'), text('Godkendt.')]);
    expect(consumed).toMatchObject({ caseNumber: '19/3143', sections: [{ heading: 'Beslutning', type: 'decision' }] });
    const kept = item([row('Sagsnr.: 2013-003869', 'Sagsbehandler: Anne Holm', 'Åben'), text('Beslutning'), text('Godkendt.')]);
    expect(kept.caseNumber).toBe('2013-003869');
    expect(kept.caseOfficers).toEqual(['Anne Holm']);
    expect(kept.sections[0]!.blocks).toEqual([{ kind: 'table', rows: [['Sagsnr.: 2013-003869', 'Sagsbehandler: Anne Holm', 'Åben']] }]);
  });
});

describe('unlabelled case tokens learned from repetition', () => {
  const lines = [
    plainLine('1. Godkendelse af dagsorden'), text('Det indstilles, at dagsordenen godkendes.'),
    plainLine('2. Klimaplan'), text('SAG-2020-01697 abcd/efg'), text('Det indstilles, at planen godkendes.'),
    plainLine('3. Sundhedsaftale'), text('SAG-2021-00042 efg'), text('Sagsfremstilling'),
    plainLine('4. Eventuelt'), text('Intet.'),
  ];
  const headings = [0, 2, 5, 8].map((index) => ({ index }));

  it('learns the shape repeated under the headings', () => {
    expect(caseShape('SAG-2020-01697')).toBe('A-9-9');
    expect(learnCaseShape(headings.map((h) => lines.slice(h.index + 1, h.index + 4)))).toBe('A-9-9');
  });

  it('does not learn a shape seen under one item only', () => {
    expect(learnCaseShape([[text('SAG-2020-01697 abcd')], [text('Intet.')], [text('Godkendt.')]])).toBeNull();
  });

  it('reads the learned token and initials as case number and officers', () => {
    const built = item(lines.slice(3, 5), { lines, headings, date: null });
    expect(built).toMatchObject({ caseNumber: 'SAG-2020-01697', caseOfficers: ['abcd', 'efg'] });
    expect(item(lines.slice(3, 5)).caseNumber).toBeNull();
  });
});
