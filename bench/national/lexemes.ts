/**
 * @module Each word's lexeme as the database's Danish configuration makes it, asked once for the
 * whole vocabulary: the generator writes only words the text parser reads as one token each
 * (samples.ts), so an item's typed_tsv can be written as tsvector text instead of running
 * to_tsvector and the prefixing regex again (load.ts checks a sample against the SQL functions).
 */
import type { Words } from './generate.js';

export type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export async function lexemesOf(query: Query, words: string[]): Promise<Words> {
  const lexemeOf = new Int32Array(words.length).fill(-1);
  const lexemes: string[] = [];
  const idOf = new Map<string, number>();
  const CHUNK = 20_000;
  for (let start = 0; start < words.length; start += CHUNK) {
    const chunk = words.slice(start, start + CHUNK);
    const rows = await query<{ v: string }>(`select to_tsvector('danish', w)::text as v from unnest($1::text[]) with ordinality as u(w, n) order by n`, [chunk]);
    rows.forEach((row, i) => {
      if (row.v === '') return; // a stop word
      const m = /^'((?:[^']|'')*)':1$/.exec(row.v);
      if (!m) throw new Error(`the word "${chunk[i]}" is not one token to the text parser (${row.v})`);
      const lexeme = m[1]!.replace(/''/g, "'");
      let id = idOf.get(lexeme);
      if (id === undefined) {
        id = lexemes.length;
        lexemes.push(lexeme);
        idOf.set(lexeme, id);
      }
      lexemeOf[start + i] = id;
    });
  }
  return { words, lexemeOf, lexemes };
}
