/**
 * @module Members listed in a table: names in two columns ("Anna Holm (A) ¦ Bo Berg (V)"), read
 * column by column as such a list is written, or one member a row with party, role or
 * municipality in cells of their own ("Anna Holm ¦ A ¦ Formand"), read row by row. A header row
 * ("Navn ¦ Parti ¦ Funktion", words in participants.json) is no member.
 */
import { MEMBER_TABLE_HEADERS } from '../lexicon/index.js';
import { knownMunicipality, partyOf, roleOf } from './participants.js';

const HEADERS = new Set(MEMBER_TABLE_HEADERS);

const isHeaderCell = (cell: string) => HEADERS.has(cell.trim().replace(/:$/, '').toLowerCase());

/** True for a table's header row over members: a name column and a party or role column ("Navn ¦ Parti"). */
export function isMemberTableHeader(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every(isHeaderCell) && /^navn/i.test(filled[0]!) && filled.some((c) => /^(parti|rolle|funktion|partibogstav|liste)/i.test(c));
}

/** A cell that only qualifies the member in the row's first cell: a party, a role, a municipality. */
const qualifies = (cell: string) => partyOf(cell, true) !== null || roleOf(cell) !== null || knownMunicipality(cell) !== null;

/**
 * The entries of a list written as table rows (and the lines under the table, which continue
 * its first column): one text per member, qualifiers joined to the name ("Anna Holm, A, Formand").
 */
export function tableListValues(rows: readonly (readonly string[])[], after: readonly string[] = []): string[] {
  const body = rows.filter((r) => !r.filter((c) => c.trim()).every(isHeaderCell));
  const width = Math.max(0, ...body.map((r) => r.length));
  // A column after the first whose cells all qualify the name: the table is one member a row.
  const rowWise = Array.from({ length: width }, (_, j) => j)
    .slice(1)
    .some((j) => {
      const cells = body.map((r) => r[j]?.trim() ?? '').filter(Boolean);
      return cells.length > 0 && cells.every(qualifies);
    });
  if (rowWise) {
    // A bare list letter in a cell of its own is the party ("UP" too): written in parentheses, as after a name.
    const members = body.map((r) => r.map((c, j) => (j > 0 && /^[A-ZÆØÅ]{1,2}$/.test(c.trim()) ? `(${c.trim()})` : c.trim())).filter(Boolean).join(', ')).filter(Boolean);
    return [...members, ...after];
  }
  const columns = Array.from({ length: width }, (_, j) => body.map((r) => r[j]?.trim() ?? '').filter(Boolean));
  if (columns.length === 0) return [...after];
  return [...columns[0]!, ...after, ...columns.slice(1).flat()];
}
