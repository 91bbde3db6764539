/**
 * @module Rows of one table for a bulk load, and the two forms the drivers take them in: COPY's
 * text format (PGlite: `COPY … FROM '/dev/blob'`) and one array per column (node-postgres has no
 * COPY FROM STDIN without an extra package: `insert … select * from unnest($1::int[], …)`).
 */

export type ColumnType = 'int' | 'text' | 'bool' | 'date' | 'jsonb' | 'tsvector' | 'bytea' | 'text[]';

export class Columns {
  readonly names: string[];
  readonly types: ColumnType[];
  readonly rows: unknown[][] = [];

  /** `spec`: "name:type" per column, e.g. "id:int". */
  constructor(spec: readonly string[]) {
    this.names = spec.map((s) => s.split(':')[0]!);
    this.types = spec.map((s) => s.split(':')[1] as ColumnType);
  }

  add(row: unknown[]): void {
    if (row.length !== this.names.length) throw new Error(`a row of ${row.length} values for ${this.names.length} columns (${this.names.join(', ')})`);
    this.rows.push(row);
  }

  get length(): number {
    return this.rows.length;
  }

  /** COPY text format: tab-separated, \N for null, backslash escapes. */
  copyText(): string {
    const out: string[] = [];
    for (const row of this.rows) out.push(row.map((v, i) => copyValue(v, this.types[i]!)).join('\t'));
    return out.length > 0 ? `${out.join('\n')}\n` : '';
  }

  /** One array per column for `unnest`, values as PostgreSQL reads them from text. */
  columnArrays(): unknown[][] {
    return this.names.map((_, c) => this.rows.map((row) => arrayValue(row[c], this.types[c]!)));
  }
}

const SPECIAL = /[\\\t\n\r]/;
// Native replaceAll per character beats one regex with a callback on megabytes of text.
const escape = (s: string) =>
  SPECIAL.test(s) ? s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r') : s;

const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

function copyValue(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '\\N';
  switch (type) {
    case 'bool':
      return value ? 't' : 'f';
    case 'bytea':
      return `\\\\x${Buffer.from(value as Uint8Array).toString('hex')}`;
    case 'text[]':
      return escape(arrayLiteral(value as string[]));
    case 'int':
      return String(value);
    default:
      return escape(String(value));
  }
}

function arrayValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return `\\x${Buffer.from(value as Uint8Array).toString('hex')}`;
  if (type === 'text[]') return arrayLiteral(value as string[]);
  return value;
}

/** The statement inserting a Columns' arrays: text[] columns travel as text and are cast per row. */
export function unnestInsert(table: string, columns: Columns): string {
  const casts = columns.types.map((t, i) => `$${i + 1}::${t === 'text[]' ? 'text' : t}[]`);
  const select = columns.names.map((n, i) => (columns.types[i] === 'text[]' ? `u.c${i}::text[]` : `u.c${i}`));
  return `insert into ${table} (${columns.names.join(', ')}) select ${select.join(', ')} from unnest(${casts.join(', ')}) as u(${columns.names.map((_, i) => `c${i}`).join(', ')})`;
}
