/**
 * @module Access levels (adgang): who may read an item, a bilag, a file or a whole meeting.
 * Case systems mark them as Åben/Lukket/Personsag (Acadre), IsPublic (SBSYS) or access names
 * (eDoc, Fujitsu); the importers map them onto these three levels. Who sees which level is
 * decided in one place only: src/archive/policy.ts.
 */
import { z } from 'zod';

/** public: åbent punkt · closed: lukket punkt · confidential: personsag/fortroligt. */
export const AccessLevel = z.enum(['public', 'closed', 'confidential']);
export type AccessLevel = z.infer<typeof AccessLevel>;

/** Danish names of the levels, as the pages show them. */
export const ACCESS_LABELS: Record<AccessLevel, string> = {
  public: 'Åben',
  closed: 'Lukket',
  confidential: 'Fortrolig',
};

const RANK: Record<AccessLevel, number> = { public: 0, closed: 1, confidential: 2 };

/** The more restrictive of access levels (public < closed < confidential). */
export function mostRestrictive(...levels: AccessLevel[]): AccessLevel {
  return levels.reduce<AccessLevel>((a, b) => (RANK[b] > RANK[a] ? b : a), 'public');
}

/** True for anything the public may not read. */
export function isRestricted(level: AccessLevel): boolean {
  return level !== 'public';
}
