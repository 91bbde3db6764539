import { describe, expect, it } from 'vitest';
import { plainLine } from '../line.js';
import { readFrontMatter } from './front.js';
import { isMemberTableHeader, tableListValues } from './member-table.js';

const row = (...cells: string[]) => plainLine(cells.join('\t'), { cells });

describe('members in a table', () => {
  it('reads names in two columns column by column, the lines under the table continuing the first', () => {
    expect(tableListValues([['Anna Holm (A)', 'Bo Berg (V)'], ['Carl Dahl (A)', '']], ['Dorte Eng (A)'])).toEqual(['Anna Holm (A)', 'Carl Dahl (A)', 'Dorte Eng (A)', 'Bo Berg (V)']);
  });
  it('reads one member a row when a column holds parties or roles, and skips a header row', () => {
    expect(tableListValues([['Navn', 'Parti', 'Funktion'], ['Anna Holm', 'A', 'Formand'], ['Bo Berg', 'UP', ''], ['Carl Dahl', 'Venstre', 'Næstformand']])).toEqual([
      'Anna Holm, (A), Formand', 'Bo Berg, (UP)', 'Carl Dahl, Venstre, Næstformand',
    ]);
  });
  it('knows a header row over members, not one over other tables', () => {
    expect(isMemberTableHeader(['Navn', 'Parti', 'Funktion'])).toBe(true);
    expect(isMemberTableHeader(['Navn', 'Adresse'])).toBe(false);
    expect(isMemberTableHeader(['Punkt', 'Titel'])).toBe(false);
  });
  it('reads a members table under a heading and without a label, with afbud in a table of their own', () => {
    const f = readFrontMatter([plainLine('Deltagere', { heading: 2 }), row('Anna Holm', 'A', 'Formand'), row('Bo Berg', 'Ø', ''), plainLine('Afbud', { heading: 2 }), row('Carl Dahl', 'C', '')], { wrapped: false, width: 80 });
    expect(f.participants.map((p) => [p.name, p.party, p.role])).toEqual([['Anna Holm', 'A', 'Formand'], ['Bo Berg', 'Ø', null]]);
    expect(f.absent.map((a) => [a.name, a.party])).toEqual([['Carl Dahl', 'C']]);
    const g = readFrontMatter([row('Navn', 'Parti', 'Funktion'), row('Anna Holm', 'Socialdemokratiet', 'Formand'), row('Bo Berg', 'Venstre', 'Medlem')], { wrapped: false, width: 80 });
    expect(g.participants.map((p) => [p.name, p.party])).toEqual([['Anna Holm', 'A'], ['Bo Berg', 'V']]);
  });
});
