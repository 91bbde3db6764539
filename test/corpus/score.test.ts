/** The scoring rules of the accuracy report, on small hand-made golds. */
import { describe, expect, it } from 'vitest';
import type { Gold } from './gold.js';
import { f1, meanScore, normalise, pairItems, scoreDocument, summarise, tokenSimilarity } from './score.js';

const gold: Gold = {
  meta: { body: 'Byrådet', kind: 'minutes', date: '2024-03-14', startTime: '16:00' },
  participants: ['Anne-Grethe Holm', 'Mikkel Sønderby', 'Lise Marie Kjær'],
  absent: [{ name: 'Henrik Lunde', substitute: 'Camilla Frost' }],
  items: [
    { number: '1', title: 'Godkendelse af dagsorden', caseNumber: null, decision: 'Godkendt.' },
    { number: '2', title: 'Budgetopfølgning pr. 31. januar 2024', caseNumber: '00.30.10-S00-2-24', decision: 'Taget til efterretning.' },
  ],
};

describe('normalise', () => {
  it('ignores case, whitespace, punctuation and hyphenation', () => {
    expect(normalise('  Taget til\nEFTERRETNING. ')).toBe('taget til efterretning');
    expect(normalise('Er- hvervshus')).toBe(normalise('Erhvervshus'));
    expect(normalise('Er-hvervshus')).toBe(normalise('Erhvervshus'));
    expect(normalise('Byrådet – Referat')).toBe('byrådet referat');
  });
});

describe('tokenSimilarity', () => {
  it('is the F1 of the word multisets', () => {
    expect(tokenSimilarity('Godkendelse af dagsorden', 'godkendelse af dagsorden.')).toBe(1);
    expect(tokenSimilarity('a b c d', 'a b c e')).toBe(0.75);
    expect(tokenSimilarity('', '')).toBe(1);
  });
});

describe('f1', () => {
  it('is 2·matched over both counts, and 1 for two empty lists', () => {
    expect(f1(2, 3, 2)).toBe(0.8);
    expect(f1(0, 0, 0)).toBe(1);
    expect(f1(0, 2, 0)).toBe(0);
  });
});

describe('pairItems', () => {
  it('pairs by number first, then by a title at least 0.9 similar', () => {
    const actual = [
      { number: '2', title: 'Godkendelse af dagsorden' },
      { number: '7', title: 'Budgetopfølgning pr. 31. januar 2024' },
    ];
    const { pairs, unmatchedActual } = pairItems(gold.items, actual);
    expect(pairs.map((p) => [p.gold.number, p.actual?.number, p.byNumber])).toEqual([
      ['1', undefined, false],
      ['2', '2', true],
    ]);
    expect(unmatchedActual).toBe(1);
  });
});

describe('scoreDocument', () => {
  it('gives 100 % on every group for a perfect import', () => {
    const scores = scoreDocument(gold, gold);
    expect(Object.values(scores).every((s) => s === 1)).toBe(true);
    expect(meanScore(scores)).toBe(1);
  });

  it('scores each group on its own and leaves out what the gold does not state', () => {
    const actual: Gold = {
      meta: { body: 'BYRÅDET', kind: 'agenda', date: '2024-03-14', startTime: null, location: 'Rådhuset' },
      participants: ['Anne-Grethe Holm (A)', 'Mikkel Sønderby'],
      absent: [{ name: 'Henrik Lunde', substitute: null }],
      items: [
        { number: '1', title: 'Godkendelse af dagsorden', caseNumber: null, decision: 'godkendt' },
        { number: '2', title: 'Budgetopfølgning', caseNumber: '00.30.10-S00-2-24', decision: null },
        { number: '3', title: 'Eventuelt', caseNumber: null, decision: null },
      ],
    };
    const scores = scoreDocument(gold, actual);
    expect(scores.meta).toBe(0.5); // body and date right, kind and time wrong; location not in gold
    expect(scores.participants).toBeCloseTo(0.4); // 1 of 3 and 1 of 2
    expect(scores.absences).toBe(0); // the substitute is part of the absence
    expect(scores.items).toBeCloseTo(0.8);
    expect(scores.titles).toBeCloseTo(0.4);
    expect(scores.caseNumbers).toBeCloseTo(0.8);
    expect(scores.decisions).toBeCloseTo(0.4);
  });

  it('does not count a group the gold leaves out', () => {
    const { participants: _p, absent: _a, ...rest } = gold;
    const scores = scoreDocument({ ...rest, items: rest.items.map(({ decision: _d, ...i }) => i) }, gold);
    expect([scores.participants, scores.absences, scores.decisions]).toEqual([null, null, null]);
  });

  it('scores a refused document 0 on every group its gold states', () => {
    const scores = scoreDocument({ ...gold, participants: undefined }, null);
    expect(scores).toEqual({ meta: 0, participants: null, absences: 0, items: 0, titles: 0, caseNumbers: 0, decisions: 0 });
    expect(meanScore(scores)).toBe(0);
  });
});

describe('summarise', () => {
  it('averages each group over the documents that count it, and the document means', () => {
    const a = scoreDocument(gold, gold);
    const b = { ...scoreDocument(gold, null), participants: null };
    const { groups, mean } = summarise([a, b]);
    expect(groups.participants).toBe(1);
    expect(groups.items).toBe(0.5);
    expect(mean).toBe(0.5);
  });
});
