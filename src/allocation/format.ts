/** @module Danish number formats for explanations and pages: 1.234.567,89 kr., 12,5 %. Pure. */

const thousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Øre as kroner, "1.234.567,89 kr." (exact: no floating point). */
export function kroner(ore: number | bigint): string {
  const value = BigInt(ore);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${thousands((abs / 100n).toString())},${(abs % 100n).toString().padStart(2, '0')} kr.`;
}

/** A whole number with thousands separators, "367.095". */
export function whole(n: number | bigint): string {
  const s = BigInt(n).toString();
  return s.startsWith('-') ? `-${thousands(s.slice(1))}` : thousands(s);
}

/** Basis points as a percentage, "12,5 %". */
export function percent(bp: number | bigint): string {
  const v = BigInt(bp);
  const int = v / 100n;
  const frac = (v % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${int}${frac ? `,${frac}` : ''} %`;
}

/** A share in its unit: kroner for øre, a whole number for quotas. */
export function amount(share: number, unit: 'øre' | 'antal'): string {
  return unit === 'øre' ? kroner(share) : whole(share);
}
