/** Identity by evidence: true merges, and near-misses that must stay apart (invented names). */
import { describe, expect, it } from 'vitest';
import { editDistance, identityCandidates, judgeIdentity, nameRelation, type PersonEvidence } from './identity.js';

const person = (id: number, name: string, fields: Partial<PersonEvidence> = {}): PersonEvidence => ({
  id,
  name,
  municipalities: ['Ikast-Brande'],
  parties: ['V'],
  organizations: [1],
  meetings: [100 + id],
  ...fields,
});

describe('nameRelation', () => {
  it('tells dropped middle names, one-letter slips and initials from other names', () => {
    expect(nameRelation('Ole Bjerre Madsen', 'Ole Madsen')).toBe('middle');
    expect(nameRelation('Ole Madsen', 'Ole Bjerre Madsen')).toBe('middle');
    expect(nameRelation('Kasper Vinggaard', 'Kasper Vinggard')).toBe('typo');
    expect(nameRelation('Lise Bjørtz Holm', 'Lise Bjørz Holm')).toBe('typo');
    expect(nameRelation('A. Fenger', 'Anne Fenger')).toBe('initial');
    expect(nameRelation('H.C. Østerby', 'H. C. Østerby')).toBe('equal');
    expect(nameRelation('Jens Holm', 'Jans Holm')).toBe('different');
    expect(nameRelation('Ole Madsen', 'Ole Madsen Bjerre')).toBe('different');
    expect(nameRelation('Anne Fenger', 'Anne Fenger Kristensen')).toBe('different');
    expect(nameRelation('Ole Madsen', 'Per Madsen')).toBe('different');
  });

  it('measures edit distance, stopping early', () => {
    expect(editDistance('vinggaard', 'vinggard')).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('judgeIdentity', () => {
  it('merges a close name in the same municipality, party and organisation', () => {
    expect(judgeIdentity(person(1, 'Ole Bjerre Madsen'), person(2, 'Ole Madsen'))).toMatchObject({ kind: 'same', relation: 'middle' });
    expect(judgeIdentity(person(1, 'Kasper Vinggaard'), person(2, 'Kasper Vinggard', { parties: [] }))).toMatchObject({ kind: 'same', relation: 'typo' });
  });

  it('keeps namesakes of different municipalities apart', () => {
    expect(judgeIdentity(person(1, 'Ole Madsen'), person(2, 'Ole Madsen', { municipalities: ['Odder'] })).kind).toBe('apart');
  });

  it('keeps two names seen at the same meeting apart, however alike', () => {
    expect(judgeIdentity(person(1, 'Kasper Vinggaard', { meetings: [7] }), person(2, 'Kasper Vinggard', { meetings: [7, 8] })).kind).toBe('apart');
  });

  it('only suggests when the evidence is thin or contradicts', () => {
    // Similar names, same municipality, different parties: perhaps a party switch, perhaps two people.
    expect(judgeIdentity(person(1, 'Ole Bjerre Madsen'), person(2, 'Ole Madsen', { parties: ['A'] })).kind).toBe('suggest');
    // An initial is never enough by itself.
    expect(judgeIdentity(person(1, 'A. Fenger'), person(2, 'Anne Fenger')).kind).toBe('suggest');
    // No municipality known on one side.
    expect(judgeIdentity(person(1, 'Ole Bjerre Madsen', { municipalities: [] }), person(2, 'Ole Madsen')).kind).toBe('suggest');
    // Different organisations.
    expect(judgeIdentity(person(1, 'Ole Bjerre Madsen'), person(2, 'Ole Madsen', { organizations: [2] })).kind).toBe('suggest');
  });

  it('lists candidate pairs once each, apart pairs left out, in a stable order', () => {
    const people = [
      person(3, 'Kasper Vinggard'),
      person(1, 'Kasper Vinggaard'),
      person(2, 'Ole Madsen', { municipalities: ['Odder'] }),
      person(4, 'Ole Madsen'),
      person(5, 'Mette Holm'),
    ];
    const pairs = identityCandidates(people).map((p) => [p.a.id, p.b.id, p.verdict.kind]);
    expect(pairs).toEqual([[1, 3, 'same']]);
    expect(identityCandidates([...people].reverse()).map((p) => [p.a.id, p.b.id])).toEqual([[1, 3]]);
  });
});
