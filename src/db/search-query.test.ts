import { describe, expect, it } from 'vitest';
import { caseCandidates, caseKey, hasPositive, nameWords, parseQuery, toTsquery, withoutRuns } from './search-query.js';

const tsq = (text: string, compounds = false) => toTsquery(parseQuery(text), { compounds });

describe('toTsquery', () => {
  it('ANDs words and quotes every operand', () => {
    expect(tsq('klima energi')).toBe("'klima' & 'energi'");
  });

  it('reads or/eller as alternatives, binding tighter than AND', () => {
    expect(tsq('flygtninge or integration')).toBe("('flygtninge' | 'integration')");
    expect(tsq('klima plan ELLER strategi')).toBe("'klima' & ('plan' | 'strategi')");
    expect(tsq('a eller b eller c')).toBe("('a' | 'b' | 'c')");
  });

  it('reads -word and ikke word as exclusions', () => {
    expect(tsq('sundhed -psykiatri')).toBe("'sundhed' & !'psykiatri'");
    expect(tsq('sundhed ikke psykiatri')).toBe("'sundhed' & !'psykiatri'");
    expect(tsq('erhvervshus -"grønne omstilling"')).toBe("'erhvervshus' & !'grønne omstilling'");
  });

  it('keeps phrases whole, with operators inside them as words', () => {
    expect(tsq('"klima eller miljø"')).toBe("'klima eller miljø'");
    expect(tsq('"til efterretning" ikke')).toBe("'til efterretning'");
    // An unclosed quote runs to the end.
    expect(tsq('"fælles servicecenter')).toBe("'fælles servicecenter'");
  });

  it('makes word* a prefix and, with compounds, plain words also compound starts', () => {
    expect(tsq('klima*')).toBe("'klima':*");
    expect(tsq('klima', true)).toBe("('klima' | 'klima':*)");
    // Short words, numbers, hyphenated words, exclusions and phrases are not expanded.
    expect(tsq('kkr klima-plan 2020 -klima "klima"', true)).toBe("'kkr' & 'klima-plan' & '2020' & !'klima' & 'klima'");
    expect(tsq('k*')).toBe("'k'");
  });

  it('expands only the chosen words when given a set', () => {
    expect(toTsquery(parseQuery('klima energi'), { compounds: new Set(['energi']) })).toBe("'klima' & ('energi' | 'energi':*)");
  });

  it('turns any input into valid, operator-free operands', () => {
    expect(tsq('klima & | ! :* ( ) <-> \\')).toBe("'klima'");
    expect(tsq("'; drop table agenda_items; --")).toBe("'drop' & 'table' & 'agenda items'");
    expect(tsq('20/12345')).toBe("'20 12345'");
    expect(tsq("it's")).toBe("'it s'");
    for (const text of ['', '-', 'or', 'eller', 'ikke', '"', '"""', '( )', ':*', '\\', '- - -', '*']) expect(tsq(text), text).toBe('');
  });

  it('never leaves a quote or backslash unescaped, whatever the input', () => {
    const samples = ["a'b", 'a\\b', "''", 'ø\'\\"x', 'klima:*', '!!!', 'ab<->cd', '¨´`'];
    for (const text of samples) {
      const out = tsq(text, true);
      // Between operands only the operators we write; inside quotes no lone quote.
      expect(out.replace(/'(?:[^'\\]|''|\\.)*'/g, 'X'), text).toMatch(/^[X|&!():* ]*$/);
    }
  });
});

describe('hasPositive', () => {
  it('is false for a query of exclusions alone', () => {
    expect(hasPositive(parseQuery('-klima ikke energi'))).toBe(false);
    expect(hasPositive(parseQuery('klima -energi'))).toBe(true);
  });
});

describe('case numbers', () => {
  it('compares case numbers by letters and digits only', () => {
    expect(caseKey('SAG-2020-01697')).toBe('sag202001697');
    expect(caseKey('00.01.00-A00-1-20')).toBe('000100a00120');
    expect(caseKey('20/12345')).toBe('2012345');
  });

  it('offers runs of words with three or more digits, longest first', () => {
    const parsed = parseQuery('klima sag 2020 01697');
    const keys = caseCandidates(parsed).map((c) => c.key);
    expect(keys[0]).toBe('klimasag202001697');
    expect(keys).toContain('sag202001697');
    expect(keys).toContain('202001697');
    expect(keys).not.toContain('klima');
    expect(caseCandidates(parseQuery('00.01.00-A00-1-20')).map((c) => c.key)).toEqual(['000100a00120']);
    expect(caseCandidates(parseQuery('20/12345')).map((c) => c.key)).toEqual(['2012345']);
    // Not excluded words, alternatives or quoted phrases.
    expect(caseCandidates(parseQuery('-SAG-2020-01697 "20/12345" a12 or b345'))).toEqual([]);
  });

  it('drops the words of a run from the query', () => {
    const parsed = parseQuery('klima sag 2020 01697');
    const run = caseCandidates(parsed).find((c) => c.key === 'sag202001697')!;
    expect(toTsquery(withoutRuns(parsed, [run]), { compounds: false })).toBe("'klima'");
  });
});

describe('nameWords', () => {
  it('gives the positive words, none for queries with alternatives', () => {
    expect(nameWords(parseQuery('H.C. Østerby -klima'))).toEqual(['H', 'C', 'Østerby']);
    expect(nameWords(parseQuery('"Anne Jensen"'))).toEqual(['Anne', 'Jensen']);
    expect(nameWords(parseQuery('a or b'))).toEqual([]);
  });
});
