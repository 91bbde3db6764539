/**
 * @module Person identity across documents: whether two names seen in the archive are one person.
 * Evidence, never a guess: how the names relate (a middle name dropped, one letter off, an initial),
 * where each was seen (municipality, party, organisations, meetings). Two names seen at the same
 * meeting are two people; namesakes of different municipalities stay apart. Only a pair with a
 * close name *and* matching context is merged by itself; anything less becomes a suggestion a
 * secretary accepts or rejects (the decision kept by the caller). Pure.
 */

/** What the archive knows of one identity (one person row), as evidence. */
export interface PersonEvidence {
  id: number;
  name: string;
  municipalities: readonly string[];
  parties: readonly string[];
  organizations: readonly number[];
  meetings: readonly number[];
}

/**
 * How two names relate: equal (after normalising) · middle (the same first and last name, one
 * has middle names the other lacks) · typo (one token one edit apart, the rest equal) · initial (a
 * first name given as its initial) · different.
 */
export type NameRelation = 'equal' | 'middle' | 'typo' | 'initial' | 'different';

export type IdentityVerdict =
  | { kind: 'same'; relation: NameRelation; reasons: string[] }
  | { kind: 'suggest'; relation: NameRelation; reasons: string[] }
  | { kind: 'apart'; reasons: string[] };

const tokens = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,()]/g, ' ')
    .split(/[\s\-‐–]+/)
    .filter(Boolean);

/** Levenshtein distance, stopping early above `max` (names are short). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** Whether `short` is `long` with some of its middle tokens left out (first and last kept). */
function dropsMiddle(short: string[], long: string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  if (short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let j = 1;
  for (const t of short.slice(1, -1)) {
    while (j < long.length - 1 && long[j] !== t) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

/** How two names relate; see NameRelation. */
export function nameRelation(a: string, b: string): NameRelation {
  const [x, y] = [tokens(a), tokens(b)];
  if (x.length === 0 || y.length === 0) return 'different';
  if (x.join(' ') === y.join(' ')) return 'equal';
  if (dropsMiddle(x, y) || dropsMiddle(y, x)) return 'middle';
  if (x.length === y.length) {
    const differing = x.flatMap((t, i) => (t === y[i] ? [] : [i]));
    if (differing.length === 1) {
      const i = differing[0]!;
      const [s, t] = [x[i]!, y[i]!];
      // One letter off in a token long enough that a letter is a slip, not another name ("Jens"/"Jans" are two names).
      if (Math.min(s.length, t.length) >= 5 && editDistance(s, t, 1) <= 1) return 'typo';
      if (i === 0 && x.length >= 2 && (s.length === 1 || t.length === 1) && s[0] === t[0]) return 'initial';
    }
  }
  return 'different';
}

const overlap = <T>(a: readonly T[], b: readonly T[]) => a.some((v) => b.includes(v));
const normal = (s: string) => s.trim().toLowerCase();

/** Judges whether two identities are one person; see the module comment. */
export function judgeIdentity(a: PersonEvidence, b: PersonEvidence): IdentityVerdict {
  const relation = nameRelation(a.name, b.name);
  if (relation === 'different') return { kind: 'apart', reasons: ['navnene ligner ikke hinanden'] };
  if (overlap(a.meetings, b.meetings)) return { kind: 'apart', reasons: ['begge navne står på det samme møde'] };
  const [ma, mb] = [a.municipalities.map(normal), b.municipalities.map(normal)];
  if (ma.length > 0 && mb.length > 0 && !overlap(ma, mb)) return { kind: 'apart', reasons: ['forskellige kommuner'] };
  const [pa, pb] = [a.parties.map(normal), b.parties.map(normal)];
  const reasons: string[] = [];
  const sameMunicipality = ma.length > 0 && mb.length > 0;
  if (sameMunicipality) reasons.push('samme kommune');
  const partiesClash = pa.length > 0 && pb.length > 0 && !overlap(pa, pb);
  if (partiesClash) reasons.push('forskellige partier');
  else if (pa.length > 0 && pb.length > 0) reasons.push('samme parti');
  const sameOrganization = overlap(a.organizations, b.organizations);
  if (sameOrganization) reasons.push('samme organisation');
  const closeName = relation === 'middle' || relation === 'typo';
  if (closeName && sameMunicipality && sameOrganization && !partiesClash) return { kind: 'same', relation, reasons };
  return { kind: 'suggest', relation, reasons };
}

/** The buckets a name is compared within (its last and its first word): names sharing none are never one person. */
export function nameBuckets(name: string): string[] {
  const t = tokens(name);
  return t.length === 0 ? [] : [...new Set([`l:${t.at(-1)}`, `f:${t[0]}`])];
}

/**
 * Every pair of identities that may be one person, with its verdict (pairs judged apart left out),
 * the pairs in a stable order. Names are bucketed by last name and by first name, so the work stays
 * near linear in the number of people.
 */
export function identityCandidates(people: readonly PersonEvidence[]): Array<{ a: PersonEvidence; b: PersonEvidence; verdict: Exclude<IdentityVerdict, { kind: 'apart' }> }> {
  const buckets = new Map<string, PersonEvidence[]>();
  for (const p of people) for (const key of nameBuckets(p.name)) buckets.set(key, [...(buckets.get(key) ?? []), p]);
  const seen = new Set<string>();
  const result: Array<{ a: PersonEvidence; b: PersonEvidence; verdict: Exclude<IdentityVerdict, { kind: 'apart' }> }> = [];
  for (const group of buckets.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = group[i]!.id < group[j]!.id ? [group[i]!, group[j]!] : [group[j]!, group[i]!];
        const key = `${a.id}:${b.id}`;
        if (a.id === b.id || seen.has(key)) continue;
        seen.add(key);
        const verdict = judgeIdentity(a, b);
        if (verdict.kind !== 'apart') result.push({ a, b, verdict });
      }
    }
  }
  return result.sort((x, y) => x.a.id - y.a.id || x.b.id - y.b.id);
}
